import type { AccountRunResult, RunRecord } from '../../src/shared/run-record';

/**
 * Run records for tests of what happens after a run (alerts, history views). The default is
 * a successful scheduled run of 2026-11-28 for LinkedIn page 2414183, lagDays 3, so the
 * newest available day is 2026-11-25.
 */
export const RUN_STARTED_AT = '2026-11-28T07:00:01.000Z';
export const NEWEST_DAY = '2026-11-25';

export function accountResult(overrides: Partial<AccountRunResult> = {}): AccountRunResult {
  return {
    network: 'linkedin',
    accountId: '2414183',
    daysRequested: ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'],
    daysWritten: 7,
    rowsWritten: 8,
    missingDays: [],
    error: null,
    ...overrides,
  };
}

export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: '20261128T070001Z-3f9a',
    trigger: 'schedule',
    startedAt: RUN_STARTED_AT,
    finishedAt: '2026-11-28T07:00:04.000Z',
    status: 'success',
    accounts: [accountResult()],
    apiCalls: 2,
    bytesWritten: 1234,
    destinations: ['local'],
    alerts: [],
    warnings: [],
    error: null,
    ...overrides,
  };
}

/** A run whose newest day is missing for the given page (status no-data). */
export function noDataRecord(accountId = '2414183', day = NEWEST_DAY): RunRecord {
  return runRecord({
    status: 'no-data',
    accounts: [accountResult({ accountId, daysWritten: 6, rowsWritten: 7, missingDays: [day] })],
  });
}

/** A run that failed because the LinkedIn token expired on 2026-11-20. */
export function tokenExpiredRecord(accountId = '2414183', label = 'Acme (LinkedIn 2414183)'): RunRecord {
  const error = {
    code: 'LINKEDIN_TOKEN_EXPIRED' as const,
    message: `${label}: LinkedIn token expired on 2026-11-20 — open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken`,
  };
  return runRecord({
    status: 'failed',
    accounts: [accountResult({ accountId, daysWritten: 0, rowsWritten: 0, error })],
    error,
  });
}
