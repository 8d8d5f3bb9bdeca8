import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface S3rverHandle {
  /** `http://127.0.0.1:PORT`, for `s3.endpoint` with `forcePathStyle: true`. */
  endpoint: string;
  port: number;
  /** s3rver's data folder: `<directory>/<bucket>/...`. */
  directory: string;
  stop(): Promise<void>;
}

const script = fileURLToPath(new URL('./s3rver-process.ts', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Starts s3rver 3.7.1 on 127.0.0.1 (a free port) in a child process with the openssl legacy
 * provider it needs, creating `buckets`. Any AWS credentials are accepted; use
 * AWS_ACCESS_KEY_ID=S3RVER / AWS_SECRET_ACCESS_KEY=S3RVER and any region.
 */
export async function startS3rver(options: { buckets?: string[] } = {}): Promise<S3rverHandle> {
  const directory = await mkdtemp(join(tmpdir(), 'fp-s3rver-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, script], {
    env: {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--openssl-legacy-provider'].filter(Boolean).join(' '),
      S3RVER_DIRECTORY: directory,
      S3RVER_BUCKETS: (options.buckets ?? []).join(','),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('s3rver did not start within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code} before listening`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    directory,
    async stop() {
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
