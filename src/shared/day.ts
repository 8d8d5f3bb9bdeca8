/** A day is a UTC calendar date `YYYY-MM-DD` (contract §5); both processes validate with this. */
export const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: 2026-02-30 matches the pattern but is not a day. */
export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Plain arithmetic: every lake row is checked, and a Date round trip per row showed in profiles.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Day arithmetic goes through epoch milliseconds at 00:00:00.000Z, so the machine's time zone
 * can never shift a day (contract §5). Shared by the engine, the Data view and the renderer.
 */
export const DAY_MS = 86_400_000;

export function dayToMs(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

// Planning walks every day of every account's window; formatting through a Date each time was
// a visible share of a 200-page sync. The days in play are few, so they are remembered.
const DAY_NAMES = new Map<number, string>();
const DAY_NAMES_LIMIT = 50_000;

export function dayFromMs(ms: number): string {
  let day = DAY_NAMES.get(ms);
  if (day === undefined) {
    day = new Date(ms).toISOString().slice(0, 10);
    if (DAY_NAMES.size >= DAY_NAMES_LIMIT) DAY_NAMES.clear();
    DAY_NAMES.set(ms, day);
  }
  return day;
}

export function addDays(day: string, n: number): string {
  return dayFromMs(dayToMs(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToMs(to) - dayToMs(from)) / DAY_MS);
}
