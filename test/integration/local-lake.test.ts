import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import { writeFileAtomic } from '../../src/main/engine/atomic-write';
import type { GainRow, TotalRow } from '../../src/main/engine/lake/lake-rows';
import { LocalLake, mergeLakeWriteResults, toLakeError } from '../../src/main/engine/lake/local-lake';
import type { RunRecord } from '../../src/shared/run-record';
import { caught } from '../support/caught';

const T1 = '2026-11-28T07:00:01.000Z';
const T2 = '2026-11-29T07:00:01.000Z';
const GAINS_HEADER = 'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n';
const API_NOV = 'follower_gains/month=2026-11/linkedin-2414183-api.csv';
const IMPORT_NOV = 'follower_gains/month=2026-11/linkedin-2414183-import.csv';
const isRoot = process.getuid?.() === 0;

function gain(day: string, organic: number, paid: number | null, source: 'api' | 'import' = 'api', fetchedAt = T1): GainRow {
  return { day, network: 'linkedin', accountId: '2414183', organicGain: organic, paidGain: paid, totalGain: organic + (paid ?? 0), source, fetchedAt };
}

function total(day: string, followers: number, fetchedAt = T1): TotalRow {
  return { day, network: 'linkedin', accountId: '2414183', followers, source: 'api', fetchedAt };
}

function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: '20261128T070001Z-3f9a',
    trigger: 'schedule',
    startedAt: '2026-11-28T07:00:01.000Z',
    finishedAt: '2026-11-28T07:00:09.000Z',
    status: 'success',
    accounts: [
      { network: 'linkedin', accountId: '2414183', daysRequested: [], daysWritten: 7, rowsWritten: 8, missingDays: [], error: null },
      { network: 'linkedin', accountId: '99', daysRequested: [], daysWritten: 2, rowsWritten: 3, missingDays: [], error: null },
    ],
    apiCalls: 2,
    bytesWritten: 1234,
    destinations: ['local'],
    alerts: [],
    warnings: [],
    error: null,
    ...overrides,
  };
}


