import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { addDays, dayRange } from '../../src/main/engine/dates';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { lakeViewStatements } from '../../src/main/engine/query/lake-views';
import { lockDownDuckDb, openLocalEngine } from '../../src/main/engine/query/local-engine';
import { findPreviewQuery, previewQueries } from '../../src/main/engine/query/preview-queries';
import type { QueryEngine, QueryResult } from '../../src/main/engine/query/query-types';
import { ACME, BETA, FETCHED, NEWEST_DAY, OVERLAP_DAYS, RUN, acmeApiGain, writeSampleLake } from '../support/sample-lake';
import { caught } from '../support/caught';

const GAIN_COLUMNS = ['day', 'network', 'account_id', 'organic_gain', 'paid_gain', 'total_gain', 'source', 'fetched_at', 'month'];


function preview(engine: QueryEngine, id: string): Promise<QueryResult> {
  return engine.query(findPreviewQuery(id)!.sql);
}

describe('openLocalEngine over a sample lake', () => {
  let root: string;
  let lakeDir: string;
  let engine: QueryEngine;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'fp-query-'));
    lakeDir = join(root, "lake with 'quote'");
    await writeSampleLake(lakeDir);
    await writeFile(join(root, 'outside.csv'), 'secret\nhunter2\n');
    engine = await openLocalEngine(lakeDir);
  });

  afterAll(async () => {
    await engine.close();
    await rm(root, { recursive: true, force: true });
  });

  it('returns typed values: dates as YYYY-MM-DD, integers as numbers, empty as null, month as text', async () => {
    const result = await engine.query(`SELECT * FROM follower_gains WHERE account_id = '${ACME}' AND day = DATE '2026-09-12'`);
    expect(result).toEqual({
      columns: GAIN_COLUMNS,
      rows: [{ ...rowOf(acmeApiGain('2026-09-12', 11)), month: '2026-09' }],
      engine: 'local',
      scannedBytes: null,
    });
    const imported = await engine.query(`SELECT paid_gain, organic_gain FROM follower_gains WHERE day = DATE '2026-08-02'`);
    expect(imported.rows).toEqual([{ paid_gain: null, organic_gain: 1000 }]);
  });

  it('converts sums, averages, booleans, timestamps and huge integers the same way', async () => {
    const result = await engine.query(
      `SELECT sum(total_gain) AS s, avg(organic_gain) > -10 AS ok, CAST(1.5 AS DECIMAL(4,1)) AS d,
        TIMESTAMP '2026-11-02 03:04:05.123' AS ts, CAST(9007199254740993 AS BIGINT) AS big, NULL AS nothing
       FROM follower_gains WHERE account_id = '${BETA}'`,
    );
    expect(result.rows).toEqual([{ s: 28, ok: true, d: 1.5, ts: '2026-11-02T03:04:05.123Z', big: '9007199254740993', nothing: null }]);
  });

  it('prefers the api row over the import row for the same day, network and account', async () => {
    const result = await engine.query(
      `SELECT day, source, organic_gain FROM follower_gains WHERE account_id = '${ACME}' AND day BETWEEN DATE '2026-08-30' AND DATE '2026-09-11' ORDER BY day`,
    );
    expect(result.rows.map((r) => `${String(r.day)}/${String(r.source)}`)).toEqual([
      '2026-08-30/import',
      '2026-08-31/import',
      ...OVERLAP_DAYS.map((d) => `${d}/api`),
      '2026-09-11/api',
    ]);
    expect(result.rows.filter((r) => r.source === 'api').every((r) => r.organic_gain !== 1000)).toBe(true);
    const totals = await engine.query(`SELECT day, followers, source FROM follower_totals WHERE account_id = '${ACME}' ORDER BY day`);
    expect(totals.rows).toEqual([
      { day: '2026-08-01', followers: 4500, source: 'import' },
      { day: '2026-11-20', followers: 5000, source: 'api' },
      { day: '2026-11-27', followers: 5010, source: 'api' },
    ]);
  });

  it('ignores temporary dot-files and stray files in the lake', async () => {
    const result = await engine.query('SELECT count(*) AS n, max(organic_gain) AS top FROM follower_gains');
    const acmeDays = dayRange('2026-08-01', NEWEST_DAY).length;
    const betaDays = dayRange('2026-10-01', NEWEST_DAY).length;
    expect(result.rows).toEqual([{ n: acmeDays + betaDays, top: 1000 }]);
  });

  it('reads the quoted dimension tables as text, with "" as an empty string like OpenCSVSerDe', async () => {
    const accounts = await engine.query('SELECT * FROM accounts ORDER BY account_id');
    expect(accounts.rows).toEqual([
      { network: 'linkedin', account_id: ACME, name: 'Acme, "the" company', url: 'https://www.linkedin.com/company/acme' },
      { network: 'linkedin', account_id: BETA, name: 'Beta', url: '' },
    ]);
    const events = await engine.query('SELECT id, day, end_day, network, notes FROM company_events ORDER BY id');
    expect(events.rows).toEqual([
      { id: 'ev-1', day: '2026-10-05', end_day: '', network: '', notes: 'Big, "bold" launch' },
      { id: 'ev-2', day: '2026-11-01', end_day: '2026-11-07', network: 'linkedin', notes: '' },
    ]);
    const runs = await engine.query('SELECT * FROM sync_runs');
    expect(runs.rows).toEqual([
      {
        run_id: RUN.runId,
        started_at: RUN.startedAt,
        finished_at: RUN.finishedAt,
        trigger: 'schedule',
        status: 'success',
        accounts: `linkedin:${ACME}`,
        days_written: 7,
        rows_written: 8,
        api_calls: 2,
        error_code: null,
        month: '2026-11',
      },
    ]);
  });

  it('answers DESCRIBE and SHOW TABLES', async () => {
    const tables = await engine.query('SHOW TABLES');
    expect(tables.rows.map((r) => r.name)).toEqual(['accounts', 'company_events', 'follower_gains', 'follower_totals', 'sync_runs']);
    const described = await engine.query('DESCRIBE follower_totals');
    expect(described.rows.map((r) => `${String(r.column_name)} ${String(r.column_type)}`)).toEqual([
      'day DATE',
      'network VARCHAR',
      'account_id VARCHAR',
      'followers BIGINT',
      'source VARCHAR',
      'fetched_at VARCHAR',
      'month VARCHAR',
    ]);
  });

  describe('every preview query runs and returns sensible rows', () => {
    it('covers each table and summary', async () => {
      for (const query of previewQueries) {
        const result = await engine.query(query.sql);
        expect(result.rows.length, query.id).toBeGreaterThan(0);
        expect(result.columns.some((c) => c.startsWith('_col') || c.includes('(')), query.id).toBe(false);
      }
    });

    it('first rows come newest first, with the api rule applied', async () => {
      const gains = await preview(engine, 'follower-gains');
      expect(gains.columns).toEqual(GAIN_COLUMNS);
      expect(gains.rows).toHaveLength(100);
      expect(gains.rows[0]).toMatchObject({ day: NEWEST_DAY, account_id: ACME });
      const totals = await preview(engine, 'follower-totals');
      expect(totals.rows.map((r) => `${String(r.day)} ${String(r.account_id)} ${String(r.followers)}`)).toEqual([
        `2026-11-27 ${ACME} 5010`,
        `2026-11-27 ${BETA} 120`,
        `2026-11-20 ${ACME} 5000`,
        `2026-08-01 ${ACME} 4500`,
      ]);
    });

    it('daily gains cover the 90 days up to the newest day', async () => {
      const daily = await preview(engine, 'daily-gains-90-days');
      const days = daily.rows.map((r) => String(r.day));
      expect(days.every((d) => d > addDays(NEWEST_DAY, -90) && d <= NEWEST_DAY)).toBe(true);
      const acme = daily.rows.filter((r) => r.account_id === ACME);
      expect(acme).toHaveLength(90);
      expect(acme.find((r) => r.day === OVERLAP_DAYS[0])).toMatchObject({ organic_gain: -1, paid_gain: 0 });
    });

    it('weekly totals start on Monday and monthly totals add up to the daily rows', async () => {
      const weekly = await preview(engine, 'weekly-gains');
      for (const row of weekly.rows) expect(new Date(`${String(row.week)}T00:00:00Z`).getUTCDay(), String(row.week)).toBe(1);
      const monthly = await preview(engine, 'monthly-gains');
      const november = monthly.rows.find((r) => r.month === '2026-11-01' && r.account_id === ACME)!;
      const days = dayRange('2026-09-01', NEWEST_DAY);
      const expected = days.map((d, i) => acmeApiGain(d, i)).filter((g) => g.day.startsWith('2026-11'));
      expect(november).toMatchObject({ days: 25, total_gain: expected.reduce((n, g) => n + g.totalGain, 0) });
      const weeklySum = weekly.rows.filter((r) => r.account_id === BETA).reduce((n, r) => n + Number(r.total_gain), 0);
      const monthlySum = monthly.rows.filter((r) => r.account_id === BETA).reduce((n, r) => n + Number(r.total_gain), 0);
      expect(weeklySum).toBe(monthlySum);
    });

    it('the pages summary joins names and the latest follower count', async () => {
      const pages = await preview(engine, 'pages');
      expect(pages.rows).toEqual([
        expect.objectContaining({ account_id: ACME, name: 'Acme, "the" company', first_day: '2026-08-01', last_day: NEWEST_DAY, latest_followers: 5010 }),
        expect.objectContaining({ account_id: BETA, name: 'Beta', first_day: '2026-10-01', last_day: NEWEST_DAY, latest_followers: 120 }),
      ]);
    });
  });

  it('sees files written after it opened', async () => {
    const lake = new LocalLake(lakeDir);
    await lake.mergeGains([{ ...acmeApiGain('2026-12-01', 0), accountId: '777' }]);
    const result = await engine.query("SELECT day, month FROM follower_gains WHERE account_id = '777'");
    expect(result.rows).toEqual([{ day: '2026-12-01', month: '2026-12' }]);
  });

  it('keeps at most maxRows rows and says it cut the result', async () => {
    const result = await engine.query('SELECT day FROM follower_gains ORDER BY day', { maxRows: 3 });
    expect(result.rows).toEqual([{ day: '2026-08-01' }, { day: '2026-08-02' }, { day: '2026-08-03' }]);
    expect(result.truncated).toBe(true);
    const all = await engine.query('SELECT 1 AS one', { maxRows: 3 });
    expect(all.truncated).toBeUndefined();
  });

  it('runs concurrent queries one after the other', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => engine.query(`SELECT ${n} AS n`)));
    expect(results.map((r) => r.rows[0].n)).toEqual([1, 2, 3]);
  });

  it('refuses statements that write, configure or read files', async () => {
    for (const sql of [
      'DROP VIEW follower_gains',
      "COPY (SELECT 1) TO 'x.csv'",
      'SET enable_external_access = true',
      "ATTACH 'x.db'",
      'INSTALL httpfs',
      'SELECT 1; SELECT 2',
    ]) {
      const error = await caught(engine.query(sql));
      expect(error.code, sql).toBe('QUERY_REFUSED');
      expect(error.oneLine(), sql).toMatch(/^Only read-only queries over the lake tables are allowed: .+ — query the lake tables/);
    }
    expect((await engine.query('SELECT count(*) AS n FROM follower_gains')).rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a query that reads a file outside the lake, in any spelling', async () => {
    const outside = join(root, 'outside.csv');
    for (const sql of [`SELECT * FROM read_csv('${outside}')`, `SELECT * FROM '${outside}'`, `SELECT * FROM "${outside}"`, `SELECT * FROM read_text('${outside}')`]) {
      const error = await caught(engine.query(sql));
      expect(error.code, sql).toBe('QUERY_REFUSED');
    }
  });

  it('reports a failing query as one line with DuckDB’s reason', async () => {
    const error = await caught(engine.query('SELECT no_such_column FROM follower_gains'));
    expect(error.code).toBe('QUERY_FAILED');
    expect(error.message).toMatch(/^The local query failed: Binder Error: .*no_such_column/);
    expect(error.oneLine()).not.toContain('\n');
  });

  it('cancels when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await caught(engine.query('SELECT 1', { signal: controller.signal }));
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: 'The query was cancelled' });
  });

  it('interrupts a running query when the signal is aborted', async () => {
    const controller = new AbortController();
    const running = engine.query('SELECT count(*) AS n FROM range(100000000000) a', { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await caught(running);
    expect(error).toMatchObject({ code: 'QUERY_FAILED', message: 'The query was cancelled' });
    expect((await engine.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });
});

function rowOf(g: ReturnType<typeof acmeApiGain>): Record<string, unknown> {
  return {
    day: g.day,
    network: g.network,
    account_id: g.accountId,
    organic_gain: g.organicGain,
    paid_gain: g.paidGain,
    total_gain: g.totalGain,
    source: g.source,
    fetched_at: FETCHED,
  };
}

describe('openLocalEngine over an empty lake', () => {
  it('works when the folder does not exist: every table is empty with its columns', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fp-query-empty-'));
    const engine = await openLocalEngine(join(root, 'missing-lake'));
    try {
      const gains = await engine.query('SELECT * FROM follower_gains');
      expect(gains).toEqual({ columns: GAIN_COLUMNS, rows: [], engine: 'local', scannedBytes: null });
      for (const query of previewQueries) {
        const result = await engine.query(query.sql);
        // An aggregate over nothing may give one all-null row; nothing else may appear.
        expect(result.rows.flatMap((r) => Object.values(r).filter((v) => v !== null)), query.id).toEqual([]);
      }
      expect((await engine.query('SELECT * FROM accounts')).columns).toEqual(['network', 'account_id', 'name', 'url']);
    } finally {
      await engine.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('lockDownDuckDb', () => {
  it('keeps the lake views readable but blocks every other file and any change to that setting', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fp-lockdown-'));
    const lakeDir = join(root, 'lake');
    const lake = await writeSampleLake(lakeDir);
    await writeFile(join(root, 'outside.csv'), 'secret\n');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const files = { follower_gains: [lake.pathOf('follower_gains/month=2026-11/linkedin-2414183-api.csv')], follower_totals: [], accounts: [], company_events: [], sync_runs: [] };
      for (const statement of lakeViewStatements(files)) await connection.run(statement);
      await lockDownDuckDb(connection, lakeDir);

      const count = await connection.runAndReadAll('SELECT count(*) FROM follower_gains');
      expect(count.getRows()[0][0]).toBe(25n);
      for (const sql of [
        `SELECT * FROM read_csv('${join(root, 'outside.csv')}')`,
        `SELECT * FROM '${join(root, 'outside.csv')}'`,
        `SELECT * FROM read_csv('${lakeDir}/../outside.csv')`,
        "SELECT * FROM read_text('/etc/hostname')",
        `COPY (SELECT 1) TO '${join(root, 'out.csv')}'`,
      ]) {
        await expect(connection.run(sql), sql).rejects.toThrow(/Permission Error/);
      }
      await expect(connection.run('SET enable_external_access = true')).rejects.toThrow(/Cannot (enable external access|change configuration)/);
      await expect(connection.run('SET lock_configuration = false')).rejects.toThrow(/configuration has been locked/);
      await expect(connection.run("SET allowed_directories = ['/']")).rejects.toThrow(/configuration has been locked/);
      await expect(connection.run('LOAD httpfs')).rejects.toThrow();
    } finally {
      connection.closeSync();
      instance.closeSync();
      await rm(root, { recursive: true, force: true });
    }
  });
});
