import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dayRange } from '../../src/main/engine/dates';
import type { GainRow, TotalRow } from '../../src/main/engine/lake/lake-rows';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import type { RunRecord } from '../../src/shared/run-record';

/**
 * A small lake with everything the query layer must handle: two pages, api and import rows
 * for the same days (api must win), negative gains, empty paid_gain, quoted dimension text,
 * a sync run, and temporary/stray files that no engine may read.
 */
export const ACME = '2414183';
export const BETA = '99';
export const FETCHED = '2026-11-28T07:00:01.000Z';
export const NEWEST_DAY = '2026-11-25';
/** Days where Acme has both an api and an import row; the import numbers are absurd on purpose. */
export const OVERLAP_DAYS = dayRange('2026-09-01', '2026-09-10');

function gain(accountId: string, day: string, organic: number, paid: number | null, source: 'api' | 'import'): GainRow {
  return { day, network: 'linkedin', accountId, organicGain: organic, paidGain: paid, totalGain: organic + (paid ?? 0), source, fetchedAt: FETCHED };
}

function total(accountId: string, day: string, followers: number, source: 'api' | 'import'): TotalRow {
  return { day, network: 'linkedin', accountId, followers, source, fetchedAt: FETCHED };
}

/** Acme's api gains: organic cycles through -1..5 so some days lose followers. */
export function acmeApiGain(day: string, index: number): GainRow {
  return gain(ACME, day, (index % 7) - 1, index % 3, 'api');
}

export const RUN: RunRecord = {
  runId: '20261128T070001Z-3f9a',
  trigger: 'schedule',
  startedAt: '2026-11-28T07:00:01.000Z',
  finishedAt: '2026-11-28T07:00:09.000Z',
  status: 'success',
  accounts: [{ network: 'linkedin', accountId: ACME, daysRequested: [], daysWritten: 7, rowsWritten: 8, missingDays: [], error: null }],
  apiCalls: 2,
  bytesWritten: 1234,
  destinations: ['local'],
  alerts: [],
  warnings: [],
  error: null,
};

export async function writeSampleLake(dir: string): Promise<LocalLake> {
  const lake = new LocalLake(dir);
  await lake.mergeGains(dayRange('2026-09-01', NEWEST_DAY).map((day, i) => acmeApiGain(day, i)));
  await lake.mergeGains(dayRange('2026-08-01', OVERLAP_DAYS.at(-1)!).map((day) => gain(ACME, day, 1000, null, 'import')));
  await lake.mergeGains(dayRange('2026-10-01', NEWEST_DAY).map((day, i) => gain(BETA, day, i % 2, 0, 'api')));
  await lake.mergeTotals([total(ACME, '2026-11-20', 5000, 'api'), total(ACME, '2026-11-27', 5010, 'api')]);
  await lake.mergeTotals([total(ACME, '2026-08-01', 4500, 'import'), total(ACME, '2026-11-20', 4000, 'import')]);
  await lake.mergeTotals([total(BETA, '2026-11-27', 120, 'api')]);
  await lake.writeAccounts([
    { network: 'linkedin', accountId: ACME, name: 'Acme, "the" company', url: 'https://www.linkedin.com/company/acme' },
    { network: 'linkedin', accountId: BETA, name: 'Beta', url: null },
  ]);
  await lake.writeCompanyEvents([
    { id: 'ev-1', day: '2026-10-05', endDay: null, network: null, category: 'post', title: 'Launch post', notes: 'Big, "bold" launch' },
    { id: 'ev-2', day: '2026-11-01', endDay: '2026-11-07', network: 'linkedin', category: 'campaign', title: 'November ads', notes: null },
  ]);
  await lake.writeSyncRun(RUN);
  await writeNoise(dir);
  return lake;
}

/** Files a crashed writer or a user may leave in the lake; none of them is data. */
async function writeNoise(dir: string): Promise<void> {
  const month = join(dir, 'follower_gains', 'month=2026-11');
  const garbage = 'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n2026-11-01,linkedin,2414183,999999,0,999999,api,x\n';
  await writeFile(join(month, '.linkedin-2414183-api.csv.tmp-123'), garbage);
  await writeFile(join(month, '.hidden.csv'), garbage);
  await writeFile(join(month, 'README.txt'), 'not data, "unbalanced');
  await mkdir(join(dir, 'follower_totals', '.month=2026-12'), { recursive: true });
  await writeFile(join(dir, 'follower_totals', '.month=2026-12', 'linkedin-2414183-api.csv'), 'broken');
}
