import path from 'node:path';
import type { Settings } from '../../../shared/settings-schema';

/** Electron's `productName`: userData is `<appData>/<productName>`, and the CLI must agree. */
export const PRODUCT_DIR_NAME = 'Follower Pulse';

export interface ResolveHomeInput {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** The user's home directory (os.homedir()). */
  homedir: string;
  /** `--home DIR` from the command line. */
  argHome?: string | undefined;
  /** Base for a relative `--home` / FOLLOWER_PULSE_HOME; left relative when absent. */
  cwd?: string | undefined;
}

/**
 * The home folder (contract §2): `--home`, then FOLLOWER_PULSE_HOME, else the folder Electron
 * would use as userData, so the tray app and a scheduled CLI run share one home.
 * Pure: everything it depends on is passed in, so every platform is testable anywhere.
 */
export function resolveHome(input: ResolveHomeInput): string {
  const p = pathFor(input.platform);
  const explicit = nonEmpty(input.argHome) ?? nonEmpty(input.env.FOLLOWER_PULSE_HOME);
  if (explicit !== undefined) return absolutize(p, expandTilde(p, explicit, input.homedir), input.cwd);
  return p.join(appDataDir(input), PRODUCT_DIR_NAME);
}

/** `lake.dir` from settings, else `<home>/lake`; a relative lake.dir is relative to the home, not the cwd. */
export function resolveLakeDir(home: string, settings: Pick<Settings, 'lake'>): string {
  const dir = nonEmpty(settings.lake.dir ?? undefined);
  if (dir === undefined) return path.join(home, 'lake');
  return path.resolve(home, dir);
}

/** Electron's `app.getPath('appData')` for each platform. */
function appDataDir({ env, platform, homedir }: ResolveHomeInput): string {
  const p = pathFor(platform);
  if (platform === 'win32') return nonEmpty(env.APPDATA) ?? p.join(homedir, 'AppData', 'Roaming');
  if (platform === 'darwin') return p.join(homedir, 'Library', 'Application Support');
  // Chromium takes XDG_CONFIG_HOME as given when set and non-empty; match it exactly.
  return nonEmpty(env.XDG_CONFIG_HOME) ?? p.join(homedir, '.config');
}

function pathFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

// Scheduler entries (systemd Environment=, Task Scheduler) do not expand `~` the way a shell does.
function expandTilde(p: path.PlatformPath, dir: string, homedir: string): string {
  if (dir === '~') return homedir;
  if (dir.startsWith('~/') || (p === path.win32 && dir.startsWith('~\\'))) return p.join(homedir, dir.slice(2));
  return dir;
}

function absolutize(p: path.PlatformPath, dir: string, cwd: string | undefined): string {
  if (p.isAbsolute(dir) || cwd === undefined) return p.normalize(dir);
  return p.resolve(cwd, dir);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
