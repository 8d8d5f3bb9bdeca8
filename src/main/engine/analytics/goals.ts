import type { Goal, GoalStatus, GoalView } from '../../../shared/insights';
import { dayNumber, dayOfNumber } from './daily-facts';

export const PACE_DAYS = 28;
export const AT_RISK_SHARE = 0.75;

/** What a goal is measured against, taken from its selection's facts. */
export interface GoalProgressInput {
  /** Newest day with data for the goal's selection; null without data. */
  asOf: number | null;
  /** Followers at the end of `asOf` (count or reconstructed); null without a count. */
  current: number | null;
  /** Daily total gains on the days with data (day number → gain). */
  gains: ReadonlyMap<number, number>;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Contract §8's status rules; without data or a count the goal cannot be shown on track. */
export function goalStatus(current: number | null, target: number, pace: number | null, needed: number | null): GoalStatus {
  if (current === null) return 'behind';
  if (current >= target) return 'met';
  if (pace === null || needed === null) return 'behind';
  if (pace >= needed) return 'on-track';
  if (pace >= AT_RISK_SHARE * needed) return 'at-risk';
  return 'behind';
}

/** Mean daily total gain over the 28 days ending on `asOf`, days with data only; null when none. */
export function pacePerDay(gains: ReadonlyMap<number, number>, asOf: number): number | null {
  let sum = 0;
  let count = 0;
  for (let n = asOf - PACE_DAYS + 1; n <= asOf; n++) {
    const gain = gains.get(n);
    if (gain === undefined) continue;
    sum += gain;
    count++;
  }
  return count === 0 ? null : sum / count;
}

export function goalView(goal: Goal, input: GoalProgressInput): GoalView {
  const { asOf, current } = input;
  if (asOf === null || current === null) {
    return { ...goal, asOf: asOf === null ? null : dayOfNumber(asOf), current, remaining: null, daysLeft: null, neededPerDay: null, pacePerDay: null, projectedDate: null, status: 'behind' };
  }
  const remaining = Math.max(0, goal.target - current);
  const daysLeft = dayNumber(goal.by) - asOf;
  // With the date reached (or passed) a remaining gap can no longer be spread over days.
  const needed = remaining === 0 ? 0 : daysLeft > 0 ? remaining / daysLeft : null;
  const pace = pacePerDay(input.gains, asOf);
  const projected = remaining === 0 ? asOf : pace !== null && pace > 0 ? asOf + Math.ceil(remaining / pace) : null;
  return {
    ...goal,
    asOf: dayOfNumber(asOf),
    current,
    remaining,
    daysLeft,
    neededPerDay: needed === null ? null : round(needed),
    pacePerDay: pace === null ? null : round(pace),
    projectedDate: projected === null ? null : dayOfNumber(projected),
    status: goalStatus(current, goal.target, pace, needed),
  };
}
