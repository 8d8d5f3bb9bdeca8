/**
 * When the daily run is due (pure: the clock and the machine's time zone come in through
 * `now` and Date's local-time arithmetic).
 *
 * The rule is one comparison: the most recent daily slot at or before now must not be older
 * than the last scheduled run. That single rule gives the behaviour people expect:
 * - machine off or asleep for days: one catch-up, not one per missed day;
 * - clock moved back after a run: the slot it lands on is not newer than that run, no second run;
 * - DST fall-back: the slot is the first 02:30, the second 02:30 finds it already run;
 * - DST spring-forward: a 02:30 that does not exist that day runs at the first instant after
 *   the gap (03:00 local), so the day is never skipped.
 */
export type ScheduleKind = 'schedule' | 'catch-up';

export interface ScheduleInput {
  now: Date;
  /** HH:MM, local time. */
  dailyAt: string;
  /** Start of the last run with trigger `schedule` or `catch-up`, whoever ran it; null if none ever. */
  lastScheduledRunAt: Date | null;
  /** The previous evaluation by this scheduler; null at startup. */
  lastCheckAt: Date | null;
  enabled: boolean;
}

export interface ScheduleDecision {
  due: boolean;
  /** `schedule` when the run happens at its time, `catch-up` when a slot was missed (startup, resume). */
  kind: ScheduleKind | null;
  /** The next run after this decision (after the due one, when due); null when disabled. */
  nextRunAt: Date | null;
}

/** A run this close after its slot, seen by a scheduler that was awake before it, is on time. */
export const ON_TIME_GRACE_MS = 10 * 60_000;
/**
 * A "last run" further ahead of now than this is from a clock that was wrong (set a day or more
 * ahead, then corrected): it must not silence the schedule until the clock catches up.
 */
export const MAX_FUTURE_RUN_MS = 24 * 3_600_000;

const MINUTE_MS = 60_000;

export function decideSchedule(input: ScheduleInput): ScheduleDecision {
  if (!input.enabled) return { due: false, kind: null, nextRunAt: null };
  const { hours, minutes } = parseDailyAt(input.dailyAt);
  const now = input.now.getTime();
  const slot = mostRecentSlot(input.now, hours, minutes);
  const last = plausibleLastRun(input.lastScheduledRunAt, now);
  const due = last === null || last < slot.getTime();
  if (due) {
    const onTime = input.lastCheckAt !== null && input.lastCheckAt.getTime() <= slot.getTime() && now - slot.getTime() <= ON_TIME_GRACE_MS;
    return { due, kind: onTime ? 'schedule' : 'catch-up', nextRunAt: slotAfter(new Date(now), hours, minutes) };
  }
  // After a clock moved back, the next slot may still be covered by the last run: skip past it.
  const from = last !== null && last > now ? last : now;
  return { due, kind: null, nextRunAt: slotAfter(new Date(from), hours, minutes) };
}

/** HH:MM → hours and minutes; a RangeError for anything else (settings validate it first). */
export function parseDailyAt(dailyAt: string): { hours: number; minutes: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(dailyAt);
  if (!m) throw new RangeError(`dailyAt must be HH:MM, got ${JSON.stringify(dailyAt)}`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

function plausibleLastRun(last: Date | null, now: number): number | null {
  if (last === null) return null;
  const ms = last.getTime();
  return ms - now > MAX_FUTURE_RUN_MS ? null : ms;
}

/** The latest slot at or before `now`. */
export function mostRecentSlot(now: Date, hours: number, minutes: number): Date {
  const today = slotOn(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes);
  if (today.getTime() <= now.getTime()) return today;
  return slotOn(now.getFullYear(), now.getMonth(), now.getDate() - 1, hours, minutes);
}

/** The first slot strictly after `after`. */
export function slotAfter(after: Date, hours: number, minutes: number): Date {
  for (let offset = 0; ; offset += 1) {
    const slot = slotOn(after.getFullYear(), after.getMonth(), after.getDate() + offset, hours, minutes);
    if (slot.getTime() > after.getTime()) return slot;
  }
}

/**
 * HH:MM local on a calendar date (month and day may overflow; Date normalises them). When that
 * wall time falls in a spring-forward gap it does not exist: the slot is then the first instant
 * of the day whose local time is past it, i.e. the end of the gap. ECMAScript itself would
 * shift the time by the gap's length (02:30 → 03:30), which is not "the first valid instant".
 */
export function slotOn(year: number, month: number, date: number, hours: number, minutes: number): Date {
  const candidate = new Date(year, month, date, hours, minutes, 0, 0);
  if (candidate.getHours() === hours && candidate.getMinutes() === minutes) return candidate;
  const normalised = new Date(year, month, date, 12, 0, 0, 0);
  const target = wallKey(normalised.getFullYear(), normalised.getMonth(), normalised.getDate(), hours, minutes);
  // Local wall time only moves forward around a gap, so a binary search over minutes finds the
  // first instant at or past the target. Gaps are at most a few hours long.
  let lo = Math.floor(candidate.getTime() / MINUTE_MS) - 6 * 60;
  let hi = lo + 12 * 60;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (localWallKey(new Date(mid * MINUTE_MS)) >= target) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * MINUTE_MS);
}

function wallKey(year: number, month: number, date: number, hours: number, minutes: number): number {
  return ((year * 12 + month) * 31 + date) * 1440 + hours * 60 + minutes;
}

function localWallKey(d: Date): number {
  return wallKey(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes());
}
