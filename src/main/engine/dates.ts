import { DAY_RE } from '../../shared/day';

export { isDay } from '../../shared/day';

/**
 * Days are UTC calendar dates `YYYY-MM-DD` (contract §5). All arithmetic goes through epoch
 * milliseconds at 00:00:00.000Z so the machine's time zone can never shift a day.
 */
export type Day = string;

export const DAY_MS = 86_400_000;
export function dayToMs(day: Day): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

// Planning walks every day of every account's window; formatting through a Date each time was
// a visible share of a 200-page sync. The days in play are few, so they are remembered.
const DAY_NAMES = new Map<number, Day>();
const DAY_NAMES_LIMIT = 50_000;

export function dayFromMs(ms: number): Day {
  let day = DAY_NAMES.get(ms);
  if (day === undefined) {
    day = new Date(ms).toISOString().slice(0, 10);
    if (DAY_NAMES.size >= DAY_NAMES_LIMIT) DAY_NAMES.clear();
    DAY_NAMES.set(ms, day);
  }
  return day;
}

export function utcDay(now: Date): Day {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return dayFromMs(dayToMs(day) + n * DAY_MS);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS);
}

/** Inclusive list of days from `from` to `to` (empty when from > to). */
export function dayRange(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let ms = dayToMs(from), end = dayToMs(to); ms <= end; ms += DAY_MS) out.push(dayFromMs(ms));
  return out;
}

/** `2026-11-28` → `2026-11`. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

/** The same calendar day 12 months earlier (29 Feb → 28 Feb): LinkedIn's rolling window. */
export function twelveMonthsBefore(day: Day): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return dayFromMs(Date.UTC(y - 1, m - 1, Math.min(d, lastOfMonth)));
}

export function maxDay(a: Day, b: Day): Day {
  return a > b ? a : b;
}
