import type { RunRecord, RunTrigger } from '../../../shared/run-record';
import type { SyncProgressEvent, SyncRequestDto } from '../../../shared/ui-api';
import { AppError, toAppError } from '../errors';
import { executeSync } from '../sync/execute-sync';
import { planSyncRange } from './use-cases/sync-range';
import type { SyncProgress } from '../sync/sync-runner';
import type { AppContext } from './app-context';

/** How a started run ended: its record, or the error that stopped it after it had begun. */
export type RunOutcome = { record: RunRecord; error: null } | { record: null; error: AppError };

export interface StartedRun {
  /** Settles when the run ends; never rejects. */
  finished: Promise<RunOutcome>;
}

interface Current {
  trigger: RunTrigger;
  startedAt: Date;
  count: number;
  done: number;
}

const IDLE: SyncProgressEvent = { runId: null, running: false, message: '', fraction: null };

/**
 * The one sync this process runs at a time, whoever asked (the UI's "Sync now", the tray, the
 * scheduler), always through executeSync (lake lock, S3, alerts, run record). `start` answers
 * once the run is really under way, so a refusal comes back to the caller as a failure instead
 * of an event: LOCK_HELD when a sync runs here or in another process (CLI, Task Scheduler),
 * NO_ACCOUNTS, SETTINGS_INVALID.
 */
export class SyncCoordinator {
  readonly #ctx: AppContext;
  #current: Current | null = null;
  #progress: SyncProgressEvent = IDLE;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  get running(): boolean {
    return this.#current !== null;
  }

  get progress(): SyncProgressEvent {
    return { ...this.#progress };
  }

  async start(trigger: RunTrigger, request: SyncRequestDto = {}): Promise<StartedRun> {
    if (this.#current) throw this.#busy(this.#current);
    // Claimed before the first await: two clicks must not both get through.
    const current: Current = { trigger, startedAt: this.#ctx.deps.now(), count: 0, done: 0 };
    this.#current = current;
    let signalStarted = (): void => undefined;
    const started = new Promise<null>((resolve) => (signalStarted = () => resolve(null)));
    const finished = this.#run(current, request, signalStarted).then(
      (record): RunOutcome => this.#finished(current, record),
      (error: unknown): RunOutcome => this.#failed(current, toAppError(error)),
    );
    const first = await Promise.race([started, finished]);
    // Ended before its first page started: a refusal, not a run.
    if (first !== null && first.error !== null && current.count === 0) throw first.error;
    return { finished };
  }

  async #run(current: Current, request: SyncRequestDto, signalStarted: () => void): Promise<RunRecord> {
    const settings = await this.#ctx.settings();
    const range = request.from !== undefined && request.to !== undefined ? { from: request.from, to: request.to } : undefined;
    if (range) planSyncRange(settings, range, this.#ctx.deps.now(), 'ui');
    return executeSync({
      home: this.#ctx.deps.home,
      settings,
      secrets: this.#ctx.deps.secrets,
      logger: this.#ctx.deps.logger,
      now: this.#ctx.deps.now,
      trigger: current.trigger,
      accountId: request.accountId,
      range,
      progress: (event) => {
        this.#onProgress(current, event);
        signalStarted();
      },
    });
  }

  #onProgress(current: Current, event: SyncProgress): void {
    if (event.accountCount !== undefined) current.count = event.accountCount;
    // Pages run concurrently, so "pages finished / pages" is the fraction that only grows.
    if (event.kind === 'account-done' || event.kind === 'account-failed') current.done += 1;
    const fraction = current.count > 0 ? Math.min(1, current.done / current.count) : null;
    this.#publish({ runId: null, running: true, message: event.message, fraction, ...(event.text ? { text: event.text } : {}) });
  }

  #finished(current: Current, record: RunRecord): RunOutcome {
    if (this.#current === current) this.#current = null;
    this.#publish({ runId: record.runId, running: false, message: summary(record), fraction: 1 });
    this.#ctx.emit('run-finished', record);
    return { record, error: null };
  }

  #failed(current: Current, error: AppError): RunOutcome {
    if (this.#current === current) this.#current = null;
    if (current.count > 0) {
      // It had started, so the UI is showing its progress: end that with the reason.
      this.#ctx.deps.logger.error('sync.ui-run-failed', { trigger: current.trigger, code: error.code, message: error.message });
      this.#publish({ runId: null, running: false, message: error.oneLine(), fraction: null });
    }
    return { record: null, error };
  }

  #publish(progress: SyncProgressEvent): void {
    this.#progress = progress;
    this.#ctx.emit('sync-progress', progress);
  }

  #busy(current: Current): AppError {
    const since = current.startedAt.toISOString().slice(11, 16);
    return new AppError('LOCK_HELD', `A sync is already running in this app (${current.trigger}, started ${since} UTC)`, {
      hint: 'wait for it to finish; its progress is shown on the dashboard',
    });
  }
}

function summary(record: RunRecord): string {
  const days = record.accounts.reduce((n, a) => n + a.daysWritten, 0);
  const pages = record.accounts.length;
  const what = `${pages} page${pages === 1 ? '' : 's'}, ${days} day${days === 1 ? '' : 's'} written`;
  return record.error ? `Sync ${record.status}: ${what} — ${record.error.message}` : `Sync ${record.status}: ${what}`;
}
