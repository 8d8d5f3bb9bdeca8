import { startOfISOWeek } from 'date-fns';
import { dateAsDay, dayAsDate } from '../../../shared/calendar-dates';
import type { Granularity } from '../../../shared/insights';
import { addDays, daysBetween, twelveMonthsBefore, type Day } from '../dates';

/** An inclusive range of days. */
export interface DayRange {
  from: Day;
  to: Day;
}

/** Monday of the ISO week holding `day` (ISO weeks start on Monday). */
export function isoWeekStart(day: Day): Day {
  return dateAsDay(startOfISOWeek(dayAsDate(day)));
}

/** First day of the bucket holding `day`: the day itself, its ISO week's Monday or its month's 1st. */
export function bucketStart(day: Day, granularity: Granularity): Day {
  if (granularity === 'week') return isoWeekStart(day);
  if (granularity === 'month') return `${day.slice(0, 7)}-01`;
  return day;
}

export function rangeLength(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/** The range of the same length ending the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const length = rangeLength(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** The same calendar days a year earlier (29 February becomes the 28th). */
export function yearAgoRange(range: DayRange): DayRange {
  return { from: twelveMonthsBefore(range.from), to: twelveMonthsBefore(range.to) };
}
