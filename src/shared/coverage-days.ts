import { addDays } from './day';
import type { CoverageView, DayRange, RecentGains } from './ui-api';

// The Data view's reading of lake.coverage's compact shape (pure; days are UTC `YYYY-MM-DD`).

export interface DayGain {
  day: string;
  organic: number;
  paid: number | null;
  total: number;
}

export type DayState = 'present' | 'missing' | 'none';

/** The days of the recent gains that have data, ascending (the wire sends one slot per day). */
export function gainRows(recent: RecentGains): DayGain[] {
  const rows: DayGain[] = [];
  let day = recent.from;
  for (let i = 0; i < recent.total.length; i++, day = addDays(day, 1)) {
    const organic = recent.organic[i];
    const total = recent.total[i];
    if (organic !== null && total !== null) rows.push({ day, organic, paid: recent.paid[i], total });
  }
  return rows;
}

/** Every day of the ranges, ascending. */
export function daysOfRanges(ranges: readonly DayRange[]): string[] {
  const days: string[] = [];
  for (const range of ranges) for (let day = range.from; day <= range.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Each day of the window: missing (listed in a range), present (from the first day with data on),
 * or none (before the page's first day with data, which is not a gap).
 */
export function windowDayStates(coverage: Pick<CoverageView, 'windowStart' | 'windowEnd' | 'firstDay' | 'missingRanges'>): { day: string; state: DayState }[] {
  const missing = new Set(daysOfRanges(coverage.missingRanges));
  const out: { day: string; state: DayState }[] = [];
  for (let day = coverage.windowStart; day <= coverage.windowEnd; day = addDays(day, 1)) {
    const state: DayState = missing.has(day) ? 'missing' : coverage.firstDay !== null && day >= coverage.firstDay ? 'present' : 'none';
    out.push({ day, state });
  }
  return out;
}
