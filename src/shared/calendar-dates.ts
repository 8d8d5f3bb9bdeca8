import { lightFormat } from 'date-fns';

/**
 * Days (`YYYY-MM-DD`, contract §5) for date-fns's calendar functions (ISO weeks, month ends,
 * calendar-day differences). date-fns works on local dates, so a day goes in as its local
 * midnight and comes back out read in local time, so the machine's zone does not shift it. The
 * one exception is a day the zone skipped altogether (Samoa's 30 Dec 2011), which becomes the
 * next day; ISO week starts and month ends still come out right (test/unit/calendar-dates.test.ts).
 */
export function dayAsDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const local = new Date(0);
  // setFullYear, not the Date constructor, which reads years 0–99 as 1900–1999.
  local.setFullYear(year, month - 1, date);
  local.setHours(0, 0, 0, 0);
  return local;
}

export function dateAsDay(date: Date): string {
  return lightFormat(date, 'yyyy-MM-dd');
}
