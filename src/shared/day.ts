/** A day is a UTC calendar date `YYYY-MM-DD` (contract §5); both processes validate with this. */
export const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date: 2026-02-30 matches the pattern but is not a day. */
export function isDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}
