import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_CLI } from '../../test/support/global-setup';

/** The built CLI in its own process, as a scheduler runs it, with its peak RSS recorded. */

export const BENCH_NOW = '2026-11-28T10:00:00Z';
export const BENCH_TOKEN = 'bench-token';
const USAGE_HOOK = fileURLToPath(new URL('./report-usage.mjs', import.meta.url));

export interface ProcessRun {
  ms: number;
  code: number | null;
  rssKiB: number;
  /** User + system CPU time of the process. */
  cpuMs: number;
  stdout: string;
}

export async function runCli(home: string, apiBaseUrl: string, args: string[], extraEnv: Record<string, string> = {}): Promise<ProcessRun> {
  const usageFile = join(home, `.usage-${Date.now()}-${Math.random()}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE_HOOK, BUILT_CLI, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      FOLLOWER_PULSE_HOME: home,
      FOLLOWER_PULSE_NOW: BENCH_NOW,
      FOLLOWER_PULSE_LINKEDIN_API_URL: apiBaseUrl,
      FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN: BENCH_TOKEN,
      FP_USAGE_FILE: usageFile,
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) console.error(`  (follower-pulse ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1)})`);
  const ms = performance.now() - started;
  const usage = JSON.parse(await readFile(usageFile, 'utf8').catch(() => '{}')) as { rssKiB?: number; cpuMs?: number };
  return { ms, code, rssKiB: usage.rssKiB ?? 0, cpuMs: usage.cpuMs ?? 0, stdout };
}

/** A fresh home tracking these pages; `extra` adds settings sections (sync, s3). */
export async function homeWithPages(ids: readonly string[], extra: Record<string, unknown> = {}): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'fp-bench-'));
  const settings = { version: 1, accounts: ids.map((id, i) => ({ network: 'linkedin', id, name: `Page ${i + 1}` })), ...extra };
  await writeFile(join(home, 'settings.json'), JSON.stringify(settings));
  return home;
}
