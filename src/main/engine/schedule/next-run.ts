/**
 * The next daily run at `dailyAt` (HH:MM, the machine's local time). Pure: the clock and the
 * time zone come in through `now` and Date's local-time arithmetic, so a DST change moves
 * the instant but never the wall-clock time users chose.
 */
export function nextDailyRun(now: Date, dailyAt: string): Date {
  const [hours, minutes] = dailyAt.split(':').map(Number) as [number, number];
  const candidate = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes, 0, 0);
  if (candidate.getTime() > now.getTime()) return candidate;
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, minutes, 0, 0);
}
