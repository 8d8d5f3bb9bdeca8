import type { Network } from '../../../../shared/networks';
import type { DayRange, RecentGains } from '../../../../shared/ui-api';
import { accountFacts, type AccountFacts, dayNumber, dayOfNumber } from '../../analytics/daily-facts';
import type { Day } from '../../dates';
import type { GainRow, TotalRow } from '../../lake/lake-rows';
import type { PlanWindowBounds } from '../../sync/sync-planner';

/** The Data view shows this many days of gains. */
export const RECENT_GAIN_DAYS = 90;

/**
 * What the lake holds for one account, judged against the window its network serves (pure).
 * The one home of the rules status and the UI share: api rows win over import rows on the
 * same day (contract §6, applied when the facts are built); the latest total is the newest
 * day's; missing days are the days without gains from the account's first day (or the window's
 * start, if later) to the window's end — an account with no data has every day of the window
 * missing (contract §5: its first run is the backfill). Days are kept as ranges and counts, so
 * 200 pages × 3 years cost a few hundred bytes a page rather than a list of every day.
 */
export interface AccountCoverage {
  firstDay: Day | null;
  lastDay: Day | null;
  /** Days with gains, wherever they lie. */
  daysCovered: number;
  windowStart: Day;
  windowEnd: Day;
  /** Days with gains inside the window. */
  presentCount: number;
  /** Missing days as inclusive ranges, ascending. */
  missingRanges: DayRange[];
  missingCount: number;
  totalFollowers: number | null;
  /** The RECENT_GAIN_DAYS days up to the window's end. */
  recentGains: RecentGains;
}

/** From the lake's rows of both sources (the path when the derived copy cannot be built). */
export function accountCoverage(network: Network, accountId: string, gains: readonly GainRow[], totals: readonly TotalRow[], bounds: PlanWindowBounds): AccountCoverage {
  return coverageOfFacts(accountFacts(network, accountId, gains, totals), bounds);
}

/** From an account's derived facts; undefined = nothing in the lake for it. */
export function coverageOfFacts(facts: AccountFacts | undefined, bounds: PlanWindowBounds): AccountCoverage {
  const oldest = dayNumber(bounds.oldest);
  const newest = dayNumber(bounds.newest);
  const has = (n: number): boolean => {
    if (!facts) return false;
    const i = n - facts.start;
    return i >= 0 && i < facts.length && facts.has[i] === 1;
  };

  let first: number | null = null;
  let last: number | null = null;
  let daysCovered = 0;
  if (facts) {
    for (let i = 0; i < facts.length; i++) {
      if (facts.has[i] !== 1) continue;
      daysCovered++;
      first ??= facts.start + i;
      last = facts.start + i;
    }
  }

  let presentCount = 0;
  for (let n = oldest; n <= newest; n++) if (has(n)) presentCount++;

  const missingRanges: DayRange[] = [];
  let missingCount = 0;
  let open: number | null = null;
  for (let n = first === null ? oldest : Math.max(first, oldest); n <= newest; n++) {
    if (has(n)) {
      if (open !== null) missingRanges.push({ from: dayOfNumber(open), to: dayOfNumber(n - 1) });
      open = null;
    } else {
      missingCount++;
      open ??= n;
    }
  }
  if (open !== null) missingRanges.push({ from: dayOfNumber(open), to: dayOfNumber(newest) });

  return {
    firstDay: first === null ? null : dayOfNumber(first),
    lastDay: last === null ? null : dayOfNumber(last),
    daysCovered,
    windowStart: bounds.oldest,
    windowEnd: bounds.newest,
    presentCount,
    missingRanges,
    missingCount,
    totalFollowers: facts?.snapshotValues.at(-1) ?? null,
    recentGains: recentGains(facts, newest - (RECENT_GAIN_DAYS - 1), newest),
  };
}

function recentGains(facts: AccountFacts | undefined, from: number, to: number): RecentGains {
  const out: RecentGains = { from: dayOfNumber(from), organic: [], paid: [], total: [] };
  for (let n = from; n <= to; n++) {
    const i = facts ? n - facts.start : -1;
    const present = facts !== undefined && i >= 0 && i < facts.length && facts.has[i] === 1;
    out.organic.push(present ? facts.organic[i] : null);
    out.paid.push(present && facts.paidMissing[i] !== 1 ? facts.paid[i] : null);
    out.total.push(present ? facts.total[i] : null);
  }
  return out;
}

/** Every day of the ranges, ascending (status --json lists missing days one by one). */
export function daysOfRanges(ranges: readonly DayRange[]): Day[] {
  const days: Day[] = [];
  for (const range of ranges) for (let n = dayNumber(range.from), end = dayNumber(range.to); n <= end; n++) days.push(dayOfNumber(n));
  return days;
}
