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

/** The trailing window of the average drawn at week and month granularity. */
export const BUCKET_AVERAGE_WINDOW = { week: 4, month: 3 } as const;

export type BucketGranularity = keyof typeof BUCKET_AVERAGE_WINDOW;

/** How many days a bucket spans: 7 for an ISO week, the month's length for a month. */
export function bucketDays(bucket: string, granularity: BucketGranularity): number {
  if (granularity === 'week') return 7;
  const [year, month] = bucket.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The 4-week (week) or 3-month (month) trailing average of net gains per bucket, from complete
 * buckets only: a bucket with a missing day, or cut by the period's start or end, would read as
 * a drop that never happened, so it counts as missing. The rule is then movingAverage's: no
 * value on an incomplete bucket, and none where fewer than half of the window's buckets are
 * complete.
 */
export function bucketMovingAverage(series: readonly { bucket: string; total: number; daysWithData: number }[], granularity: BucketGranularity): (number | null)[] {
  const values = series.map((p) => (p.daysWithData === bucketDays(p.bucket, granularity) ? p.total : null));
  return movingAverage(values, BUCKET_AVERAGE_WINDOW[granularity]);
}
