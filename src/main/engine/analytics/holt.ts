/**
 * Holt's linear method with a damped trend (Gardner & McKenzie), on a daily series that may have
 * gaps (null). A gap gets no update: level and trend carry on as forecast, the usual state-space
 * treatment of a missing observation.
 */
export interface HoltParams {
  alpha: number;
  beta: number;
  phi: number;
}

export interface HoltRun {
  /** One-step-ahead forecast for each index (NaN at index 0, which starts the level). */
  oneStep: number[];
  level: number;
  trend: number;
  /** Sum of squared one-step errors and how many there were. */
  sse: number;
  errors: number;
}

/** Runs the filter. The level starts at the first value and the trend at 0 (gains rarely trend fast). */
export function runHolt(series: readonly (number | null)[], { alpha, beta, phi }: HoltParams): HoltRun {
  const first = series.findIndex((v) => v !== null);
  const oneStep = new Array<number>(series.length).fill(Number.NaN);
  if (first < 0) return { oneStep, level: 0, trend: 0, sse: 0, errors: 0 };
  let level = series[first]!;
  let trend = 0;
  let sse = 0;
  let errors = 0;
  for (let t = first + 1; t < series.length; t++) {
    const forecast = level + phi * trend;
    oneStep[t] = forecast;
    const y = series[t];
    if (y === null) {
      level = forecast;
      trend = phi * trend;
      continue;
    }
    const nextLevel = alpha * y + (1 - alpha) * forecast;
    trend = beta * (nextLevel - level) + (1 - beta) * phi * trend;
    level = nextLevel;
    sse += (y - forecast) ** 2;
    errors++;
  }
  return { oneStep, level, trend, sse, errors };
}

const ALPHAS = Array.from({ length: 19 }, (_, i) => Math.round((i + 1) * 5) / 100);
const BETAS = [0.01, 0.05, 0.1, 0.2, 0.3];
const PHIS = [0.8, 0.85, 0.9, 0.95, 0.98];

/** Parameters with the least one-step squared error over a grid (α 0.05…0.95, β, φ 0.8…0.98). */
export function fitHolt(series: readonly (number | null)[]): HoltParams {
  let best: HoltParams = { alpha: 0.3, beta: 0.1, phi: 0.9 };
  let bestSse = Infinity;
  for (const alpha of ALPHAS) {
    for (const beta of BETAS) {
      for (const phi of PHIS) {
        const { sse } = runHolt(series, { alpha, beta, phi });
        if (sse < bestSse) {
          bestSse = sse;
          best = { alpha, beta, phi };
        }
      }
    }
  }
  return best;
}

/** Forecast h steps ahead: level + (φ + … + φ^h)·trend. */
export function holtForecast(run: Pick<HoltRun, 'level' | 'trend'>, phi: number, h: number): number {
  let damp = 0;
  for (let k = 1; k <= h; k++) damp += phi ** k;
  return run.level + damp * run.trend;
}

/**
 * Variance of the error of the SUM of the next `h` values, in units of the one-step variance,
 * for the equivalent state-space model ETS(A,Ad,N): the error of the value j steps ahead is
 * ε_j + Σ c_k ε_(j−k) with c_k = α(1 + βφ(1 − φ^k)/(1 − φ)), so the sum weights ε_i by
 * 1 + c_1 + … + c_(h−i).
 */
export function cumulativeVarianceFactor({ alpha, beta, phi }: HoltParams, h: number): number {
  const c = (k: number): number => alpha * (1 + (beta * phi * (1 - phi ** k)) / (1 - phi));
  let factor = 0;
  let weight = 1;
  for (let m = 0; m < h; m++) {
    if (m > 0) weight += c(m);
    factor += weight ** 2;
  }
  return factor;
}
