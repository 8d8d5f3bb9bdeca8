import type { RunRecord } from '../../../shared/run-record';

export function daysWritten(run: RunRecord): number {
  return run.accounts.reduce((sum, a) => sum + a.daysWritten, 0);
}

export function runDurationMs(run: RunRecord): number {
  return Date.parse(run.finishedAt) - Date.parse(run.startedAt);
}
