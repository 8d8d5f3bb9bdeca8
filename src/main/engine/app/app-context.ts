import type { Settings } from '../../../shared/settings-schema';
import type { UiEvents } from '../../../shared/ui-api';
import { RunHistory } from '../history/run-history';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redactor';
import type { SecretStore } from '../secrets/secret-store';
import { resolveLakeDir } from '../settings/home';
import { applyEnvironment, SettingsStore } from '../settings/settings-store';
import { StateStore } from '../settings/state-store';

type Env = Readonly<Record<string, string | undefined>>;

export interface UiHandlerDeps {
  home: string;
  env: Env;
  secrets: SecretStore;
  logger: Logger;
  now: () => Date;
  transport: 'ipc' | 'http';
  /** Opens a URL in the system browser (desktop: shell.openExternal); absent in serve, where the page opens it. */
  openExternal?: (url: string) => Promise<void>;
  /** Run the daily schedule in this process (serve, the desktop app); default false. */
  schedule?: boolean;
  /** Watch settings.json for edits by other processes (the CLI); default true. */
  watchSettings?: boolean;
  /** App version for app.info; default the build's version. */
  version?: string;
  /** Scrubs secrets from every response and event; default the process-wide redactor. */
  redactor?: Redactor;
}

export type EmitEvent = <E extends keyof UiEvents>(event: E, payload: UiEvents[E]) => void;

/** What every group of handlers shares: the deps plus the stores and the event channel. */
export interface AppContext {
  readonly deps: UiHandlerDeps;
  readonly settingsStore: SettingsStore;
  readonly state: StateStore;
  readonly history: RunHistory;
  /** Effective settings: the file plus FOLLOWER_PULSE_* overrides. Throws SETTINGS_INVALID. */
  settings(): Promise<Settings>;
  lakeDir(settings: Settings): string;
  emit: EmitEvent;
}

export function createAppContext(deps: UiHandlerDeps, emit: EmitEvent): AppContext {
  const settingsStore = new SettingsStore(deps.home, deps.env);
  return {
    deps,
    settingsStore,
    state: new StateStore(deps.home),
    history: new RunHistory(deps.home),
    // Read on every call (a small file): the CLI may have changed it since the last request.
    settings: async () => applyEnvironment(await settingsStore.load(), deps.env),
    lakeDir: (settings) => resolveLakeDir(deps.home, settings),
    emit,
  };
}
