import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daysOfMask, maskOfDays } from '../../src/main/engine/lake/coverage-memo';
import type { GainRow } from '../../src/main/engine/lake/lake-rows';
import { type LakeCoverage, LocalLake } from '../../src/main/engine/lake/local-lake';

const FETCHED = '2026-11-28T07:00:01.000Z';
const HEADER = 'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n';
const API_OCT = 'follower_gains/month=2026-10/linkedin-2414183-api.csv';
const API_NOV = 'follower_gains/month=2026-11/linkedin-2414183-api.csv';
const IMPORT_SEP = 'follower_gains/month=2026-09/linkedin-2414183-import.csv';
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

function gain(day: string, organic: number, source: 'api' | 'import' = 'api'): GainRow {
  return { day, network: 'linkedin', accountId: '2414183', organicGain: organic, paidGain: 0, totalGain: organic, source, fetchedAt: FETCHED };
}

function line(day: string, organic: number): string {
  return `${day},linkedin,2414183,${organic},0,${organic},api,${FETCHED}\n`;
}

let root: string;
let lakeDir: string;
let memoPath: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fp-coverage-memo-'));
  lakeDir = join(root, 'lake');
  memoPath = join(root, 'derived', 'lake-coverage.json');
  const lake = new LocalLake(lakeDir);
  await lake.mergeGains([gain('2026-09-01', 3, 'import'), gain('2026-09-30', 4, 'import')]);
  await lake.mergeGains([gain('2026-10-30', 5), gain('2026-10-31', 6), gain('2026-11-01', 7), gain('2026-11-02', 8)]);
  // A damaged line in October: its good rows still count, and the file is named.
  await writeFile(lake.pathOf(API_OCT), HEADER + line('2026-10-30', 5) + 'garbage\n' + line('2026-10-31', 6));
  await age(lake);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Old enough for the memo to trust the files' time stamps. */
async function age(lake: LocalLake): Promise<void> {
  for (const key of [API_OCT, API_NOV, IMPORT_SEP]) await utimes(lake.pathOf(key), AN_HOUR_AGO, AN_HOUR_AGO);
}

function summary(coverage: LakeCoverage): unknown {
  return { ...coverage, days: [...coverage.days], damagedFiles: coverage.damagedFiles.map((f) => [f.key, f.problem]) };
}

describe('the coverage memo', () => {
  it('gives the coverage reading every file gives, from a fresh process too', async () => {
    const plain = summary(await new LocalLake(lakeDir).coverage('linkedin', '2414183'));
    expect(plain).toMatchObject({
      days: ['2026-09-01', '2026-09-30', '2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'],
      firstDay: '2026-09-01',
      lastDay: '2026-11-02',
      damagedFiles: [[API_OCT, expect.stringContaining('line 3') as unknown]],
    });
    const first = new LocalLake(lakeDir, { coverageMemoPath: memoPath });
    expect(summary(await first.coverage('linkedin', '2414183'))).toEqual(plain);
    await first.saveCoverageMemo();
    const again = new LocalLake(lakeDir, { coverageMemoPath: memoPath });
    expect(summary(await again.coverage('linkedin', '2414183'))).toEqual(plain);
    expect(summary(await again.coverage('linkedin', '999'))).toEqual({ days: [], firstDay: null, lastDay: null, damagedFiles: [] });
  });

  it('answers from the memo while a file keeps its time stamp and size, and reads it again when they change', async () => {
    const lake = new LocalLake(lakeDir, { coverageMemoPath: memoPath });
    await lake.coverage('linkedin', '2414183');
    await lake.saveCoverageMemo();
    // Same size, same mtime, other days: only a read of the file could see it, so the memo answered.
    const path = lake.pathOf(API_NOV);
    const before = await stat(path);
    await writeFile(path, HEADER + line('2026-11-03', 7) + line('2026-11-04', 8));
    await utimes(path, before.atime, before.mtime);
    expect((await stat(path)).size).toBe(before.size);
    const fromMemo = await new LocalLake(lakeDir, { coverageMemoPath: memoPath }).coverage('linkedin', '2414183');
    expect(fromMemo.lastDay).toBe('2026-11-02');

    // A real write changes the time stamp: the file is read again.
    await writeFile(path, HEADER + line('2026-11-03', 7) + line('2026-11-04', 8));
    const reread = await new LocalLake(lakeDir, { coverageMemoPath: memoPath }).coverage('linkedin', '2414183');
    expect(reread.lastDay).toBe('2026-11-04');
    expect(reread.days.has('2026-11-01')).toBe(false);
  });

  it('does not trust a time stamp younger than two seconds (a second write may share it)', async () => {
    const lake = new LocalLake(lakeDir, { coverageMemoPath: memoPath });
    const path = lake.pathOf(API_NOV);
    await writeFile(path, HEADER + line('2026-11-01', 7) + line('2026-11-02', 8));
    const fresh = await stat(path);
    await lake.coverage('linkedin', '2414183');
    await lake.saveCoverageMemo();
    await writeFile(path, HEADER + line('2026-11-05', 7) + line('2026-11-06', 8));
    await utimes(path, fresh.atime, fresh.mtime);
    const next = await new LocalLake(lakeDir, { coverageMemoPath: memoPath }).coverage('linkedin', '2414183');
    expect(next.lastDay).toBe('2026-11-06');
  });

  it('a damaged memo, or one of another data folder, is ignored and written anew; it is private to the user', async () => {
    const plain = summary(await new LocalLake(lakeDir).coverage('linkedin', '2414183'));
    // A memo written for another data folder, whose entry matches this file's stamp and says "no days".
    const november = await stat(new LocalLake(lakeDir).pathOf(API_NOV));
    await mkdir(dirname(memoPath), { recursive: true });
    const entry = { m: november.mtimeMs, s: november.size, days: 0, problem: null };
    await writeFile(memoPath, JSON.stringify({ version: 1, lakeDir: join(root, 'other-lake'), entries: { [API_NOV]: entry } }));
    expect(summary(await new LocalLake(lakeDir, { coverageMemoPath: memoPath }).coverage('linkedin', '2414183'))).toEqual(plain);

    await writeFile(memoPath, '{"version":1,"lakeDir":');
    const lake = new LocalLake(lakeDir, { coverageMemoPath: memoPath });
    expect(summary(await lake.coverage('linkedin', '2414183'))).toEqual(plain);
    await lake.saveCoverageMemo();
    const saved = JSON.parse(await readFile(memoPath, 'utf8')) as { lakeDir: string; entries: Record<string, unknown> };
    expect(saved.lakeDir).toBe(lakeDir);
    expect(Object.keys(saved.entries).sort()).toEqual([IMPORT_SEP, API_OCT, API_NOV].sort());
    if (process.platform !== 'win32') expect((await stat(memoPath)).mode & 0o777).toBe(0o600);
  });

  it('packs a month’s days into bits and back', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-15', '2026-01-31'];
    expect(daysOfMask('2026-01', maskOfDays(days))).toEqual(days);
    expect(daysOfMask('2026-02', 0)).toEqual([]);
  });
});