describe('LocalLake', () => {
  let root: string;
  let lake: LocalLake;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fp-lake-'));
    lake = new LocalLake(join(root, 'lake'));
  });

  afterEach(async () => {
    await chmod(root, 0o755).catch(() => undefined);
    await chmod(join(root, 'lake'), 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('writes a month file with the exact contract bytes and reads it back', async () => {
    const result = await lake.mergeGains([gain('2026-11-02', -1, null), gain('2026-11-01', 5, 2)]);

    const bytes = await readFile(join(lake.dir, 'follower_gains', 'month=2026-11', 'linkedin-2414183-api.csv'), 'utf8');
    expect(bytes).toBe(`${GAINS_HEADER}2026-11-01,linkedin,2414183,5,2,7,api,${T1}\n2026-11-02,linkedin,2414183,-1,,-1,api,${T1}\n`);
    expect(result).toEqual({ filesWritten: [API_NOV], rowsWritten: 2, daysWritten: ['2026-11-01', '2026-11-02'], bytesWritten: Buffer.byteLength(bytes) });
    expect(await lake.readGains('linkedin', '2414183', 'api')).toEqual([gain('2026-11-01', 5, 2), gain('2026-11-02', -1, null)]);
  });

  it('splits rows across months (Dec → Jan) into one file per month and reads all months in order', async () => {
    const result = await lake.mergeGains([gain('2027-01-01', 3, 0), gain('2026-12-31', 2, 0)]);
    expect(result.filesWritten).toEqual([
      'follower_gains/month=2026-12/linkedin-2414183-api.csv',
      'follower_gains/month=2027-01/linkedin-2414183-api.csv',
    ]);
    expect((await lake.readGains('linkedin', '2414183')).map((r) => r.day)).toEqual(['2026-12-31', '2027-01-01']);
  });

  it('leaves an unchanged month file alone (bytes and mtime) and reports nothing written', async () => {
    await lake.mergeGains([gain('2026-11-01', 5, 2), gain('2026-11-02', 1, 0)]);
    const path = lake.pathOf(API_NOV);
    const past = new Date('2026-01-01T00:00:00Z');
    await utimes(path, past, past);
    const before = await readFile(path);

    const result = await lake.mergeGains([gain('2026-11-01', 5, 2, 'api', T2), gain('2026-11-02', 1, 0, 'api', T2)]);

    expect(result).toEqual({ filesWritten: [], rowsWritten: 0, daysWritten: [], bytesWritten: 0 });
    expect((await stat(path)).mtime.getTime()).toBe(past.getTime());
    expect(await readFile(path)).toEqual(before);
  });

  it('rewrites only the changed day of a month, keeping the others’ fetched_at', async () => {
    await lake.mergeGains([gain('2026-11-01', 5, 2), gain('2026-11-02', 1, 0)]);
    const result = await lake.mergeGains([gain('2026-11-01', 5, 2, 'api', T2), gain('2026-11-02', 4, 0, 'api', T2)]);
    expect(result.daysWritten).toEqual(['2026-11-02']);
    expect(result.rowsWritten).toBe(1);
    expect(await lake.readGains('linkedin', '2414183', 'api')).toEqual([gain('2026-11-01', 5, 2, 'api', T1), gain('2026-11-02', 4, 0, 'api', T2)]);
  });

  it('never touches the api file when merging import rows, and coverage unions both', async () => {
    await lake.mergeGains([gain('2026-11-10', 5, 2)]);
    const apiPath = lake.pathOf(API_NOV);
    const apiBefore = await readFile(apiPath);
    const apiMtime = (await stat(apiPath)).mtimeMs;

    const result = await lake.mergeGains([gain('2026-11-10', 9, null, 'import'), gain('2026-11-03', 1, null, 'import')]);

    expect(result.filesWritten).toEqual([IMPORT_NOV]);
    expect(await readFile(apiPath)).toEqual(apiBefore);
    expect((await stat(apiPath)).mtimeMs).toBe(apiMtime);
    const coverage = await lake.coverage('linkedin', '2414183');
    expect([...coverage.days].sort()).toEqual(['2026-11-03', '2026-11-10']);
    expect(coverage).toMatchObject({ firstDay: '2026-11-03', lastDay: '2026-11-10' });
    expect((await lake.readGains('linkedin', '2414183')).map((r) => `${r.day}/${r.source}`)).toEqual([
      '2026-11-03/import',
      '2026-11-10/api',
      '2026-11-10/import',
    ]);
  });

  it('reports empty coverage for an account with no data', async () => {
    const coverage = await lake.coverage('linkedin', 'nothing');
    expect(coverage).toEqual({ days: new Set(), firstDay: null, lastDay: null, damagedFiles: [] });
  });

  it('refuses a merge that mixes sources or accounts', async () => {
    await expect(lake.mergeGains([gain('2026-11-01', 1, 0), gain('2026-11-02', 1, 0, 'import')])).rejects.toThrow(RangeError);
    expect(await lake.listFiles()).toEqual([]);
  });

  it('merges totals the same way', async () => {
    const first = await lake.mergeTotals([total('2026-11-28', 1000)]);
    expect(first.filesWritten).toEqual(['follower_totals/month=2026-11/linkedin-2414183-api.csv']);
    expect(await readFile(lake.pathOf(first.filesWritten[0] ?? ''), 'utf8')).toBe(
      `day,network,account_id,followers,source,fetched_at\n2026-11-28,linkedin,2414183,1000,api,${T1}\n`,
    );
    expect((await lake.mergeTotals([total('2026-11-28', 1000, T2)])).rowsWritten).toBe(0);
    expect(await lake.readTotals('linkedin', '2414183', 'api')).toEqual([total('2026-11-28', 1000)]);
  });

  it('cleans a stale temporary file and never reads or lists it as data', async () => {
    await lake.mergeGains([gain('2026-11-01', 5, 2)]);
    const folder = join(lake.dir, 'follower_gains', 'month=2026-11');
    await writeFile(join(folder, '.x.tmp'), 'day,half a wri');
    await writeFile(join(folder, '.linkedin-2414183-api.csv.4242.abcdef.tmp'), GAINS_HEADER);

    expect(await lake.readGains('linkedin', '2414183')).toEqual([gain('2026-11-01', 5, 2)]);
    expect(await lake.listFiles()).toEqual([API_NOV]);

    const removed = await lake.cleanupTemporaryFiles();
    expect(removed.sort()).toEqual([
      'follower_gains/month=2026-11/.linkedin-2414183-api.csv.4242.abcdef.tmp',
      'follower_gains/month=2026-11/.x.tmp',
    ]);
    expect(await readdir(folder)).toEqual(['linkedin-2414183-api.csv']);
  });

  it('leaves no temporary file behind after a write', async () => {
    const path = join(root, 'deep', 'new', 'file.csv');
    await writeFileAtomic(path, 'a\n');
    expect(await readFile(path, 'utf8')).toBe('a\n');
    expect(await readdir(join(root, 'deep', 'new'))).toEqual(['file.csv']);
  });

  it('names the damaged file when a month file is not valid', async () => {
    const path = lake.pathOf(API_NOV);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, `${GAINS_HEADER}2026-11-01,linkedin,2414183,five,,5,api,${T1}\n`);
    const error = await caught(lake.mergeGains([gain('2026-11-02', 1, 0)]));
    expect(error.code).toBe('LAKE_WRITE_FAILED');
    expect(error.message).toContain(path);
    expect(error.message).toContain('line 2');
  });

  it('writes accounts as quoted CSV, only when the content changes', async () => {
    const accounts = [
      { network: 'linkedin', accountId: '99', name: 'Beta, "the" one', url: null },
      { network: 'linkedin', accountId: '2414183', name: 'Acme\nLtda', url: 'https://www.linkedin.com/company/acme' },
    ];
    const first = await lake.writeAccounts(accounts);
    expect(first.filesWritten).toEqual(['accounts/accounts.csv']);
    expect(await readFile(lake.pathOf('accounts/accounts.csv'), 'utf8')).toBe(
      '"network","account_id","name","url"\n' +
        '"linkedin","2414183","Acme Ltda","https://www.linkedin.com/company/acme"\n' +
        '"linkedin","99","Beta, ""the"" one",""\n',
    );
    expect((await lake.writeAccounts([...accounts].reverse())).filesWritten).toEqual([]);
  });

  it('writes one sync_runs row per run in the month the run started', async () => {
    const result = await lake.writeSyncRun(runRecord({ status: 'partial', error: { code: 'S3_WRITE_FAILED', message: 'x' } }));
    expect(result.filesWritten).toEqual(['sync_runs/month=2026-11/20261128T070001Z-3f9a.csv']);
    expect(await readFile(lake.pathOf(result.filesWritten[0] ?? ''), 'utf8')).toBe(
      'run_id,started_at,finished_at,trigger,status,accounts,days_written,rows_written,api_calls,error_code\n' +
        '20261128T070001Z-3f9a,2026-11-28T07:00:01.000Z,2026-11-28T07:00:09.000Z,schedule,partial,linkedin:2414183;linkedin:99,9,11,2,S3_WRITE_FAILED\n',
    );
    const ok = await lake.writeSyncRun(runRecord({ runId: 'r2', startedAt: '2026-12-01T00:00:00.000Z' }));
    expect(await readFile(lake.pathOf(ok.filesWritten[0] ?? ''), 'utf8')).toMatch(/,2,$/m);
    expect(await lake.listFiles()).toEqual(['sync_runs/month=2026-11/20261128T070001Z-3f9a.csv', 'sync_runs/month=2026-12/r2.csv']);
  });

  it('lists only data files, as forward-slash keys', async () => {
    await lake.mergeGains([gain('2026-11-01', 5, 2)]);
    await lake.writeAccounts([]);
    await writeFile(join(lake.dir, 'README.txt'), 'not data');
    await mkdir(join(lake.dir, '.cache'));
    await writeFile(join(lake.dir, '.cache', 'x.csv'), 'hidden');
    expect(await lake.listFiles()).toEqual(['accounts/accounts.csv', API_NOV]);
  });

  it('adds write results up', () => {
    const a = { filesWritten: ['a'], rowsWritten: 2, daysWritten: ['2026-11-02', '2026-11-01'], bytesWritten: 10 };
    const b = { filesWritten: ['b'], rowsWritten: 1, daysWritten: ['2026-11-02'], bytesWritten: 5 };
    expect(mergeLakeWriteResults(a, b)).toEqual({ filesWritten: ['a', 'b'], rowsWritten: 3, daysWritten: ['2026-11-01', '2026-11-02'], bytesWritten: 15 });
  });

  it.skipIf(isRoot)('gives LAKE_WRITE_FAILED with a clear message for a read-only folder', async () => {
    await mkdir(lake.dir, { recursive: true });
    await chmod(lake.dir, 0o555);
    const error = await caught(lake.mergeGains([gain('2026-11-01', 5, 2)]));
    expect(error.code).toBe('LAKE_WRITE_FAILED');
    expect(error.message).toBe(`Could not write the local data folder ${lake.dir}: permission denied`);
    expect(error.hint).toMatch(/write to the folder/);
  });

  it('gives LAKE_WRITE_FAILED when a file stands where the folder should be', async () => {
    await writeFile(lake.dir, 'not a folder');
    const error = await caught(lake.mergeGains([gain('2026-11-01', 5, 2)]));
    expect(error.code).toBe('LAKE_WRITE_FAILED');
    expect(error.message).toMatch(new RegExp(`^Could not write the local data folder .*lake: part of its path is a file`));
  });

  it.each([
    ['EROFS', 'the disk is read-only'],
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
  ])('explains %s in words', (code, reason) => {
    const io = Object.assign(new Error(`${code}: raw`), { code });
    const error = toLakeError('/data/lake', io) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.oneLine()).toMatch(new RegExp(`^Could not write the local data folder /data/lake: ${reason} — .+ Settings\\.$`));
  });

  it('lets programming errors through unchanged', () => {
    const bug = new RangeError('bug');
    expect(toLakeError('/data/lake', bug)).toBe(bug);
  });
});
