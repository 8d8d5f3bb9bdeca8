import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../../../shared/zod';
import { writeJsonAtomic } from '../settings/settings-store';
import { SCHEDULER_NAMES, type OsScheduler } from './os-schedule-plan';

/**
 * Who runs the daily sync of a home: the OS (a task `schedule install` registered) or the app
 * itself (the tray app's or `serve`'s in-process Scheduler). `schedule install` writes
 * `<home>/os-schedule.json`, `uninstall` removes it; `status`, the tray and the in-process
 * Scheduler read it, so the OS and the app never both run the job.
 */
export const OS_SCHEDULE_FILE = 'os-schedule.json';

const recordSchema = z.object({
  scheduler: z.enum(['windows-task-scheduler', 'systemd', 'launchd']),
  entry: z.string(),
  dailyAt: z.string(),
  installedAt: z.string(),
});

export type OsScheduleRecord = z.infer<typeof recordSchema>;

/** `app` when no OS task is installed for the home. */
export type DailySyncOwner = 'app' | OsScheduler;

export function osScheduleFile(home: string): string {
  return path.join(home, OS_SCHEDULE_FILE);
}

/** The record, or null when none (a damaged file reads as none: the app then runs the job, as before install). */
export async function readOsSchedule(home: string): Promise<OsScheduleRecord | null> {
  let text: string;
  try {
    text = await readFile(osScheduleFile(home), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeOsSchedule(home: string, record: OsScheduleRecord): Promise<void> {
  await writeJsonAtomic(osScheduleFile(home), record);
}

export async function removeOsSchedule(home: string): Promise<void> {
  await rm(osScheduleFile(home), { force: true });
}

export function dailySyncOwner(record: OsScheduleRecord | null): DailySyncOwner {
  return record === null ? 'app' : record.scheduler;
}

export async function readDailySyncOwner(home: string): Promise<DailySyncOwner> {
  return dailySyncOwner(await readOsSchedule(home));
}

/**
 * The schedule the in-process Scheduler should follow: the settings' schedule, switched off
 * while an OS task runs the job (pure). Catch-up after sleep is the OS task's job then too
 * (StartWhenAvailable, Persistent=true).
 */
export function inProcessSchedule<S extends { enabled: boolean }>(schedule: S, owner: DailySyncOwner): S {
  return owner === 'app' ? schedule : { ...schedule, enabled: false };
}

/** One line for `status`: who runs the daily sync. */
export function dailySyncLine(owner: DailySyncOwner, scheduleEnabled: boolean): string {
  if (owner !== 'app') return `Daily sync: ${SCHEDULER_NAMES[owner]} (installed with follower-pulse schedule install)`;
  if (!scheduleEnabled) return 'Daily sync: off (schedule.enabled is false)';
  return 'Daily sync: by the tray app or follower-pulse serve while it runs (no OS task; see follower-pulse schedule install)';
}
