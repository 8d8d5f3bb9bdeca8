import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './paths';

/** `FOLLOWER_PULSE_NOW` for every spec: the same day as the fake LinkedIn's clock. */
export const TEST_NOW = '2026-11-28T10:00:00Z';

export interface ServeProcess {
  /** `http://127.0.0.1:PORT/?token=…`, the first line `serve` prints (contract §3). */
  url: string;
  origin: string;
  token: string;
  home: string;
  stderr: () => string;
  stop: () => Promise<void>;
}

export interface ServeOptions {
  apiBaseUrl: string;
  extraEnv?: Record<string, string>;
}

const START_TIMEOUT_MS = 20_000;
const WINDOWS_OR_MAC = process.platform === 'win32' || process.platform === 'darwin';

/**
 * The BUILT CLI's `serve` on a fresh temp home, as a user runs it. It runs inside
 * scripts/with-keyring.sh, i.e. with a private, throw-away GNOME keyring on its own D-Bus
 * session: pasting a token in the UI really goes through keytar to a Secret Service, and no
 * two tests (nor the developer's own keychain) ever share an entry. `--no-schedule` keeps
 * the daily schedule's catch-up run from racing the spec's own syncs.
 */
export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  const home = await mkdtemp(join(tmpdir(), 'fp-ui-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    // A Brazilian clock on purpose: days are UTC whatever the machine's zone (contract §5).
    TZ: 'America/Sao_Paulo',
    LANG: 'C.UTF-8',
    FOLLOWER_PULSE_HOME: home,
    FOLLOWER_PULSE_NOW: TEST_NOW,
    FOLLOWER_PULSE_LINKEDIN_API_URL: options.apiBaseUrl,
    ...options.extraEnv,
  };
  const serve = [process.execPath, join(ROOT, 'dist', 'cli', 'follower-pulse.js'), 'serve', '--port', '0', '--no-schedule'];
  // Windows and macOS have one keychain per user: the tests use their own service name there
  // so they never touch the developer's real Follower Pulse secrets.
  const [command, ...args] = WINDOWS_OR_MAC ? serve : ['sh', join(ROOT, 'scripts', 'with-keyring.sh'), ...serve];
  if (WINDOWS_OR_MAC) env.FOLLOWER_PULSE_KEYCHAIN_SERVICE = 'Follower Pulse (tests)';
  const child = spawn(command, args, {
    cwd: home,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: dbus-daemon and gnome-keyring-daemon are stopped with it.
    detached: !WINDOWS_OR_MAC,
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    await stopGroup(child, exited);
    await rm(home, { recursive: true, force: true });
  };

  let url: string;
  try {
    url = await firstLine(child, START_TIMEOUT_MS, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', home, stderr: () => stderr, stop };
}

function firstLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(`serve printed no URL within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string): void => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`${why}\n--- serve stderr ---\n${stderr()}`));
    };
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      if (/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(line)) resolve(line.trim());
      else fail(`serve's first line is not its URL: ${line}`);
    });
    child.once('exit', (code) => fail(`serve exited with code ${code} before printing its URL`));
  });
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  signalGroup(child.pid, 'SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), delay(5000).then(() => true)]);
  if (timedOut) signalGroup(child.pid, 'SIGKILL');
  // The keyring daemon may outlive the shell for a moment; the group gets the last word.
  signalGroup(child.pid, 'SIGKILL');
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(WINDOWS_OR_MAC ? pid : -pid, signal);
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
