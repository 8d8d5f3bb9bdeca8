import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/shared/run-record';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, readTree, runCliProcess, startCli, tempHome } from '../support/cli-harness';

const ORG = '2414183';
const NOW = '2026-11-28T10:00:00Z';
const CANARY = 'canary-token-7f3a9c1e-DO-NOT-LEAK';

let fake: FakeLinkedIn;
let home: string;

beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: CANARY });
  fake.addOrganization(ORG, { name: 'Acme', followers: 500 });
  home = await tempHome();
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
});
afterEach(async () => fake.close());

const env = (): NodeJS.ProcessEnv => cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token: CANARY, now: NOW });

async function runRecords(): Promise<RunRecord[]> {
  const dir = join(home, 'runs');
  if (!existsSync(dir)) return [];
  const out: RunRecord[] = [];
  for (const f of await readdir(dir)) for (const l of (await readFile(join(dir, f), 'utf8')).split('\n').filter(Boolean)) out.push(JSON.parse(l) as RunRecord);
  return out;
}

function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (predicate()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
      else setTimeout(tick, 20);
    };
    tick();
  });
}

describe('robustness of the sync process', () => {
  it('two syncs at once: one runs, the other exits 3 naming the holder and records nothing', async () => {
    fake.setLatency(700);
    const [a, b] = await Promise.all([runCliProcess(['sync'], env()), runCliProcess(['sync'], env())]);
    const codes = [a.code, b.code].sort();
    expect(codes).toEqual([0, 3]);
    const refused = a.code === 3 ? a : b;
    expect(refused.stderr).toMatch(/^Another sync is running: a cli run \(pid \d+ on .+, started .+\) — wait for it to finish/);
    expect(await runRecords()).toHaveLength(1);
  });

  it('kill -9 in the middle of a run: the lake stays readable and the next run completes it at once', async () => {
    expect((await runCliProcess(['sync'], env())).code).toBe(0);
    fake.setNow(new Date('2026-12-05T10:00:00Z'));
    fake.setLatency(3000);
    const later = { ...env(), FOLLOWER_PULSE_NOW: '2026-12-05T10:00:00Z' };
    const { child, done } = startCli(['sync'], later);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await waitFor(() => stderr.includes('fetching'));
    child.kill('SIGKILL');
    await done;
    expect(existsSync(join(home, 'sync.lock'))).toBe(true);

    fake.setLatency(0);
    const rerun = await runCliProcess(['sync', '--json'], later);
    expect(rerun.code).toBe(0);
    const record = JSON.parse(rerun.stdout) as RunRecord;
    expect(record.accounts[0].missingDays).toEqual([]);
    expect(record.accounts[0].daysWritten).toBeGreaterThanOrEqual(7);
    expect(existsSync(join(home, 'sync.lock'))).toBe(false);
    const status = JSON.parse((await runCliProcess(['status', '--json'], later)).stdout) as { accounts: { lastDay: string; missingDays: string[] }[] };
    expect(status.accounts[0]).toMatchObject({ lastDay: '2026-12-02', missingDays: [] });
  });

  it('temporary files left by a killed writer are removed and never read as data', async () => {
    expect((await runCliProcess(['sync'], env())).code).toBe(0);
    const month = join(home, 'lake', 'follower_gains', 'month=2026-11');
    await writeFile(join(month, '.linkedin-2414183-api.csv.4242.abcd.tmp'), 'day,network\n2026-11-01,linkedin,garbage');
    const r = await runCliProcess(['sync'], env());
    expect(r.code).toBe(0);
    expect((await readdir(month)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('the access token is never written anywhere under the home, in success or failure', async () => {
    expect((await runCliProcess(['sync'], env())).code).toBe(0);
    fake.failNext('expired', 5);
    const failed = await runCliProcess(['sync', '--json'], env());
    expect(failed.code).toBe(1);
    const withBadUrl = await runCliProcess(['sync'], { ...env(), FOLLOWER_PULSE_LINKEDIN_API_URL: 'http://127.0.0.1:9/rest' });
    expect(withBadUrl.code).toBe(1);
    const outputs = [failed.stdout, failed.stderr, withBadUrl.stdout, withBadUrl.stderr].join('\n');
    expect(outputs).not.toContain(CANARY);
    const tree = await readTree(home);
    expect(tree.size).toBeGreaterThan(10);
    expect([...tree.keys()].some((k) => k.startsWith('logs/'))).toBe(true);
    for (const [file, content] of tree) expect(content.includes(CANARY), file).toBe(false);
  });

  it('sync loads no DuckDB, AWS, mail or UI code', async () => {
    const log = join(home, 'loaded-modules.txt');
    const recorder = fileURLToPath(new URL('../support/load-recorder.mjs', import.meta.url));
    // Asynchronous on purpose: the fake API answers from this very process.
    const r = await startCli(['sync'], { ...env(), FP_LOAD_LOG: log }, undefined, ['--import', recorder]).done;
    expect(r.code).toBe(0);
    const loaded = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    // Positive control: the recorder saw the CLI's own chunks.
    expect(loaded.some((u) => u.includes('/dist/chunks/'))).toBe(true);
    for (const banned of ['@duckdb', '@aws-sdk', 'nodemailer', 'react', 'chart.js', 'keytar', 'electron']) {
      expect(loaded.filter((u) => u.includes(`node_modules/${banned}`)), banned).toEqual([]);
    }
  });
});
