import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const script = fileURLToPath(new URL('./lock-contender-process.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface Contender {
  child: ChildProcessByStdio<Writable, Readable, null>;
  lines: AsyncIterator<string>;
}

/**
 * Starts `count` processes that each try to take `<home>/sync.lock` at the same moment, and
 * returns what each one reported (`writer`, `refused` or `error CODE`). Writers keep the lock
 * until every contender has answered, then all are stopped.
 */
export async function raceForLock(home: string, count: number): Promise<string[]> {
  const contenders: Contender[] = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, ['--import', tsxLoader, script, home], { stdio: ['pipe', 'pipe', 'inherit'] });
    contenders.push({ child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() });
  }
  try {
    await Promise.all(contenders.map((c) => expectLine(c, 'ready')));
    for (const c of contenders) c.child.stdin.write('go\n');
    return await Promise.all(contenders.map(async (c) => (await c.lines.next()).value as string));
  } finally {
    await Promise.all(
      contenders.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.child.exitCode !== null) return resolve();
            c.child.once('exit', () => resolve());
            c.child.stdin.end();
          }),
      ),
    );
  }
}

async function expectLine(contender: Contender, expected: string): Promise<void> {
  const value = (await contender.lines.next()).value as string | undefined;
  if (value !== expected) throw new Error(`a lock contender said ${String(value)} instead of ${expected}`);
}
