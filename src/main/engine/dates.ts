import { DAY_MS, dayFromMs, dayToMs } from '../../shared/day';

export { addDays, DAY_MS, dayFromMs, daysBetween, dayToMs, isDay } from '../../shared/day';

/** Days are UTC calendar dates `YYYY-MM-DD` (contract §5); the arithmetic is in shared/day.ts. */
export type Day = string;

export function utcDay(now: Date): Day {
  return now.toISOString().slice(0, 10);
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
