import type { CompanyEvent, EventImpact } from '../../../shared/insights';
import { dayNumber } from './daily-facts';
import { mean, t975, variance } from './student-t';

export const IMPACT_WINDOW_DAYS = 7;
export const IMPACT_BASELINE_DAYS = 28;
export const MIN_WINDOW_DAYS_WITH_DATA = 5;
export const MIN_BASELINE_DAYS_WITH_DATA = 14;

/** Daily total gains of the event's selection, only on days where it has data (day number → gain). */
export type DailyGains = ReadonlyMap<number, number>;

/** The days an event's window covers: 7 days from its first day, or to its last day if longer. */
export function eventWindow(event: Pick<CompanyEvent, 'day' | 'endDay'>): { from: number; to: number } {
  const from = dayNumber(event.day);
  const to = Math.max(from + IMPACT_WINDOW_DAYS - 1, event.endDay ? dayNumber(event.endDay) : from);
  return { from, to };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Contract §8: mean daily gain over the 7 days from the event's day against the 28 days before,
 * leaving out days inside other events' windows; lift with a 95 % Welch interval; the verdict
 * follows the interval. `others` are the other events that may overlap the baseline.
 */
export function eventImpact(event: Pick<CompanyEvent, 'day' | 'endDay'>, gains: DailyGains, others: readonly Pick<CompanyEvent, 'day' | 'endDay'>[]): EventImpact {
  const start = dayNumber(event.day);
  const blocked = others.map(eventWindow);
  const after: number[] = [];
  for (let n = start; n < start + IMPACT_WINDOW_DAYS; n++) {
    const gain = gains.get(n);
    if (gain !== undefined) after.push(gain);
  }
  const before: number[] = [];
  for (let n = start - IMPACT_BASELINE_DAYS; n < start; n++) {
    const gain = gains.get(n);
    if (gain !== undefined && !blocked.some((w) => n >= w.from && n <= w.to)) before.push(gain);
  }
  const impact: EventImpact = {
    windowDays: IMPACT_WINDOW_DAYS,
    baselineDays: IMPACT_BASELINE_DAYS,
    meanAfter: after.length > 0 ? round(mean(after)) : null,
    meanBefore: before.length > 0 ? round(mean(before)) : null,
    lift: null,
    low: null,
    high: null,
    verdict: 'too-little-data',
  };
  if (after.length < MIN_WINDOW_DAYS_WITH_DATA || before.length < MIN_BASELINE_DAYS_WITH_DATA) {
    if (after.length > 0 && before.length > 0) impact.lift = round(mean(after) - mean(before));
    return impact;
  }
  const lift = mean(after) - mean(before);
  const va = variance(after) / after.length;
  const vb = variance(before) / before.length;
  const se = Math.sqrt(va + vb);
  // Welch–Satterthwaite; with no spread at all the interval is the point itself.
  const df = se === 0 ? Infinity : (va + vb) ** 2 / (va ** 2 / (after.length - 1) + vb ** 2 / (before.length - 1));
  const half = t975(df) * se;
  const low = lift - half;
  const high = lift + half;
  impact.lift = round(lift);
  impact.low = round(low);
  impact.high = round(high);
  impact.verdict = low > 0 ? 'raised' : high < 0 ? 'lowered' : 'no-effect';
  return impact;
}
