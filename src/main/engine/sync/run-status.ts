import type { AccountRunResult, RunStatus } from '../../../shared/run-record';

const ORDER: readonly RunStatus[] = ['failed', 'partial', 'no-data', 'success', 'up-to-date'];

export function worstStatus(statuses: readonly RunStatus[]): RunStatus {
  let worst: RunStatus = 'up-to-date';
  for (const status of statuses) if (ORDER.indexOf(status) < ORDER.indexOf(worst)) worst = status;
  return worst;
}

export interface StatusInputs {
  accounts: readonly AccountRunResult[];
  /** Accounts whose newest settled day is still missing after the run. */
  accountsWithoutNewestDay: number;
  /** Destinations that failed (e.g. S3) while the local lake was written. */
  destinationFailures: number;
  /** The local lake could not be written at all. */
  lakeFailed: boolean;
}

/**
 * Contract §7, worst first: failed > partial > no-data > success > up-to-date. Older gaps
 * alone leave `success`; they are listed in missingDays.
 */
export function runStatus(inputs: StatusInputs): RunStatus {
  const failed = inputs.accounts.filter((a) => a.error !== null).length;
  if (inputs.lakeFailed) return 'failed';
  if (inputs.accounts.length > 0 && failed === inputs.accounts.length) return 'failed';
  if (failed > 0 || inputs.destinationFailures > 0) return 'partial';
  if (inputs.accountsWithoutNewestDay > 0) return 'no-data';
  const changed = inputs.accounts.some((a) => a.rowsWritten > 0);
  return changed ? 'success' : 'up-to-date';
}

export function exitCodeFor(status: RunStatus): 0 | 1 {
  return status === 'success' || status === 'up-to-date' ? 0 : 1;
}
