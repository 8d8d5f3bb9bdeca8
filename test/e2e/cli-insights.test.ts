import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyEventView, ForecastDocument, GoalView, ReportDocument } from '../../src/shared/insights';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { pageId, writeGeneratedLake } from '../support/generated-lake';

const FROM = '2026-01-01';
const TO = '2026-11-25';
let home: string;
let env: NodeJS.ProcessEnv;

async function cli(...args: string[]) {
  return runCliProcess(args, env);
}

async function json<T>(...args: string[]): Promise<T> {
  const run = await cli(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

async function sql(query: string): Promise<Record<string, unknown>[]> {
  return (await json<{ rows: Record<string, unknown>[] }>('query', query)).rows;
}

beforeAll(async () => {
  home = await tempHome('fp-insights-');
  env = cliEnv({ home, now: '2026-11-28T08:00:00.000Z' });
  await writeGeneratedLake(join(home, 'lake'), { pages: 3, from: FROM, to: TO, missingShare: 0.03, snapshotEvery: 5 });
}, 60_000);

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('report --json', () => {
  it('adds up exactly what a DuckDB query over the same lake adds up', async () => {
    const doc = await json<ReportDocument>('report', '--period', '90d', '--granularity', 'month');
    expect(doc.to).toBe(TO);
    expect(doc.from).toBe('2026-08-28');
    expect(doc.accounts.map((a) => a.accountId)).toEqual([pageId(0), pageId(1), pageId(2)]);
    const [sums] = await sql(`SELECT SUM(organic_gain) AS organic, SUM(paid_gain) AS paid, SUM(total_gain) AS total FROM follower_gains WHERE day BETWEEN DATE '${doc.from}' AND DATE '${doc.to}'`);
    expect(doc.headline.netGain).toBe(Number(sums.total));
    expect(doc.headline.organicGain).toBe(Number(sums.organic));
    expect(doc.headline.paidGain).toBe(Number(sums.paid));
    const months = await sql(`SELECT strftime(day, '%Y-%m-01') AS bucket, SUM(total_gain) AS total FROM follower_gains WHERE day BETWEEN DATE '${doc.from}' AND DATE '${doc.to}' GROUP BY 1 ORDER BY 1`);
    expect(doc.series.map((p) => ({ bucket: p.bucket, total: p.total }))).toEqual(months.map((m) => ({ bucket: m.bucket, total: Number(m.total) })));
    // a day has data when all three pages have a row
    const complete = await sql(`SELECT COUNT(*) AS n FROM (SELECT day FROM follower_gains WHERE day BETWEEN DATE '${doc.from}' AND DATE '${doc.to}' GROUP BY day HAVING COUNT(*) = 3)`);
    expect(doc.headline.daysWithData).toBe(Number(complete[0].n));
    expect(doc.headline.daysWithData + doc.headline.missingDays.length).toBe(90);
    // the last day has a count for every page: followersEnd is their sum, not reconstructed
    const [end] = await sql(`SELECT SUM(followers) AS f FROM follower_totals WHERE day = DATE '${TO}'`);
    expect(doc.headline.followersEnd).toBe(Number(end.f));
    expect(doc.series.at(-1)).toMatchObject({ followers: Number(end.f), reconstructed: false });
    expect(doc.reconciliation.totalsChange).not.toBeNull();
    expect(doc.reconciliation.difference).toBe(doc.reconciliation.totalsChange! - doc.reconciliation.gainsSum);
  });

  it('one page, an explicit period across a month edge, ISO weeks', async () => {
    const account = `linkedin:${pageId(1)}`;
    const doc = await json<ReportDocument>('report', '--account', account, '--from', '2026-06-03', '--to', '2026-07-05', '--granularity', 'week');
    expect(doc.series[0].bucket).toBe('2026-06-01'); // the Monday before the period
    expect(doc.series.at(-1)!.bucket).toBe('2026-06-29');
    const [sums] = await sql(`SELECT SUM(total_gain) AS total FROM follower_gains WHERE account_id = '${pageId(1)}' AND day BETWEEN DATE '2026-06-03' AND DATE '2026-07-05'`);
    expect(doc.headline.netGain).toBe(Number(sums.total));
    expect(doc.series.reduce((s, p) => s + p.total, 0)).toBe(Number(sums.total));
  });

  it('bad usage is one line and exit 2', async () => {
    for (const args of [['--period', '9d'], ['--from', '2026-01-01'], ['--account', 'nope'], ['--account', 'linkedin:555']]) {
      const run = await cli('report', ...args);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await cli('report', '--help')).stdout).toContain('--granularity');
  });
});

describe('events, goals and forecast --json', () => {
  it('events: add, list with impact, import all-or-nothing, remove', async () => {
    const added = await json<CompanyEventView>('events', 'add', '--day', '2026-10-01', '--end', '2026-10-03', '--title', 'Autumn campaign', '--category', 'campaign', '--account', `linkedin:${pageId(0)}`);
    expect(added).toMatchObject({ day: '2026-10-01', endDay: '2026-10-03', network: 'linkedin', accountId: pageId(0), impact: { windowDays: 7, baselineDays: 28 } });
    expect(['raised', 'lowered', 'no-effect']).toContain(added.impact.verdict);
    const csvPath = join(home, 'events.csv');
    await writeFile(csvPath, 'day,title,category\n2026-09-01,Post A,post\n2026-09-05,,post\n');
    const bad = await cli('events', 'import', csvPath);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('row 2 (line 3): the title is empty; nothing was imported');
    await writeFile(csvPath, 'id,day,title,category\nimp-1,2026-09-01,Post A,post\n,2026-09-15,"Launch, big",launch\n');
    expect(await json('events', 'import', csvPath)).toEqual({ imported: 2 });
    const listed = await json<{ events: CompanyEventView[] }>('events', 'list');
    expect(listed.events.map((e) => e.title)).toEqual(['Post A', 'Launch, big', 'Autumn campaign']);
    const table = await sql(`SELECT id, account_id FROM company_events ORDER BY day`);
    expect(table.map((r) => r.account_id)).toEqual(['', '', pageId(0)]);
    expect(await json('events', 'remove', 'imp-1')).toEqual({ removed: true });
    expect((await cli('events', 'remove', 'imp-1')).code).toBe(2);
    const stored = JSON.parse(await readFile(join(home, 'events.json'), 'utf8')) as { events: unknown[] };
    expect(stored.events).toHaveLength(2);
  });

  it('goals: add, list with status, remove', async () => {
    const goal = await json<GoalView>('goals', 'add', '--target', '9999999', '--by', '2027-06-30', '--name', 'Moonshot');
    expect(goal).toMatchObject({ name: 'Moonshot', target: 9999999, asOf: TO, status: 'behind', daysLeft: 217 });
    const met = await json<GoalView>('goals', 'add', '--target', '10', '--by', '2027-06-30', '--account', `linkedin:${pageId(2)}`);
    expect(met).toMatchObject({ status: 'met', accountId: pageId(2), remaining: 0 });
    const list = await json<{ goals: GoalView[] }>('goals', 'list');
    expect(list.goals.map((g) => g.status)).toEqual(['behind', 'met']);
    expect(await json('goals', 'remove', goal.id)).toEqual({ removed: true });
    expect((await cli('goals', 'add', '--target', 'lots', '--by', '2027-01-01')).code).toBe(2);
  });

  it('forecast: ordered bands from the newest day, accuracy against naive', async () => {
    const doc = await json<ForecastDocument>('forecast', '--horizon', '30');
    expect(doc).toMatchObject({ method: 'holt-damped', asOf: TO, horizon: 30 });
    expect(doc.points).toHaveLength(30);
    expect(doc.points[0].day).toBe('2026-11-26');
    for (const p of doc.points) expect(p.low95 <= p.low80 && p.low80 <= p.followers && p.followers <= p.high80 && p.high80 <= p.high95).toBe(true);
    expect(doc.mase).toBeGreaterThan(0);
    expect(doc.beatsNaive).toBe(doc.mase! < 1);
    expect((await cli('forecast')).code).toBe(2);
  });
});
