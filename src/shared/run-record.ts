import type { ErrorCode } from './error-codes';

/** Contract §7: the run record, one JSON object per line in runs/YYYY-MM.jsonl. */
export type RunTrigger = 'schedule' | 'tray' | 'cli' | 'catch-up' | 'ui';

/** Worst first; see `worstStatus`. */
export type RunStatus = 'failed' | 'partial' | 'no-data' | 'success' | 'up-to-date';

export interface RunError {
  code: ErrorCode;
  message: string;
}

export interface RunWarning {
  code: string;
  message: string;
}

export interface AccountRunResult {
  network: string;
  accountId: string;
  daysRequested: string[];
  daysWritten: number;
  rowsWritten: number;
  missingDays: string[];
  error: RunError | null;
}

export interface RunAlert {
  kind: string;
  sent: boolean;
  error?: RunError;
}

export interface RunRecord {
  runId: string;
  trigger: RunTrigger;
  startedAt: string;
  finishedAt: string;
  status: RunStatus;
  accounts: AccountRunResult[];
  apiCalls: number;
  bytesWritten: number;
  destinations: string[];
  alerts: RunAlert[];
  warnings: RunWarning[];
  error: RunError | null;
}
