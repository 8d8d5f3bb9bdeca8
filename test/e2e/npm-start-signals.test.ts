import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';
import { tempHome } from '../support/cli-harness';

/** Issue 9 item 9: `npm start` stopped with SIGTERM must not leave start.mjs and `serve` behind. */
const root = fileURLToPath(new URL('../..', import.meta.url));

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Stops what a failed run left behind: only the processes started with this test's port. */
function killLeftovers(port: number): void {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of ps.stdout.split('\n')) {
    const [pid, ...args] = line.trim().split(/\s+/);
    if (args.join(' ').includes(`--port ${port}`) && Number(pid) !== process.pid) process.kill(Number(pid), 'SIGKILL');
  }
}

async function waitUntil(predicate: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return predicate();
}

describe.skipIf(process.platform === 'win32')('npm start and signals', () => {
  // npm runs the start script as `sh -c "node scripts/build.mjs --quiet && node scripts/start.mjs ARGS"`
  // and passes a SIGTERM to that shell. The same shape without npm and the build (which would
  // rewrite dist/ under the other end-to-end tests): a shell whose last command is start.mjs.
  it('SIGTERM to npm start (its shell) stops the app it started', async () => {
    const home = await tempHome('fp-start-');
    const port = await freePort();
    const npm = spawn('sh', ['-c', `true && node scripts/start.mjs --port ${port}`], {
      cwd: root,
      env: { ...process.env, FOLLOWER_PULSE_HOME: home, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', PATH: process.env.PATH, DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stderr.resume();
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('npm start printed no URL within 120 s')), 120_000);
      createInterface({ input: npm.stdout }).on('line', (line) => {
        if (line.startsWith('http://127.0.0.1:')) {
          clearTimeout(timer);
          resolve(line);
        }
      });
    });
    expect(url).toContain(`:${port}/`);
    expect(await listening(port)).toBe(true);
    npm.kill('SIGTERM');
    await exited;
    const stopped = await waitUntil(async () => !(await listening(port)), 10_000);
    if (!stopped) killLeftovers(port);
    expect(stopped).toBe(true);
  }, 180_000);
});
