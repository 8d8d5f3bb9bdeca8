import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/shared/insights';
import { dailyPoints, followerLines, type DailyPoint } from '../../src/shared/dashboard/daily-points';
import { movingAverage } from '../../src/shared/dashboard/moving-average';
import { reportRequest, scopeAccounts } from '../../src/shared/dashboard/period';

describe('movingAverage', () => {
  it('averages the trailing window once it is full', () => {
    expect(movingAverage([1, 2, 3, 4, 5, 6], 3)).toEqual([null, null, 2, 3, 4, 5]);
  });

  it('leaves a missing day empty and averages the days that have data around it', () => {
    // Day 4 is missing: no value there (a gap, not a bridge); day 5's window is days 3–5 → (3 + 5) / 2.
    expect(movingAverage([1, 2, 3, null, 5, 6], 3)).toEqual([null, null, 2, null, 4, 5.5]);
  });

  it('gives no value when fewer than half the window has data', () => {
    expect(movingAverage([10, null, null, null, 4], 4)).toEqual([null, null, null, null, null]);
    expect(movingAverage([10, null, 2, null, 4], 4)).toEqual([null, null, null, null, 3]);
  });

  it('matches a 7-day average computed by hand, negatives included', () => {
    const values = [5, -2, 7, 0, 3, 9, 12, 4];
    const out = movingAverage(values, 7);
    expect(out[6]).toBeCloseTo((5 - 2 + 7 + 0 + 3 + 9 + 12) / 7, 10);
    expect(out[7]).toBeCloseTo((-2 + 7 + 0 + 3 + 9 + 12 + 4) / 7, 10);
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => movingAverage([1], 0)).toThrow(RangeError);
    expect(() => movingAverage([1], 2.5)).toThrow(RangeError);
  });
});

const point = (day: string, followers: number | null, reconstructed: boolean, hasData = true): DailyPoint => ({ day, organic: 0, paid: 0, total: 0, followers, reconstructed, hasData });

describe('followerLines', () => {
  it('draws snapshots solid, reconstructed days dashed, joined where one style meets the other', () => {
    const lines = followerLines([point('2026-11-01', 100, true), point('2026-11-02', 105, true), point('2026-11-03', 110, false), point('2026-11-04', 111, false)]);
    expect(lines.snapshot).toEqual([null, null, 110, 111]);
    expect(lines.reconstructed).toEqual([100, 105, 110, null]);
  });

  it('breaks both lines on a missing day', () => {
    const lines = followerLines([point('2026-11-01', 100, false), point('2026-11-02', 104, true, false), point('2026-11-03', 110, false)]);
    expect(lines.snapshot).toEqual([100, null, 110]);
    expect(lines.reconstructed).toEqual([null, null, null]);
  });
});

describe('dailyPoints', () => {
  const base = { from: '2026-11-01', to: '2026-11-02', accounts: [], headline: {} as ReportDocument['headline'], reconciliation: { gainsSum: 0, totalsChange: 0, difference: 0, explanation: '' } };
  it('reads a day-granularity series as days, a bucket without data as a missing day', () => {
    const report: ReportDocument = {
      ...base,
      granularity: 'day',
      series: [
        { bucket: '2026-11-01', organic: 3, paid: 1, total: 4, followers: 10, reconstructed: false, daysWithData: 1 },
        { bucket: '2026-11-02', organic: 0, paid: 0, total: 0, followers: null, reconstructed: false, daysWithData: 0 },
      ],
    };
    expect(dailyPoints(report)?.map((p) => [p.day, p.total, p.hasData])).toEqual([
      ['2026-11-01', 4, true],
      ['2026-11-02', 0, false],
    ]);
  });

  it('has no daily points for a weekly report without its daily list', () => {
    expect(dailyPoints({ ...base, granularity: 'week', series: [] })).toBeNull();
  });
});

describe('reportRequest', () => {
  const accounts = [
    { network: 'linkedin', id: '1' },
    { network: 'linkedin', id: '2' },
  ];
  it('asks for a named period over every account, or the chosen ones', () => {
    expect(reportRequest({ scope: 'all', period: '90d', customFrom: '', customTo: '', granularity: 'week' }, accounts)).toEqual({ period: '90d', granularity: 'week' });
    expect(reportRequest({ scope: 'linkedin:2', period: 'mtd', customFrom: '', customTo: '', granularity: 'day' }, accounts)).toEqual({ accounts: ['linkedin:2'], period: 'mtd', granularity: 'day' });
    expect(scopeAccounts('network:linkedin', accounts)).toEqual(['linkedin:1', 'linkedin:2']);
  });

  it('asks for a custom range only when it is complete and in order', () => {
    const custom = { scope: 'all', period: 'custom' as const, granularity: 'month' as const };
    expect(reportRequest({ ...custom, customFrom: '2026-01-01', customTo: '2026-03-31' }, accounts)).toEqual({ from: '2026-01-01', to: '2026-03-31', granularity: 'month' });
    expect(reportRequest({ ...custom, customFrom: '2026-03-31', customTo: '2026-01-01' }, accounts)).toBeNull();
    expect(reportRequest({ ...custom, customFrom: '', customTo: '2026-01-01' }, accounts)).toBeNull();
  });
});
