import { addDays, dayRange, maxDay, type Day, twelveMonthsBefore, utcDay } from '../dates';
import type { FetchWindow, PlanSettings } from '../sources/source';

export type { FetchWindow, PlanSettings } from '../sources/source';

/**
 * Which days each account needs and which requests fetch them (contract §5). Pure: a function
 * of what the lake already holds, the source's plan settings and "now".
 */
export interface AccountPlan {
  /** The days this run wants: the lookback plus every missing day, ascending. */
  daysRequested: Day[];
  /** The span from the oldest to the newest wanted day; null when nothing is wanted. */
  window: FetchWindow | null;
}

export interface PlanWindowBounds {
  /** The oldest day the network still serves and the settings allow. */
  oldest: Day;
  /** The newest settled day: today − lagDays. */
  newest: Day;
}

/** The network serves a rolling window (LinkedIn: 12 months) that the backfill setting may narrow. */
export function planBounds(now: Date, settings: PlanSettings): PlanWindowBounds {
  const today = utcDay(now);
  const newest = addDays(today, -settings.lagDays);
  const servedOldest = (settings.oldestServedDay ?? twelveMonthsBefore)(today);
  const oldest = maxDay(addDays(today, -settings.backfillDays), servedOldest);
  return { oldest, newest };
}

/**
 * Missing days are gaps after the account's first day with data: days before the first
 * one (a page created recently) are not gaps. An account with no data at all is all missing,
 * so its first run is the history import.
 */
export function missingDays(present: ReadonlySet<Day>, firstDay: Day | null, bounds: PlanWindowBounds): Day[] {
  if (bounds.oldest > bounds.newest) return [];
  const start = firstDay === null ? bounds.oldest : maxDay(firstDay, bounds.oldest);
  return dayRange(start, bounds.newest).filter((day) => !present.has(day));
}

export function planAccount(
  coverage: { days: ReadonlySet<Day>; firstDay: Day | null },
  settings: PlanSettings,
  now: Date,
): AccountPlan {
  const bounds = planBounds(now, settings);
  if (bounds.oldest > bounds.newest) return { daysRequested: [], window: null };
  const lookbackStart = maxDay(addDays(bounds.newest, -settings.lookbackDays + 1), bounds.oldest);
  const wanted = new Set<Day>(dayRange(lookbackStart, bounds.newest));
  for (const day of missingDays(coverage.days, coverage.firstDay, bounds)) wanted.add(day);
  const daysRequested = [...wanted].sort();
  return { daysRequested, window: spanOf(daysRequested) };
}

/**
 * All wanted days lie inside the served window, so one span from the oldest wanted day to the
 * newest covers them all: a request costs the same whatever its span, and sparse gaps are
 * cheaper fetched together than one call each.
 */
export function spanOf(days: readonly Day[]): FetchWindow | null {
  if (days.length === 0) return null;
  const sorted = [...days].sort();
  return { from: sorted[0], to: sorted[sorted.length - 1] };
}

/** A span cut into the requests a stream accepts, oldest first (LinkedIn: one for a year). */
export function requestWindows(window: FetchWindow | null, maxWindowDays: number): FetchWindow[] {
  if (window === null) return [];
  const out: FetchWindow[] = [];
  for (let from = window.from; from <= window.to; from = addDays(from, maxWindowDays)) {
    const last = addDays(from, maxWindowDays - 1);
    out.push({ from, to: last < window.to ? last : window.to });
  }
  return out;
}

/** `sync --from --to`: the range clipped to what LinkedIn can serve. */
export interface RangePlan {
  window: FetchWindow | null;
  clipped: boolean;
  bounds: PlanWindowBounds;
}

export function planRange(from: Day, to: Day, settings: PlanSettings, now: Date): RangePlan {
  const bounds = planBounds(now, { ...settings, backfillDays: 365 });
  const clippedFrom = maxDay(from, bounds.oldest);
  const clippedTo = to < bounds.newest ? to : bounds.newest;
  const clipped = clippedFrom !== from || clippedTo !== to;
  if (clippedFrom > clippedTo) return { window: null, clipped, bounds };
  return { window: { from: clippedFrom, to: clippedTo }, clipped, bounds };
}
