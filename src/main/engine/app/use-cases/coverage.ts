import type { Day } from '../../dates';
import { type GainRow, preferApiRows, type TotalRow } from '../../lake/lake-rows';
import { missingDays, type PlanWindowBounds } from '../../sync/sync-planner';

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
  /** One row per day, api preferred, ascending. */
  gains: GainRow[];
}

export function accountCoverage(gains: readonly GainRow[], totals: readonly TotalRow[], bounds: PlanWindowBounds): AccountCoverage {
  const chosen = preferApiRows(gains);
  const days = chosen.map((row) => row.day);
  const firstDay = days[0] ?? null;
  return {
    firstDay,
    lastDay: days[days.length - 1] ?? null,
    daysCovered: days.length,
    windowStart: bounds.oldest,
    windowEnd: bounds.newest,
    presentDays: days.filter((d) => d >= bounds.oldest && d <= bounds.newest),
    missingDays: missingDays(new Set(days), firstDay, bounds),
    totalFollowers: latestTotal(totals),
    gains: chosen,
  };
}

/** The newest day's follower count; an api snapshot beats an import for the same day. */
function latestTotal(totals: readonly TotalRow[]): number | null {
  return preferApiRows(totals).at(-1)?.followers ?? null;
}
