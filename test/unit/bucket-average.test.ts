import { describe, expect, it } from 'vitest';
import { bucketDays, bucketMovingAverage } from '../../src/shared/dashboard/moving-average';

const week = (bucket: string, total: number, daysWithData = 7) => ({ bucket, total, daysWithData });

describe('bucketDays', () => {
  it('is 7 for a week and the month’s length for a month, leap February included', () => {
    expect(bucketDays('2026-11-23', 'week')).toBe(7);
    expect(bucketDays('2026-02-01', 'month')).toBe(28);
    expect(bucketDays('2028-02-01', 'month')).toBe(29);
    expect(bucketDays('2026-12-01', 'month')).toBe(31);
    expect(bucketDays('2026-11-01', 'month')).toBe(30);
  });
});

describe('bucketMovingAverage', () => {
  it('averages the last 4 complete weeks', () => {
    const series = [week('2026-10-05', 40), week('2026-10-12', 80), week('2026-10-19', 60), week('2026-10-26', 20), week('2026-11-02', 100)];
    // (40+80+60+20)/4 = 50; (80+60+20+100)/4 = 65.
    expect(bucketMovingAverage(series, 'week')).toEqual([null, null, null, 50, 65]);
  });

  it('leaves out a week cut by the period or with a missing day, and gives it no value', () => {
    const series = [
      week('2026-09-28', 12, 3), // the period starts on a Friday: 3 days of this week
      week('2026-10-05', 40),
      week('2026-10-12', 70, 6), // one missing day
      week('2026-10-19', 60),
      week('2026-10-26', 20),
      week('2026-11-02', 30, 2), // the period ends on a Tuesday
    ];
    // 2026-10-19: complete weeks in its window are 40 and 60 (2 of 4, half) → 50;
    // 2026-10-26: 40, 60, 20 → 40; the cut and gapped weeks get none.
    expect(bucketMovingAverage(series, 'week')).toEqual([null, null, null, 50, 40, null]);
  });

  it('averages 3 complete months, a month’s length deciding completeness', () => {
    const series = [
      { bucket: '2026-01-01', total: 310, daysWithData: 31 },
      { bucket: '2026-02-01', total: 280, daysWithData: 28 },
      { bucket: '2026-03-01', total: 620, daysWithData: 31 },
      { bucket: '2026-04-01', total: 290, daysWithData: 29 }, // April has 30 days: incomplete
      { bucket: '2026-05-01', total: 400, daysWithData: 31 },
    ];
    // March: (310+280+620)/3; April: none (incomplete); May: window Mar–May, complete Mar and May → (620+400)/2.
    expect(bucketMovingAverage(series, 'month')).toEqual([null, null, 1210 / 3, null, 510]);
  });

  it('has no value at all when the period holds too few complete buckets', () => {
    expect(bucketMovingAverage([{ bucket: '2026-11-01', total: 5, daysWithData: 25 }], 'month')).toEqual([null]);
  });
});
