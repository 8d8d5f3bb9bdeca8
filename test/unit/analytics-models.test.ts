import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/main/engine/analytics/daily-facts';
import { eventImpact } from '../../src/main/engine/analytics/event-impact';
import { accuracy, buildForecast } from '../../src/main/engine/analytics/forecast';
import { goalStatus, goalView } from '../../src/main/engine/analytics/goals';
import { cumulativeVarianceFactor, holtForecast, runHolt } from '../../src/main/engine/analytics/holt';
import { t975 } from '../../src/main/engine/analytics/student-t';

const D = dayNumber('2026-06-01');

/** Baseline: 14 days of 2 then 14 days of 4 (mean 3); window from D as given. */
function gainsWith(after: number[], overrides: Record<number, number> = {}): Map<number, number> {
  const map = new Map<number, number>();
  for (let k = 1; k <= 28; k++) map.set(D - k, k <= 14 ? 4 : 2);
  after.forEach((v, i) => map.set(D + i, v));
  for (const [k, v] of Object.entries(overrides)) map.set(Number(k), v);
  return map;
}
const event = { day: '2026-06-01', endDay: null };

describe('event impact', () => {
  it('a clear rise: Welch interval with t(0.975, 9)', () => {
    // after mean 11 (var 1), before mean 3 (var 28/27); se = 0.42414, Welch df 9.37 → t 2.262
    expect(eventImpact(event, gainsWith([10, 12, 10, 12, 10, 12, 11]), [])).toEqual({
      windowDays: 7, baselineDays: 28, meanAfter: 11, meanBefore: 3, lift: 8, low: 7.04, high: 8.96, verdict: 'raised',
    });
  });

  it('no effect when the interval holds 0; lowered when it is below', () => {
    // after mean 3, var 12: se 1.1501, df 6.35 → t 2.447, half 2.81
    expect(eventImpact(event, gainsWith([0, 6, 0, 6, 0, 6, 3]), [])).toMatchObject({ lift: 0, low: -2.81, high: 2.81, verdict: 'no-effect' });
    expect(eventImpact(event, gainsWith([-10, -12, -10, -12, -10, -12, -11]), []).verdict).toBe('lowered');
  });

  it("leaves other events' windows out of the baseline", () => {
    // another event on D−10 covers D−10 … D−4 where gains were 100: left out, 21 baseline days remain
    const spikes = Object.fromEntries([10, 9, 8, 7, 6, 5, 4].map((k) => [D - k, 100]));
    const other = { day: '2026-05-22', endDay: null };
    const impact = eventImpact(event, gainsWith([10, 12, 10, 12, 10, 12, 11], spikes), [other]);
    // before: 14 × 2 + 7 × 4 over 21 days = 2.6667; lift 8.3333; Welch df 10.02 → t 2.228
    expect(impact).toMatchObject({ meanBefore: 2.67, lift: 8.33, low: 7.37, high: 9.3, verdict: 'raised' });
    // without the rule the spikes would swamp the baseline
    // (14 × 2 + 7 × 4 + 7 × 100) / 28 = 27
    expect(eventImpact(event, gainsWith([10, 12, 10, 12, 10, 12, 11], spikes), [])).toMatchObject({ meanBefore: 27, lift: -16 });
  });

  it('too little data: fewer than 5 window days or 14 baseline days with data', () => {
    expect(eventImpact(event, gainsWith([10, 12, 10, 12]), []).verdict).toBe('too-little-data');
    // a long campaign D−20 … D−5 covers 16 baseline days: 12 remain
    const long = { day: '2026-05-12', endDay: '2026-05-27' };
    const impact = eventImpact(event, gainsWith([10, 12, 10, 12, 10, 12, 11]), [long]);
    expect(impact).toMatchObject({ verdict: 'too-little-data', low: null, high: null, meanBefore: 2.67 });
  });

  it('t critical values', () => {
    expect(t975(9.37)).toBe(2.262);
    expect(t975(1)).toBe(12.706);
    expect(t975(1e9)).toBe(1.96);
  });
});

