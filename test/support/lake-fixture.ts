import { writeFile } from 'node:fs/promises';
import { dayRange } from '../../src/main/engine/dates';
import type { GainRow, TotalRow } from '../../src/main/engine/lake/lake-rows';
import type { LocalLake } from '../../src/main/engine/lake/local-lake';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import type { RunRecord } from '../../src/shared/run-record';

export const FETCHED_AT = '2026-11-28T07:00:01.000Z';

export function gainRow(accountId: string, day: string, organic: number, paid: number, source: 'api' | 'import' = 'api'): GainRow {
  return { day, network: 'linkedin', accountId, organicGain: organic, paidGain: paid, totalGain: organic + paid, source, fetchedAt: FETCHED_AT };
}

export function totalRow(accountId: string, day: string, followers: number): TotalRow {
  return { day, network: 'linkedin', accountId, followers, source: 'api', fetchedAt: FETCHED_AT };
}

export function runRecordFor(runId: string, startedAt: string): RunRecord {
  return {
    runId,
    trigger: 'cli',
    startedAt,
    finishedAt: startedAt,
    status: 'success',
    accounts: [{ network: 'linkedin', accountId: '2414183', daysRequested: [], daysWritten: 3, rowsWritten: 3, missingDays: [], error: null }],
    apiCalls: 2,
    bytesWritten: 100,
    destinations: ['local', 's3'],
    alerts: [],
    warnings: [],
    error: null,
  };
}

/**
 * A small but complete lake: api gains over two months, an import file, totals, accounts,
 * two sync runs, plus a temporary dot-file that must never be shipped anywhere.
 */
export async function seedLake(lake: LocalLake, accountIds: readonly string[] = ['2414183']): Promise<void> {
  for (const [index, id] of accountIds.entries()) {
    await lake.mergeGains(dayRange('2026-10-29', '2026-11-03').map((day, i) => gainRow(id, day, 10 + i + index, i % 3)));
    await lake.mergeTotals([totalRow(id, '2026-11-03', 1500 + index)]);
  }
  await lake.mergeGains([gainRow(accountIds[0], '2026-09-01', 4, 0, 'import')]);
  await lake.writeAccounts(accountIds.map((id) => ({ network: 'linkedin', accountId: id, name: `Page ${id}`, url: `https://www.linkedin.com/company/${id}/` })));
  await lake.writeSyncRun(runRecordFor('20261103T070001Z-aaaa', '2026-11-03T07:00:01.000Z'));
  await lake.writeSyncRun(runRecordFor('20261028T070001Z-bbbb', '2026-10-28T07:00:01.000Z'));
  await writeFile(lake.pathOf('follower_gains/month=2026-11/.linkedin-2414183-api.csv.999.abcdef.tmp'), 'half a file');
}

export function s3Settings(endpoint: string, overrides: Partial<Settings['s3']> = {}, accountIds: readonly string[] = ['2414183']): Settings {
  const settings = defaultSettings();
  settings.accounts = accountIds.map((id) => ({ network: 'linkedin', id, name: `Page ${id}`, enabled: true }));
  settings.s3 = {
    ...settings.s3,
    enabled: true,
    bucket: 'lake-bucket',
    prefix: 'follower-pulse',
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    ...overrides,
  };
  return settings;
}
