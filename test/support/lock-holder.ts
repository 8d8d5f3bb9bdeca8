import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const script = fileURLToPath(new URL('./lock-holder-process.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Another process holding `<home>/sync.lock` until `release()`. */
export async function holdLockInAnotherProcess(home: string): Promise<{ pid: number; release(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', tsxLoader, script, home], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the lock holder did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`the lock holder exited with code ${code}`)));
    createInterface({ input: child.stdout }).once('line', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    pid: child.pid!,
    async release() {
      child.stdin.end();
      await exited;
    },
  };
}
