import type { SchedulerState } from '../../../shared/ui-api';
import { decideSchedule } from '../schedule/schedule-decision';
import { lastScheduledRunAt } from '../schedule/last-scheduled-run';
import { readDailySyncOwner } from '../schedule/os-schedule-owner';
import type { SchedulerSnapshot } from '../schedule/scheduler';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';
import type { SyncCoordinator } from './sync-coordinator';

/** sync.*, scheduler.state and runs.*. */
export function createSyncHandlers(
  ctx: AppContext,
  syncs: SyncCoordinator,
  scheduler: () => SchedulerSnapshot | null,
): MethodGroup<'sync.start' | 'sync.progress' | 'scheduler.state' | 'runs.list' | 'runs.get'> {
  return {
    'sync.start': async (request) => {
      // The run goes on in the background; progress and the record arrive as events.
      await syncs.start('ui', request);
      return { started: true };
    },
    'sync.progress': () => Promise.resolve(syncs.progress),
    'scheduler.state': async (): Promise<SchedulerState> => {
      const settings = await ctx.settings();
      const lastRun = await ctx.history.last();
      const inProcess = scheduler();
      // Without a scheduler in this process (the OS runs `sync`), the next slot is still the answer.
      const nextRunAt =
        inProcess?.nextRunAt ??
        decideSchedule({
          now: ctx.deps.now(),
          dailyAt: settings.schedule.dailyAt,
          enabled: settings.schedule.enabled,
          lastScheduledRunAt: await lastScheduledRunAt(ctx.history),
          lastCheckAt: null,
        }).nextRunAt;
      return {
        enabled: settings.schedule.enabled,
        nextRunAt: settings.schedule.enabled ? (nextRunAt?.toISOString() ?? null) : null,
        running: syncs.running,
        lastRun,
        dailySyncBy: await readDailySyncOwner(ctx.deps.home),
        inProcess: inProcess !== null,
      };
    },
    'runs.list': ({ limit, status }) => ctx.history.list({ limit: limit ?? 50, status }),
    'runs.get': ({ runId }) => ctx.history.get(runId),
  };
}
