import type { RunTrigger } from '../../../shared/run-record';
import { parseUiRequest } from '../../../shared/ui-api-schemas';
import { isUiMethod, type ApiResult, type SyncRequestDto, type UiEvents, type UiMethod, type UiResponse } from '../../../shared/ui-api';
import { AppError, toAppError } from '../errors';
import { redactor as processRedactor } from '../log/redactor';
import { lastScheduledRunAt } from '../schedule/last-scheduled-run';
import { Scheduler, type SchedulerSnapshot } from '../schedule/scheduler';
import type { ScheduleKind } from '../schedule/schedule-decision';
import { inProcessSchedule, readDailySyncOwner } from '../schedule/os-schedule-owner';
import { createAccountHandlers } from './account-handlers';
import { redactDeep, toApiFailure } from './api-failure';
import { type AppContext, createAppContext, type EmitEvent, type UiHandlerDeps } from './app-context';
import { DataHandlers } from './data-handlers';
import { createImportHandlers } from './import-handlers';
import { InsightsHandlers } from './insights-handlers';
import type { MethodTable } from './method-table';
import { createSecretHandlers } from './secret-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { watchSettingsFile, type SettingsWatch } from './settings-watch';
import { SettingsWriter } from './settings-writer';
import { createSupportHandlers } from './support-handlers';
import { createSyncHandlers } from './sync-handlers';
import { SyncCoordinator } from './sync-coordinator';
import { createSourceUiHandlers } from '../sources/registry';
import { createConnectionTestHandlers } from '../sources/connection-test';
import type { UiHandlers } from './ui-handlers';

export type { UiHandlerDeps } from './app-context';

/** What the desktop shell needs beyond the two transports' UiHandlers. */
export interface AppUiHandlers extends UiHandlers {
  /** Starts a sync the way sync.start does, for the tray's "Sync now" (trigger 'tray'). */
  startSync(trigger: RunTrigger, request?: SyncRequestDto): Promise<ApiResult<{ started: boolean }>>;
  /** Re-evaluates the daily schedule now: call on resume from sleep (powerMonitor 'resume'). */
  checkSchedule(reason: string): void;
  /** The in-process scheduler's state, null when `schedule` was not asked for. */
  schedulerState(): SchedulerSnapshot | null;
}

type Listener = Parameters<UiHandlers['subscribe']>[0];

/**
 * The UI API's implementation, shared by both transports (ipcMain and `serve`): validates every
 * request with the shared schema, runs the method, and turns every failure into a one-line
 * ApiFailure. Responses and events pass through the redactor, so no secret value can reach the
 * renderer even by way of a dependency's error message.
 */
export function createUiHandlers(deps: UiHandlerDeps): AppUiHandlers {
  const redactor = deps.redactor ?? processRedactor;
  const listeners = new Set<Listener>();
  const emit: EmitEvent = (event, payload) => {
    const clean = redactDeep(payload, redactor) as UiEvents[typeof event];
    for (const listener of [...listeners]) {
      try {
        listener(event, clean);
      } catch (error) {
        deps.logger.warn('ui.listener-failed', { event, message: toAppError(error).message });
      }
    }
  };
  const ctx = createAppContext(deps, emit);
  const writer = new SettingsWriter(ctx);
  const syncs = new SyncCoordinator(ctx);
  const sourceHandlers = createSourceUiHandlers(ctx);
  const data = new DataHandlers(ctx);
  const scheduler = deps.schedule ? createScheduler(ctx, syncs) : null;
  const table: MethodTable = {
    ...createSettingsHandlers(ctx, writer),
    ...createSecretHandlers(ctx, redactor),
    ...sourceHandlers.handlers,
    ...createAccountHandlers(ctx, writer),
    ...createSyncHandlers(ctx, syncs, () => scheduler?.state ?? null),
    ...data.handlers(),
    ...createSupportHandlers(ctx),
    ...createImportHandlers(ctx),
    ...new InsightsHandlers(ctx).handlers(),
    ...createConnectionTestHandlers(ctx),
  };

  let closed = false;
  let watch: SettingsWatch | null = null;
  if (deps.watchSettings !== false) {
    watch = watchSettingsFile({
      home: deps.home,
      logger: deps.logger,
      onChange: () => {
        void writer.reload();
        scheduler?.checkNow('settings-changed');
      },
    });
  }
  scheduler?.start();

  async function handle<M extends UiMethod>(method: M, request: unknown): Promise<ApiResult<UiResponse<M>>> {
    if (!isUiMethod(method)) {
      return toApiFailure(new AppError('USAGE', `Unknown UI method: ${String(method).slice(0, 60)}`, { hint: 'reload the page; the app may have been updated' }));
    }
    if (closed) return toApiFailure(new AppError('INTERNAL', 'Follower Pulse is shutting down', { hint: 'start it again' }));
    const parsed = parseUiRequest(method, request);
    if (!parsed.ok) return parsed;
    try {
      const value = await table[method](parsed.value);
      // Query results are lake data, never secrets; redacting them could only corrupt numbers.
      const clean = method === 'data.query' ? value : (redactDeep(value, redactor) as UiResponse<M>);
      return { ok: true, value: clean };
    } catch (error) {
      const failure = redactDeep(toApiFailure(error), redactor) as ReturnType<typeof toApiFailure>;
      logFailure(ctx, method, failure.code, failure.message, error);
      return failure;
    }
  }

  return {
    handle,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      scheduler?.stop();
      watch?.close();
      sourceHandlers.close();
      listeners.clear();
      await data.close();
    },
    async startSync(trigger, request = {}) {
      try {
        await syncs.start(trigger, request);
        return { ok: true, value: { started: true } };
      } catch (error) {
        return redactDeep(toApiFailure(error), redactor) as ReturnType<typeof toApiFailure>;
      }
    },
    checkSchedule: (reason) => scheduler?.checkNow(reason),
    schedulerState: () => scheduler?.state ?? null,
  };
}

function logFailure(ctx: AppContext, method: UiMethod, code: string, message: string, error: unknown): void {
  const fields = { method, code, message };
  if (code === 'INTERNAL') ctx.deps.logger.error('ui.call-failed', { ...fields, error });
  else ctx.deps.logger.info('ui.call-refused', fields);
}

/** The daily run in this process; LOCK_HELD means another process (Task Scheduler) is on it. */
function createScheduler(ctx: AppContext, syncs: SyncCoordinator): Scheduler {
  const { logger } = ctx.deps;
  const run = async (kind: ScheduleKind): Promise<void> => {
    let started;
    try {
      started = await syncs.start(kind);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code === 'LOCK_HELD') logger.info('schedule.skipped', { kind, reason: 'another sync is running', message: appError.message });
      else if (appError.code === 'NO_ACCOUNTS') logger.info('schedule.skipped', { kind, reason: 'no pages to sync' });
      else logger.error('schedule.refused', { kind, code: appError.code, message: appError.message });
      return;
    }
    const outcome = await started.finished;
    if (outcome.record) logger.info('schedule.finished', { kind, runId: outcome.record.runId, status: outcome.record.status });
  };
  return new Scheduler({
    now: ctx.deps.now,
    logger,
    // An OS task installed by `schedule install` runs the daily sync instead (never both).
    config: async () => inProcessSchedule((await ctx.settings()).schedule, await readDailySyncOwner(ctx.deps.home)),
    lastScheduledRunAt: () => lastScheduledRunAt(ctx.history),
    run,
  });
}
