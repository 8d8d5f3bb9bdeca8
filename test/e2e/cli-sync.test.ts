import { existsSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayRange } from '../../src/main/engine/dates';
import type { RunRecord } from '../../src/shared/run-record';
import { defaultFakeGains, type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, readTree, runCliProcess, tempHome } from '../support/cli-harness';

const ORG = '2414183';
const TOKEN = 'test-token';
const NOW = '2026-11-28T10:00:00Z';
const NEXT_DAY = '2026-11-29T10:00:00Z';

let fake: FakeLinkedIn;
let home: string;

function env(now = NOW, token: string | null = TOKEN): NodeJS.ProcessEnv {
  return cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token, now });
}

async function cli(args: string[], e: NodeJS.ProcessEnv = env()) {
  return runCliProcess(args, e);
}

async function runs(): Promise<RunRecord[]> {
  const dir = join(home, 'runs');
  if (!existsSync(dir)) return [];
  const lines: RunRecord[] = [];
  for (const f of (await readdir(dir)).sort()) {
    for (const line of (await readFile(join(dir, f), 'utf8')).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as RunRecord);
  }
  return lines;
}

async function gainsCsv(month: string): Promise<string> {
  return readFile(join(home, 'lake', 'follower_gains', `month=${month}`, `linkedin-${ORG}-api.csv`), 'utf8');
}

async function setUpPage(): Promise<void> {
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
}

// A fresh fake and home per test: misbehaviour set up by one test never leaks into the next.
beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme Ltda', followers: 12_345 });
  home = await tempHome();
});
afterEach(async () => fake.close());

