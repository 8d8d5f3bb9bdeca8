import type { RunRecord } from '../../../shared/run-record';
import { toAppError, type AppError } from '../errors';
import type { RunHistory } from '../history/run-history';
import type { LakeDestination } from '../lake/lake-destination';
import { emptyLakeWriteResult, type LakeWriteResult, type LocalLake, mergeLakeWriteResults } from '../lake/local-lake';
import type { Logger } from '../log/logger';
import { runStatus, type StatusInputs } from './run-status';

export interface DeliverRunDeps {
  lake: LocalLake;
  history: RunHistory;
  logger: Logger;
  destinations?: readonly LakeDestination[];
  /** Sends the alerts the finished run calls for; never throws (an SMTP failure is recorded). */
  alerter?: (record: RunRecord) => Promise<RunRecord['alerts']>;
}

export interface FinishedRun {
  /** The run as the local lake saw it: status without destination failures, destinations `['local']`. */
  record: RunRecord;
  /** The data files the run wrote. */
  written: LakeWriteResult;
  /** What the status was computed from, to recompute it once the destinations have answered. */
  status: Omit<StatusInputs, 'destinationFailures'>;
}

/**
 * The tail of every sync (contract §7): the run's sync_runs row goes to the local lake first,
 * then every destination gets the data files and that row in one `deliver` call; a destination failure
 * makes the run `partial` (and the local row is corrected), then alerts, then the history.
 */
export async function deliverRun(deps: DeliverRunDeps, run: FinishedRun): Promise<RunRecord> {
  const { record } = run;
  const destinations = deps.destinations ?? [];
  record.destinations = ['local', ...destinations.map((d) => d.name)];
  const row = await writeRunRow(deps, record);
  const outgoing = mergeLakeWriteResults(run.written, row);
  const failures: AppError[] = [];
  for (const destination of destinations) {
    try {
      await destination.deliver(outgoing);
    } catch (error) {
      const appError = toAppError(error);
      failures.push(appError);
      deps.logger.error('sync.destination-failed', { destination: destination.name, code: appError.code, message: appError.message });
    }
  }
  if (failures.length > 0) {
    record.status = runStatus({ ...run.status, destinationFailures: failures.length });
    record.error ??= { code: failures[0].code, message: failures[0].message };
    // The row just delivered carries the status before the failure; the local lake holds the
    // truth and the failed destination reconciles it on its next delivery.
    await writeRunRow(deps, record);
  }
  if (deps.alerter) record.alerts = await deps.alerter(record);
  await deps.history.append(record);
  deps.logger.info('sync.finish', { runId: record.runId, status: record.status, apiCalls: record.apiCalls, code: record.error?.code ?? null });
  return record;
}

/** A lake that cannot take the row must not lose the run: the history still records it. */
async function writeRunRow(deps: Pick<DeliverRunDeps, 'lake' | 'logger'>, record: RunRecord): Promise<LakeWriteResult> {
  try {
    const row = await deps.lake.writeSyncRun(record);
    record.bytesWritten += row.bytesWritten;
    return row;
  } catch (error) {
    deps.logger.error('sync.record-lake-failed', { runId: record.runId, message: toAppError(error).message });
    return emptyLakeWriteResult();
  }
}
