import type { ForecastDocument, ForecastPoint } from '../../../shared/insights';
import { dayOfNumber } from './daily-facts';
import { cumulativeVarianceFactor, fitHolt, holtForecast, runHolt, type HoltParams } from './holt';

export const MASE_DAYS = 28;
const Z80 = 1.2816;
const Z95 = 1.96;

export interface ForecastInput {
  /** Daily total gains of the selection from its first to its newest day with data (null = missing). */
  series: readonly (number | null)[];
  /** Day number of the series' last slot (the newest day with data). */
  asOf: number;
  /** Followers at the end of `asOf`; null when the selection has no count. */
  followers: number | null;
  horizon: number;
}

export interface Accuracy {
  mase: number | null;
  baselineMase: number | null;
}

function round(n: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(n * f) / f;
}

/**
 * MASE over the last 28 days (contract §8): Holt's mean absolute one-step error divided by the
 * naive forecast's (yesterday's gain), and the same for the weekday seasonal naive (the gain a
 * week earlier) as `baselineMase`. Only days where all three forecasts exist count. `oneStep`
 * are Holt's one-step forecasts for every slot.
 */
export function accuracy(series: readonly (number | null)[], oneStep: readonly number[]): Accuracy {
  let holt = 0;
  let naive = 0;
  let seasonal = 0;
  let count = 0;
  for (let t = Math.max(7, series.length - MASE_DAYS); t < series.length; t++) {
    const y = series[t];
    const yesterday = series[t - 1];
    const lastWeek = series[t - 7];
    if (y === null || yesterday === null || lastWeek === null || Number.isNaN(oneStep[t])) continue;
    holt += Math.abs(y - oneStep[t]);
    naive += Math.abs(y - yesterday);
    seasonal += Math.abs(y - lastWeek);
    count++;
  }
  if (count === 0 || naive === 0) return { mase: null, baselineMase: null };
  return { mase: round(holt / naive), baselineMase: round(seasonal / naive) };
}

/**
 * Out-of-sample where the history allows: parameters fitted without the last 28 days, then the
 * filter run over everything so those days are true one-step forecasts.
 */
export function holdoutAccuracy(series: readonly (number | null)[]): Accuracy {
  const params: HoltParams = series.length >= 2 * MASE_DAYS ? fitHolt(series.slice(0, series.length - MASE_DAYS)) : fitHolt(series);
  return accuracy(series, runHolt(series, params).oneStep);
}

/** Holt's damped trend on daily gains, integrated into followers from the latest count. */
export function buildForecast(input: ForecastInput): ForecastDocument {
  const { mase, baselineMase } = holdoutAccuracy(input.series);
  const params = fitHolt(input.series);
  const run = runHolt(input.series, params);
  const sigma = run.errors > 0 ? Math.sqrt(run.sse / run.errors) : 0;
  const points: ForecastPoint[] = [];
  if (input.followers !== null) {
    let followers = input.followers;
    for (let h = 1; h <= input.horizon; h++) {
      followers += holtForecast(run, params.phi, h);
      const spread = sigma * Math.sqrt(cumulativeVarianceFactor(params, h));
      points.push({
        day: dayOfNumber(input.asOf + h),
        followers: Math.round(followers),
        low80: Math.round(followers - Z80 * spread),
        high80: Math.round(followers + Z80 * spread),
        low95: Math.round(followers - Z95 * spread),
        high95: Math.round(followers + Z95 * spread),
      });
    }
  }
  return {
    method: 'holt-damped',
    asOf: dayOfNumber(input.asOf),
    horizon: input.horizon,
    points,
    mase,
    beatsNaive: mase === null ? null : mase < 1,
    baselineMase,
  };
}
