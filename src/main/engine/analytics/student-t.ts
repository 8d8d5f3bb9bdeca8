/** Two-sided 95 % critical values of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const T975_LARGE: readonly [number, number][] = [
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/**
 * t(0.975, df). Fractional degrees of freedom (Welch) are rounded down, which widens the
 * interval slightly: the cautious side for a verdict.
 */
export function t975(df: number): number {
  const d = Math.max(1, Math.floor(df));
  if (d <= 30) return T975[d - 1];
  for (const [limit, value] of T975_LARGE) if (d <= limit) return value;
  return 1.96;
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Sample variance (n − 1). */
export function variance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}
