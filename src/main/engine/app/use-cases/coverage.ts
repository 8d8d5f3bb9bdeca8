import type { CoverageView } from '../../../../shared/ui-api';
import { addDays, type Day } from '../../dates';
import { type GainRow, preferApiRows, type TotalRow } from '../../lake/lake-rows';
import { missingDays, type PlanWindowBounds } from '../../sync/sync-planner';

/** The Data view shows this many days of gains. */
export const RECENT_GAIN_DAYS = 90;

type DayGains = CoverageView['recentGains'][number];

/**
 * What the lake holds for one account, judged against the window its network serves (pure).
 * The one home of the rules status and the UI share: api rows win over import rows on the
 * same day (contract §6); the latest total is the newest day's, api before import; an account
 * with no data has every day of the window missing (contract §5: its first run is the backfill).
 */
export interface AccountCoverage {
  firstDay: Day | null;
  lastDay: Day | null;
  /** Days with gains, wherever they lie. */
  daysCovered: number;
  windowStart: Day;
  windowEnd: Day;
  /** Days with gains inside the window, ascending. */
  presentDays: Day[];
  missingDays: Day[];
  totalFollowers: number | null;
  /** The last RECENT_GAIN_DAYS days of the window that have gains, ascending. */
  recentGains: DayGains[];
}

/**
 * An account's days as coverage reads them, already one per day (api over import applied):
 * `days` ascending, `gainsFrom(day)` the gains of the days from `day` on.
 */
export interface CoverageInput {
  days: readonly Day[];
  gainsFrom: (from: Day) => DayGains[];
  totalFollowers: number | null;
}

/** From the lake's rows of both sources. */
export function accountCoverage(gains: readonly GainRow[], totals: readonly TotalRow[], bounds: PlanWindowBounds): AccountCoverage {
  const chosen = preferApiRows(gains);
  return coverageOf(
    {
      days: chosen.map((row) => row.day),
      gainsFrom: (from) => chosen.filter((row) => row.day >= from).map((row) => ({ day: row.day, organic: row.organicGain, paid: row.paidGain, total: row.totalGain })),
      totalFollowers: preferApiRows(totals).at(-1)?.followers ?? null,
    },
    bounds,
  );
}

export function coverageOf(input: CoverageInput, bounds: PlanWindowBounds): AccountCoverage {
  const { days } = input;
  const firstDay = days[0] ?? null;
  const recentFrom = addDays(bounds.newest, -(RECENT_GAIN_DAYS - 1));
  return {
    firstDay,
    lastDay: days[days.length - 1] ?? null,
    daysCovered: days.length,
    windowStart: bounds.oldest,
    windowEnd: bounds.newest,
    presentDays: days.filter((d) => d >= bounds.oldest && d <= bounds.newest),
    missingDays: missingDays(new Set(days), firstDay, bounds),
    totalFollowers: input.totalFollowers,
    recentGains: input.gainsFrom(recentFrom).filter((g) => g.day <= bounds.newest),
  };
}