describe('follower-pulse sync, end to end against the fake LinkedIn API (TZ=America/Sao_Paulo)', () => {
  it('adds a page by id, resolving its name through the API', async () => {
    const r = await cli(['accounts', 'add', 'linkedin', ORG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added Acme Ltda (LinkedIn 2414183)');
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: unknown[] };
    expect(settings.accounts).toEqual([{ network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: true }]);
  });

  it('first run imports the year in one statistics request, with the right numbers', async () => {
    await setUpPage();
    const before = fake.requests.length;
    const r = await cli(['sync', '--json']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record).toMatchObject({ status: 'success', trigger: 'cli', apiCalls: 2, destinations: ['local'], error: null });
    expect(record.accounts[0]).toMatchObject({ accountId: ORG, daysWritten: 363, rowsWritten: 364, missingDays: [] });
    expect(fake.requests.length - before).toBe(2);
    expect(r.stderr).toContain('fetching 363 days (2025-11-28 → 2026-11-25)');

    const months = await readdir(join(home, 'lake', 'follower_gains'));
    expect(months.sort()).toEqual(['month=2025-11', ...dayRange('2025-12-01', '2026-11-01').filter((d) => d.endsWith('-01')).map((d) => `month=${d.slice(0, 7)}`)]);
    const nov = (await gainsCsv('2026-11')).split('\n');
    expect(nov[0]).toBe('day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at');
    const expected = defaultFakeGains(ORG, '2026-11-25');
    expect(nov).toContain(`2026-11-25,linkedin,${ORG},${expected.organic},${expected.paid},${expected.organic + expected.paid},api,${record.startedAt}`);
    expect(nov.filter(Boolean)).toHaveLength(1 + 25);

    const totals = await readFile(join(home, 'lake', 'follower_totals', 'month=2026-11', `linkedin-${ORG}-api.csv`), 'utf8');
    expect(totals).toContain(`2026-11-28,linkedin,${ORG},12345,api,`);
    const accounts = await readFile(join(home, 'lake', 'accounts', 'accounts.csv'), 'utf8');
    expect(accounts).toContain(`"linkedin","${ORG}","Acme"`);
    expect(await runs()).toHaveLength(1);
    const syncRuns = await readdir(join(home, 'lake', 'sync_runs', 'month=2026-11'));
    expect(syncRuns).toEqual([`${record.runId}.csv`]);

    const status = JSON.parse((await cli(['status', '--json'])).stdout) as { accounts: Record<string, unknown>[]; lastRun: RunRecord; nextRunAt: string };
    expect(status.accounts[0]).toMatchObject({ network: 'linkedin', accountId: ORG, name: 'Acme', firstDay: '2025-11-28', lastDay: '2026-11-25', missingDays: [], totalFollowers: 12_345 });
    expect(status.lastRun.runId).toBe(record.runId);
    expect(status.nextRunAt).toMatch(/^2026-11-(28|29)T/);
  });

  it('a second run the same day is up to date and rewrites no lake file', async () => {
    await setUpPage();
    expect((await cli(['sync'])).code).toBe(0);
    const lakeBefore = await readTree(join(home, 'lake', 'follower_gains'));
    const mtimes = await Promise.all([...lakeBefore.keys()].map(async (k) => (await stat(join(home, 'lake', 'follower_gains', k))).mtimeMs));
    const r = await cli(['sync']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Already up to date');
    expect(await readTree(join(home, 'lake', 'follower_gains'))).toEqual(lakeBefore);
    const after = await Promise.all([...lakeBefore.keys()].map(async (k) => (await stat(join(home, 'lake', 'follower_gains', k))).mtimeMs));
    expect(after).toEqual(mtimes);
    expect((await runs()).map((x) => x.status)).toEqual(['success', 'up-to-date']);
  });

  it('the next day adds the new day and rewrites only a revised lookback day', async () => {
    await setUpPage();
    const first = JSON.parse((await cli(['sync', '--json'])).stdout) as RunRecord;
    const octBefore = await gainsCsv('2026-10');
    fake.setNow(new Date(NEXT_DAY));
    fake.setGain(ORG, '2026-11-22', { organic: 999, paid: 7 });
    const r = await cli(['sync', '--json'], env(NEXT_DAY));
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('success');
    expect(record.accounts[0].daysRequested).toEqual(dayRange('2026-11-20', '2026-11-26'));
    expect(record.accounts[0].daysWritten).toBe(2);
    const nov = await gainsCsv('2026-11');
    expect(nov).toContain(`2026-11-22,linkedin,${ORG},999,7,1006,api,${record.startedAt}`);
    expect(nov).toContain(`,api,${first.startedAt}`); // unchanged days keep their fetched_at
    expect(nov.match(/^2026-11-22,/gm)).toHaveLength(1);
    expect(await gainsCsv('2026-10')).toBe(octBefore);
  });

  it('a missing newest day is no-data (exit 1), listed, and fetched again on the next run', async () => {
    await setUpPage();
    fake.omitDays(ORG, ['2026-11-25', '2026-06-10']);
    const r = await cli(['sync', '--json']);
    expect(r.code).toBe(1);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.status).toBe('no-data');
    expect(record.accounts[0].missingDays).toEqual(['2026-06-10', '2026-11-25']);
    expect(await gainsCsv('2026-11')).not.toContain('2026-11-25,');
    const text = await cli(['status']);
    expect(text.stdout).toContain('missing days: 2026-06-10, 2026-11-25');
    expect(text.stdout).toContain(`Destinations: local data folder ${join(home, 'lake')}`);

    fake.setGain(ORG, '2026-06-10', { organic: 3, paid: 0 });
    fake.setGain(ORG, '2026-11-25', { organic: 5, paid: 1 });
    const again = await cli(['sync', '--json']);
    const second = JSON.parse(again.stdout) as RunRecord;
    expect(second.accounts[0].daysRequested).toContain('2026-06-10');
    expect(second.accounts[0].missingDays).toEqual([]);
    expect(again.code).toBe(0);
    expect(await gainsCsv('2026-06')).toMatch(/^2026-06-10,/m);
  });

  it('older gaps alone leave success and are listed', async () => {
    await setUpPage();
    fake.omitDays(ORG, ['2026-03-03']);
    const r = await cli(['sync', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as RunRecord).accounts[0].missingDays).toEqual(['2026-03-03']);
  });
});

describe('failures: one clear line, the right exit code, nothing lost', () => {
  const cases: { kind: Parameters<FakeLinkedIn['failNext']>[0]; code: string; line: RegExp }[] = [
    { kind: 'expired', code: 'LINKEDIN_TOKEN_EXPIRED', line: /LinkedIn access token expired — open Settings › LinkedIn or run: follower-pulse secret set linkedin\.accessToken/ },
    { kind: 'revoked', code: 'LINKEDIN_TOKEN_REVOKED', line: /revoked/i },
    { kind: 'forbidden', code: 'LINKEDIN_PERMISSION_DENIED', line: /ADMINISTRATOR/ },
    { kind: 'daily-limit', code: 'LINKEDIN_DAILY_LIMIT', line: /00:00 UTC/ },
    { kind: 'missing-follower-gains', code: 'LINKEDIN_BAD_RESPONSE', line: /followerGains/ },
  ];

  for (const c of cases) {
    it(`${c.kind} → ${c.code}, exit 1, previous data untouched`, async () => {
      await setUpPage();
      expect((await cli(['sync'])).code).toBe(0);
      const before = await readTree(join(home, 'lake', 'follower_gains'));
      fake.setNow(new Date(NEXT_DAY));
      fake.failNext(c.kind, 10);
      const r = await cli(['sync'], env(NEXT_DAY));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(c.line);
      expect(r.stdout).toContain('Sync failed');
      const record = (await runs()).at(-1)!;
      expect(record.status).toBe('failed');
      expect(record.error?.code).toBe(c.code);
      expect(record.accounts[0].error?.code).toBe(c.code);
      expect(await readTree(join(home, 'lake', 'follower_gains'))).toEqual(before);
    });
  }

  // npm test runs inside a throw-away unlocked keyring (scripts/with-keyring.sh); outside one,
  // the same run must say the keychain is unavailable instead.
  const keyring = process.env.FOLLOWER_PULSE_KEYRING_READY === '1';
  it.runIf(keyring)('no token in the keychain → LINKEDIN_TOKEN_MISSING with the command to fix it', async () => {
    await setUpPage();
    const r = await cli(['sync'], env(NOW, null));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Acme (LinkedIn 2414183): No LinkedIn access token is stored — open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken');
    expect((await runs())[0].error?.code).toBe('LINKEDIN_TOKEN_MISSING');
  });

  it('no keychain at all → KEYCHAIN_UNAVAILABLE naming the environment variable, run recorded', async () => {
    await setUpPage();
    const r = await cli(['sync'], { ...env(NOW, null), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The system keychain is not available');
    expect(r.stderr).toContain('FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN');
    expect((await runs())[0].error?.code).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('LinkedIn down (HTML 502 every time) → LINKEDIN_BAD_RESPONSE after retries', async () => {
    await setUpPage();
    fake.failNext('html-502', 20);
    const r = await cli(['sync']);
    expect(r.code).toBe(1);
    expect((await runs())[0].error?.code).toBe('LINKEDIN_BAD_RESPONSE');
  });

  it('LinkedIn unreachable → NETWORK', async () => {
    await setUpPage();
    const r = await cli(['sync'], cliEnv({ home, apiBaseUrl: 'http://127.0.0.1:9/rest', token: TOKEN, now: NOW }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Could not reach LinkedIn/);
    expect((await runs())[0].error?.code).toBe('NETWORK');
  });

  it('a sunset LinkedIn-Version is routed around with a warning', async () => {
    await setUpPage();
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(home, 'settings.json'), JSON.stringify({ ...settings, linkedin: { apiVersion: '202401' } }));
    const r = await cli(['sync', '--json']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.warnings.map((w) => w.code)).toContain('LINKEDIN_VERSION_FALLBACK');
    expect(record.warnings[0].message).toContain('202401');
  });

  it('invalid settings: exit 2, key named, file untouched, no run recorded', async () => {
    const bad = '{ "version": 1, "linkedin": { "lagDays": 1 }, "language": "fr" }';
    await writeFile(join(home, 'settings.json'), bad);
    const r = await cli(['sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('linkedin.lagDays');
    expect(r.stderr).toContain('language');
    expect(await readFile(join(home, 'settings.json'), 'utf8')).toBe(bad);
    expect(await runs()).toEqual([]);
  });

  it('no page set up: exit 2 saying how to add one', async () => {
    const r = await cli(['sync']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('follower-pulse accounts add linkedin ORG_ID');
  });

  it.each([
    [['sync', '--from', '2026-05-10', '--to', '2026-05-01'], 'is after --to'],
    [['sync', '--from', '2026-02-30', '--to', '2026-03-01'], 'is not a date'],
    [['sync', '--from', '2024-01-01', '--to', '2024-02-01'], 'outside what LinkedIn can serve'],
    [['sync', '--from', '2026-05-01'], 'go together'],
    [['sync', '--bogus'], "Unknown option '--bogus'"],
  ])('bad usage %j exits 2 before any API call', async (args, message) => {
    await setUpPage();
    const before = fake.requests.length;
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fake.requests.length).toBe(before);
  });
});

describe('re-fetching a range', () => {
  it('--from/--to re-reads exactly that range and rewrites only changed days', async () => {
    await setUpPage();
    expect((await cli(['sync'])).code).toBe(0);
    const julBefore = await gainsCsv('2026-07');
    fake.setGain(ORG, '2026-03-15', { organic: 4242, paid: 1 });
    fake.setGain(ORG, '2026-07-15', { organic: 5151, paid: 0 });
    const r = await cli(['sync', '--from', '2026-03-01', '--to', '2026-03-31', '--json']);
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.accounts[0].daysRequested).toEqual(dayRange('2026-03-01', '2026-03-31'));
    expect(record.accounts[0].daysWritten).toBe(1);
    expect(await gainsCsv('2026-03')).toMatch(/^2026-03-15,linkedin,2414183,4242,1,4243,api,/m);
    expect(await gainsCsv('2026-07')).toBe(julBefore);
    expect(record.apiCalls).toBe(1); // no totals snapshot: only the range is touched
  });

  it('clips a range to what LinkedIn serves and says so', async () => {
    await setUpPage();
    const r = await cli(['sync', '--from', '2025-01-01', '--to', addDays('2026-11-28', 5)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('LinkedIn serves 2025-11-28 → 2026-11-25: fetching 2025-11-28 → 2026-11-25 only.');
  });
});