describe('goals', () => {
  const asOf = dayNumber('2026-11-30');
  const pace10 = new Map(Array.from({ length: 28 }, (_, i) => [asOf - i, 10] as [number, number]));
  const goal = (target: number, by = '2026-12-30') => ({ id: 'g', name: 'g', network: null, accountId: null, target, by });

  it('status moves met → on-track → at-risk → behind as the target rises', () => {
    // 30 days left, pace 10/day, current 1000
    expect(goalView(goal(1000), { asOf, current: 1000, gains: pace10 })).toMatchObject({ status: 'met', remaining: 0, projectedDate: '2026-11-30' });
    expect(goalView(goal(1300), { asOf, current: 1000, gains: pace10 })).toMatchObject({ status: 'on-track', neededPerDay: 10, pacePerDay: 10, daysLeft: 30, projectedDate: '2026-12-30' });
    // needs 12/day; 10 ≥ 0.75 × 12 = 9
    expect(goalView(goal(1360), { asOf, current: 1000, gains: pace10 })).toMatchObject({ status: 'at-risk', neededPerDay: 12, remaining: 360, projectedDate: '2027-01-05' });
    // needs 14/day; 10 < 10.5
    expect(goalView(goal(1420), { asOf, current: 1000, gains: pace10 })).toMatchObject({ status: 'behind', neededPerDay: 14 });
  });

  it('the pace is the mean over days with data only; a passed date is behind; no pace gives no projection', () => {
    const sparse = new Map([[asOf, 30], [asOf - 1, 10], [asOf - 40, 500]]);
    expect(goalView(goal(1300), { asOf, current: 1000, gains: sparse })).toMatchObject({ pacePerDay: 20, status: 'on-track', projectedDate: '2026-12-15' });
    expect(goalView(goal(1300, '2026-11-01'), { asOf, current: 1000, gains: pace10 })).toMatchObject({ status: 'behind', daysLeft: -29, neededPerDay: null });
    expect(goalView(goal(1300), { asOf, current: 1000, gains: new Map([[asOf, -3]]) })).toMatchObject({ projectedDate: null, status: 'behind' });
    expect(goalStatus(null, 10, 1, 1)).toBe('behind');
  });
});

describe('Holt damped trend', () => {
  it('matches the worked example (α 0.5, β 0.5, φ 0.9)', () => {
    const run = runHolt([10, 12, 11, 13], { alpha: 0.5, beta: 0.5, phi: 0.9 });
    // l1 = 11, b1 = 0.5; f2 = 11.45, l2 = 11.225, b2 = 0.3375; f3 = 11.52875, l3 = 12.264375, b3 = 0.6715625
    [10, 11.45, 11.52875].forEach((f, i) => expect(run.oneStep[i + 1]).toBeCloseTo(f, 10));
    expect(run.level).toBeCloseTo(12.264375, 10);
    expect(run.trend).toBeCloseTo(0.6715625, 10);
    expect(run.sse).toBeCloseTo(4 + 0.2025 + 2.1645765625, 10);
    expect(holtForecast(run, 0.9, 2)).toBeCloseTo(12.264375 + 1.71 * 0.6715625, 10);
    // c1 = 0.5 × (1 + 0.5 × 0.9 × 0.1 / 0.1) = 0.725 → 1 + 1.725²
    expect(cumulativeVarianceFactor({ alpha: 0.5, beta: 0.5, phi: 0.9 }, 2)).toBeCloseTo(3.975625, 10);
  });

  it('a missing day carries the forecast on without an update', () => {
    const run = runHolt([10, null, 12], { alpha: 0.5, beta: 0.5, phi: 0.9 });
    expect(run.oneStep.slice(1)).toEqual([10, 10]);
    expect(run.errors).toBe(1);
    expect(run.level).toBe(11);
  });

  it('MASE against naive and the weekday baseline', () => {
    const series = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const oneStep = series.map((y) => y - 0.5);
    // t = 7…9: Holt errs 0.5, naive 1, a week earlier 7
    expect(accuracy(series, oneStep)).toEqual({ mase: 0.5, baselineMase: 7 });
    // a missing day drops itself and the next day (whose naive forecast it was)
    expect(accuracy([...series.slice(0, 8), null, 9], oneStep)).toEqual({ mase: 0.5, baselineMase: 7 });
    expect(accuracy([1, 1, 1, 1, 1, 1, 1, 1, 1], new Array(9).fill(1))).toEqual({ mase: null, baselineMase: null });
  });

  it('bands widen with the horizon and stay ordered', () => {
    const series = Array.from({ length: 120 }, (_, i) => 10 + (i % 7) * 2 + (i % 3));
    const doc = buildForecast({ series, asOf: dayNumber('2026-11-30'), followers: 5000, horizon: 30 });
    expect(doc.points).toHaveLength(30);
    expect(doc.points[0].day).toBe('2026-12-01');
    for (const p of doc.points) expect(p.low95 <= p.low80 && p.low80 <= p.followers && p.followers <= p.high80 && p.high80 <= p.high95).toBe(true);
    const width = (i: number) => doc.points[i].high95 - doc.points[i].low95;
    expect(width(29)).toBeGreaterThan(width(6));
    expect(width(6)).toBeGreaterThan(width(0));
    expect(doc.beatsNaive).toBe(doc.mase! < 1);
  });
});
