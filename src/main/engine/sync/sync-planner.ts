import { addDays, dayRange, maxDay, type Day, twelveMonthsBefore, utcDay } from '../dates';

/**
 * Which days each account needs and which LinkedIn requests fetch them (contract §5). Pure:
 * a function of what the lake already holds, the settings and "now".
 */
export interface PlanSettings {
  lagDays: number;
  lookbackDays: number;
  backfillDays: number;
}

export interface FetchWindow {
  /** Inclusive UTC days; the request itself uses midnight bounds [from, to + 1). */
  from: Day;
  to: Day;
}

export interface AccountPlan {
  /** The days this run wants: the lookback plus every missing day, ascending. */
  daysRequested: Day[];
  windows: FetchWindow[];
}

export interface PlanWindowBounds {
  /** The oldest day LinkedIn still serves and the settings allow. */
  oldest: Day;
  /** The newest settled day: today − lagDays. */
  newest: Day;
}

/**
 * LinkedIn serves a rolling 12 months; one time-bound request may span all of it, which is
 * what lets a whole year be one request.
 */
export function planBounds(now: Date, settings: PlanSettings): PlanWindowBounds {
  const today = utcDay(now);
  const newest = addDays(today, -settings.lagDays);
  const linkedInOldest = twelveMonthsBefore(today);
  const oldest = maxDay(addDays(today, -settings.backfillDays), linkedInOldest);
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
  if (bounds.oldest > bounds.newest) return { daysRequested: [], windows: [] };
  const lookbackStart = maxDay(addDays(bounds.newest, -settings.lookbackDays + 1), bounds.oldest);
  const wanted = new Set<Day>(dayRange(lookbackStart, bounds.newest));
  for (const day of missingDays(coverage.days, coverage.firstDay, bounds)) wanted.add(day);
  const daysRequested = [...wanted].sort();
  return { daysRequested, windows: mergeIntoWindows(daysRequested) };
}

/**
 * All wanted days lie inside LinkedIn's 12-month window, so one request from the oldest
 * wanted day to the newest fetches them all: a request costs the same whatever its span,
 * and sparse gaps are cheaper fetched together than one call each.
 */
export function mergeIntoWindows(days: readonly Day[]): FetchWindow[] {
  if (days.length === 0) return [];
  const sorted = [...days].sort();
  return [{ from: sorted[0], to: sorted[sorted.length - 1] }];
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
