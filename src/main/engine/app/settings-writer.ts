import { readFile } from 'node:fs/promises';
import { defaultSettings, type Settings } from '../../../shared/settings-schema';
import type { DeepPartial } from '../../../shared/ui-api';
import { applyEnvironment, isErrnoCode } from '../settings/settings-store';
import type { AppContext } from './app-context';
import { deepMerge, isPlainObject, type PlainObject } from './deep-merge';

/**
 * Every settings write the UI makes, one at a time within this process, and the
 * 'settings-changed' event that follows it. A change made elsewhere (the CLI editing the file)
 * comes in through `reload`, called by the file watcher; an event goes out unless it repeats
 * the last one, so our own write, seen again by the watcher, is silent. There is deliberately
 * no baseline read at startup: it could land after an outside edit and hide it.
 */
export class SettingsWriter {
  readonly #ctx: AppContext;
  #queue: Promise<unknown> = Promise.resolve();
  #lastAnnounced: string | null = null;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  /**
   * Merges a patch onto the settings FILE (never the environment-applied settings) and saves it
   * when the result is valid. The file may be invalid beforehand: a patch that fixes it is how
   * the Settings view repairs a broken file, explicitly and never silently.
   */
  patch(patch: DeepPartial<Settings>): Promise<Settings> {
    return this.#exclusive(async () => {
      const merged = deepMerge(await this.#fileDocument(), patch);
      // save() validates its argument at runtime (SETTINGS_INVALID with issues); `merged` is only a candidate.
      return this.#saved(await this.#ctx.settingsStore.save(merged as Settings));
    });
  }

  /** Read-modify-write of valid file settings (accounts). */
  update(change: (settings: Settings) => Settings): Promise<Settings> {
    return this.#exclusive(async () => this.#saved(await this.#ctx.settingsStore.save(change(await this.#ctx.settingsStore.load()))));
  }

  /** Reloads after an outside change; announces it when the effective settings differ. Never throws. */
  async reload(): Promise<void> {
    let settings: Settings;
    try {
      settings = await this.#ctx.settings();
    } catch (error) {
      // An invalid file is reported by app.info and settings.get; nothing to announce.
      this.#ctx.deps.logger.warn('settings.reload-invalid', { message: error instanceof Error ? error.message : String(error) });
      this.#lastAnnounced = null;
      return;
    }
    this.#announce(settings);
  }

  #saved(fileSettings: Settings): Settings {
    const effective = applyEnvironment(fileSettings, this.#ctx.deps.env);
    this.#announce(effective);
    return effective;
  }

  #announce(settings: Settings): void {
    const json = JSON.stringify(settings);
    if (json === this.#lastAnnounced) return;
    this.#lastAnnounced = json;
    this.#ctx.emit('settings-changed', settings);
  }

  async #fileDocument(): Promise<PlainObject> {
    const path = this.#ctx.settingsStore.path;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isErrnoCode(error, 'ENOENT')) return defaultSettings();
      throw error;
    }
    let data: unknown = null;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      // Not JSON at all: nothing to merge onto. load() says which line is broken.
    }
    if (isPlainObject(data)) return data;
    await this.#ctx.settingsStore.load();
    throw new Error('unreachable: load() accepted a settings file that is not a JSON object');
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
