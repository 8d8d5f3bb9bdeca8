import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/shared/run-record';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';

/** Issue 9 item 7: one damaged old month file must not stop daily collection. */
const ORG = '2414183';
const TOKEN = 'test-token';
const NOW = '2026-11-28T10:00:00Z';
const NEXT_DAY = '2026-11-29T10:00:00Z';

let fake: FakeLinkedIn;
let home: string;

const env = (now = NOW): NodeJS.ProcessEnv => cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token: TOKEN, now });
const gainsPath = (month: string): string => join(home, 'lake', 'follower_gains', `month=${month}`, `linkedin-${ORG}-api.csv`);

async function damage(month: string): Promise<string> {
  const lines = (await readFile(gainsPath(month), 'utf8')).split('\n');
  lines.splice(3, 1, 'this is not a lake row');
  const text = lines.join('\n');
  await writeFile(gainsPath(month), text);
  return text;
}

beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme Ltda', followers: 12_345 });
  home = await tempHome();
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
  expect((await runCliProcess(['sync'], env())).code).toBe(0);
  fake.setNow(new Date(NEXT_DAY));
});
afterEach(async () => fake.close());

describe('a damaged month file (issue 9 item 7)', () => {
  it('an old damaged file the run does not need: the new day lands, the record warns naming the file and the fix', async () => {
    const damaged = await damage('2026-03');
    const r = await runCliProcess(['sync', '--json'], env(NEXT_DAY));
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.accounts[0].error).toBeNull();
    expect(r.code).toBe(0);
    expect(record.status).toBe('success');
    expect(await readFile(gainsPath('2026-11'), 'utf8')).toContain('2026-11-26,linkedin,');
    const warning = record.warnings.find((w) => w.code === 'LAKE_FILE_DAMAGED');
    expect(warning?.message).toContain(gainsPath('2026-03'));
    expect(warning?.message).toContain('line 4');
    expect(warning?.message).toContain('follower-pulse sync --from 2026-03-01 --to 2026-03-31');
    expect(warning?.message).toContain('follower-pulse mirror');
    expect(await readFile(gainsPath('2026-03'), 'utf8')).toBe(damaged);
  });

  it('a damaged file the run must rewrite fails the run and is left untouched', async () => {
    const damaged = await damage('2026-11');
    const r = await runCliProcess(['sync', '--json'], env(NEXT_DAY));
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('failed');
    expect(record.accounts[0].error?.message).toContain(gainsPath('2026-11'));
    expect(await readFile(gainsPath('2026-11'), 'utf8')).toBe(damaged);
  });

  it('re-fetching the damaged month with --from/--to repairs the file', async () => {
    await damage('2026-03');
    const r = await runCliProcess(['sync', '--from', '2026-03-01', '--to', '2026-03-31', '--json'], env(NEXT_DAY));
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.warnings.filter((w) => w.code === 'LAKE_FILE_DAMAGED')).toEqual([]);
    const text = await readFile(gainsPath('2026-03'), 'utf8');
    expect(text).not.toContain('this is not a lake row');
    expect(text.trim().split('\n')).toHaveLength(1 + 31);
  });

  it('query names the damaged file instead of only a CSV line number', async () => {
    await damage('2026-03');
    const r = await runCliProcess(['query', 'SELECT count(*) AS n FROM follower_gains'], env(NEXT_DAY));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(gainsPath('2026-03'));
    expect(r.stderr).toContain('line 4');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
