/**
 * Trailing moving average of daily values where `null` is a missing day (contract §8: a missing
 * day is no data, never zero). The mean is over the days of the window that have data; a
 * missing day itself gets no value, so the line shows the gap instead of bridging it, and a
 * window with fewer than half its days present gets none either.
 */
export function movingAverage(values: readonly (number | null)[], window: number): (number | null)[] {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
  const minimum = Math.ceil(window / 2);
  const out: (number | null)[] = [];
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i += 1) {
    const entering = values[i];
    if (entering !== null) {
      sum += entering;
      count += 1;
    }
    const leaving = i >= window ? values[i - window] : null;
    if (leaving !== null) {
      sum -= leaving;
      count -= 1;
    }
    const full = i >= window - 1;
    out.push(entering === null || !full || count < minimum ? null : sum / count);
  }
  return out;
}
