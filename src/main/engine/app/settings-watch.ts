import { watch, type FSWatcher } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { Logger } from '../log/logger';
import { SETTINGS_FILE } from '../settings/settings-store';

export interface SettingsWatch {
  close(): void;
}

/**
 * Calls `onChange` (debounced) when settings.json in `home` changes, e.g. the CLI edited it.
 * The folder is watched, not the file: an atomic save replaces the file (rename), which a
 * watch on the old file would never see. A platform without file watching (or out of inotify
 * watches) only loses live reloading, so a failure is logged and the app goes on.
 */
export function watchSettingsFile(options: { home: string; logger: Logger; onChange: () => void; debounceMs?: number }): SettingsWatch {
  const debounceMs = options.debounceMs ?? 150;
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      options.onChange();
    }, debounceMs);
    timer.unref();
  };
  try {
    mkdirSync(options.home, { recursive: true });
    // persistent: false: watching alone must not keep a process alive.
    watcher = watch(options.home, { persistent: false }, (_event, filename) => {
      // Some platforms do not report the name; then any change in the folder may be ours.
      if (filename === null || filename.toString() === SETTINGS_FILE) fire();
    });
    watcher.on('error', (error) => {
      options.logger.warn('settings.watch-failed', { message: error.message });
      watcher?.close();
    });
  } catch (error) {
    options.logger.warn('settings.watch-failed', { message: error instanceof Error ? error.message : String(error) });
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
