import { parseDailyAt, slotAfter } from './schedule-decision';

/**
 * The next daily run at `dailyAt` (HH:MM, the machine's local time). Pure: the clock and the
 * time zone come in through `now` and Date's local-time arithmetic, so a DST change moves
 * the instant but never the wall-clock time users chose.
 */
export function nextDailyRun(now: Date, dailyAt: string): Date {
  const { hours, minutes } = parseDailyAt(dailyAt);
  // The scheduler's own slot rule, so status names the instant the tray will run (a time in a
  // spring-forward gap runs at the end of the gap).
  return slotAfter(now, hours, minutes);
}
