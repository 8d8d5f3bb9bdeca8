import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_CLI } from './global-setup';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliEnv {
  home: string;
  apiBaseUrl?: string;
  token?: string | null;
  now?: string;
  extra?: Record<string, string>;
}

/** A non-UTC zone on purpose: days are UTC whatever the machine's clock says (contract §5). */
export const TEST_TZ = 'America/Sao_Paulo';

export function cliEnv(env: CliEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: env.home,
    TZ: TEST_TZ,
    FOLLOWER_PULSE_HOME: env.home,
    // Keep any developer keychain out of the way: tests pass secrets through the environment.
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    XDG_DATA_HOME: process.env.XDG_DATA_HOME,
    ...env.extra,
  };
  if (env.apiBaseUrl) out.FOLLOWER_PULSE_LINKEDIN_API_URL = env.apiBaseUrl;
  if (env.token) out.FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN = env.token;
  if (env.now) out.FOLLOWER_PULSE_NOW = env.now;
  return out;
}

export function startCli(args: string[], env: NodeJS.ProcessEnv, input?: string, nodeArgs: string[] = []): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [...nodeArgs, BUILT_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  const done = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliRun> {
  return startCli(args, env, input).done;
}

export async function tempHome(prefix = 'fp-e2e-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Every file under a folder, with its content, for "nothing leaked" and "nothing changed" checks. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  async function walk(d: string): Promise<void> {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if ((await stat(path)).isFile()) out.set(path.slice(dir.length + 1), await readFile(path));
    }
  }
  await walk(dir);
  return out;
}
