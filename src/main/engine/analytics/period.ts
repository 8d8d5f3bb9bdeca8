import type { ReportPeriod } from '../../../shared/insights';
import { addDays, isDay, type Day } from '../dates';
import { AppError } from '../errors';
import type { DayRange } from './calendar';

export const REPORT_PERIODS: readonly ReportPeriod[] = ['7d', '30d', '90d', '365d', 'mtd', 'ytd'];
export const DEFAULT_PERIOD: ReportPeriod = '30d';

export function isReportPeriod(value: string): value is ReportPeriod {
  return (REPORT_PERIODS as readonly string[]).includes(value);
}

export interface PeriodRequest {
  from?: string;
  to?: string;
  period?: ReportPeriod;
}

function usage(message: string): AppError {
  return new AppError('USAGE', message, { hint: 'give --from and --to as YYYY-MM-DD, or --period 7d|30d|90d|365d|mtd|ytd' });
}

/**
 * The report's days (contract §8): an explicit from/to, or a period — default 30 days — ending
 * on `newest`, the newest day with data for the selection. mtd/ytd start on that day's month/year.
 */
export function resolvePeriod(request: PeriodRequest, newest: Day): DayRange {
  const { from, to, period } = request;
  if (from !== undefined || to !== undefined) {
    if (period !== undefined) throw usage('Give either --from/--to or --period, not both');
    if (from === undefined || to === undefined) throw usage('--from and --to go together');
    if (!isDay(from)) throw usage(`--from is not a date: ${from}`);
    if (!isDay(to)) throw usage(`--to is not a date: ${to}`);
    if (from > to) throw usage(`--from ${from} is after --to ${to}`);
    return { from, to };
  }
  const chosen = period ?? DEFAULT_PERIOD;
  switch (chosen) {
    case 'mtd':
      return { from: `${newest.slice(0, 7)}-01`, to: newest };
    case 'ytd':
      return { from: `${newest.slice(0, 4)}-01-01`, to: newest };
    default: {
      const days = Number(chosen.slice(0, -1));
      return { from: addDays(newest, -(days - 1)), to: newest };
    }
  }
}
