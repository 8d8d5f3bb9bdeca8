import type { Language } from '../../shared/error-explanations';
import type { RunRecord, RunStatus } from '../../shared/run-record';
import type { Settings } from '../../shared/settings-schema';
import type { SchedulerState, SyncProgressEvent } from '../../shared/ui-api';
import type { DailySyncOwner } from './tray-schedule-text';

/** Everything the tray shows; rebuilt into a menu, an icon and a tooltip on every change. */
export interface TrayState {
  /** The clock when the state was taken; "today"/"tomorrow" are relative to it. */
  now: Date;
  language: Language;
  /**
   * A sync is under way, as its progress events say. Only those: a run that the engine claims
   * and then refuses (no pages, lock held) never reports progress, so a "running" flag read
   * from a snapshot could stay set with nothing to clear it.
   */
  running: boolean;
  /** 0..1 while running, when known. */
  progress: number | null;
  lastRun: { status: RunStatus; finishedAt: string } | null;
  nextRunAt: string | null;
  scheduleEnabled: boolean;
  enabledAccounts: number;
  /** settings.json is invalid: syncing would only fail, so the tray says where to fix it. */
  settingsProblem: boolean;
  /** Who runs the daily sync (this app or an OS task from `schedule install`); null until known. */
  dailySyncBy: DailySyncOwner | null;
}

export function initialTrayState(now: Date): TrayState {
  return {
    now,
    language: 'pt-BR',
    running: false,
    progress: null,
    lastRun: null,
    nextRunAt: null,
    scheduleEnabled: true,
    enabledAccounts: 0,
    settingsProblem: false,
    dailySyncBy: null,
  };
}

/** The `scheduler.state` UI method's answer: whether the schedule is on, the next run, the last run. */
export function withSchedulerState(state: TrayState, scheduler: SchedulerState): TrayState {
  const lastRun = scheduler.lastRun === null ? state.lastRun : summary(scheduler.lastRun);
  const dailySyncBy = scheduler.dailySyncBy ?? state.dailySyncBy;
  return { ...state, scheduleEnabled: scheduler.enabled, nextRunAt: scheduler.nextRunAt, lastRun, dailySyncBy };
}

/**
 * The in-process Scheduler's next run. Only a known instant is taken: before its first decision
 * the Scheduler reports nothing (and "disabled"), and whether the schedule is on is the
 * settings' word anyway. Its `running` is not used either: the runs themselves report progress.
 */
export function withNextRun(state: TrayState, snapshot: { nextRunAt: Date | null } | null): TrayState {
  if (snapshot === null || snapshot.nextRunAt === null) return state;
  return { ...state, nextRunAt: snapshot.nextRunAt.toISOString() };
}

export function withSettings(state: TrayState, settings: Settings): TrayState {
  return {
    ...state,
    language: settings.language,
    scheduleEnabled: settings.schedule.enabled,
    enabledAccounts: settings.accounts.filter((a) => a.enabled).length,
    settingsProblem: false,
  };
}

export function withSettingsProblem(state: TrayState): TrayState {
  return { ...state, settingsProblem: true };
}

export function withProgress(state: TrayState, progress: SyncProgressEvent): TrayState {
  return { ...state, running: progress.running, progress: progress.running ? progress.fraction : null };
}

export function withFinishedRun(state: TrayState, record: RunRecord): TrayState {
  return { ...state, running: false, progress: null, lastRun: summary(record) };
}

export function withNow(state: TrayState, now: Date): TrayState {
  return { ...state, now };
}

function summary(record: RunRecord | null): TrayState['lastRun'] {
  return record === null ? null : { status: record.status, finishedAt: record.finishedAt };
}
