import { describe, expect, it } from 'vitest';
import { bucketStart, isoWeekStart, previousRange, yearAgoRange } from '../../src/main/engine/analytics/calendar';
import { accountFacts, apiOverImport, dayNumber } from '../../src/main/engine/analytics/daily-facts';
import { followersAt } from '../../src/main/engine/analytics/followers';
import { resolvePeriod } from '../../src/main/engine/analytics/period';
import { buildReport } from '../../src/main/engine/analytics/report';
import { newestDataDay } from '../../src/main/engine/analytics/selection';
import { dayRange } from '../../src/main/engine/dates';
import { factsOf } from '../support/analytics-facts';

// Page A, 2026-12-26 … 2027-01-05: organic = the day of the month, paid = 1 on even days.
// Totals per day: 26→27, 27→27, 28→29, 29→29, 30→31, 31→31, 01→1, 02→3, 03→3, 04→5, 05→5.
function pageA(skip: string[] = []) {
  const gains: Record<string, [number, number]> = {};
  for (const day of dayRange('2026-12-26', '2027-01-05')) {
    if (skip.includes(day)) continue;
    const dom = Number(day.slice(8));
    gains[day] = [dom, dom % 2 === 0 ? 1 : 0];
  }
  return factsOf('A', gains, { '2026-12-30': 1000, '2027-01-03': 1040 });
}
const account = (id: string) => ({ network: 'linkedin' as const, accountId: id, name: id });

describe('calendar', () => {
  it('ISO weeks start on Monday, across the year end', () => {
    expect(isoWeekStart('2026-12-28')).toBe('2026-12-28');
    expect(isoWeekStart('2027-01-03')).toBe('2026-12-28'); // Sunday of ISO week 53 of 2026
    expect(isoWeekStart('2027-01-04')).toBe('2027-01-04');
    expect(bucketStart('2027-01-03', 'month')).toBe('2027-01-01');
    expect(bucketStart('2027-01-03', 'day')).toBe('2027-01-03');
  });

  it('previous period has the same length; a year ago clamps 29 February', () => {
    expect(previousRange({ from: '2026-05-01', to: '2026-05-31' })).toEqual({ from: '2026-03-31', to: '2026-04-30' });
    expect(yearAgoRange({ from: '2028-02-01', to: '2028-02-29' })).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('resolves periods ending on the newest day with data', () => {
    expect(resolvePeriod({}, '2026-11-25')).toEqual({ from: '2026-10-27', to: '2026-11-25' });
    expect(resolvePeriod({ period: '7d' }, '2026-11-25')).toEqual({ from: '2026-11-19', to: '2026-11-25' });
    expect(resolvePeriod({ period: 'mtd' }, '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(resolvePeriod({ period: 'ytd' }, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(resolvePeriod({ period: '365d' }, '2026-11-25')).toEqual({ from: '2025-11-26', to: '2026-11-25' });
    expect(resolvePeriod({ from: '2026-01-01', to: '2026-01-31' }, '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(() => resolvePeriod({ from: '2026-01-01' }, '2026-11-25')).toThrow(/go together/);
    expect(() => resolvePeriod({ from: '2026-02-01', to: '2026-01-01' }, '2026-11-25')).toThrow(/after/);
    expect(() => resolvePeriod({ from: '2026-02-30', to: '2026-03-01' }, '2026-11-25')).toThrow(/not a date/);
  });
});

describe('daily facts', () => {
  it('api wins over import for the same day, whatever the order', () => {
    const rows = [
      { day: '2026-01-01', source: 'api', v: 1 },
      { day: '2026-01-01', source: 'import', v: 2 },
      { day: '2026-01-02', source: 'import', v: 3 },
    ];
    expect([...apiOverImport(rows).values()].map((r) => r.v)).toEqual([1, 3]);
    expect([...apiOverImport([...rows].reverse()).values()].map((r) => r.v).sort()).toEqual([1, 3]);
    const facts = accountFacts('linkedin', 'A', [
      { day: '2026-01-01', source: 'import', organicGain: 1000, paidGain: null, totalGain: 1000 },
      { day: '2026-01-01', source: 'api', organicGain: 4, paidGain: 1, totalGain: 5 },
    ], []);
    expect(facts.total[0]).toBe(5);
  });
});

describe('followers', () => {
  it('uses the count of the day, else reconstructs from the nearest count (later one on a tie)', () => {
    const a = pageA();
    expect(followersAt(a, dayNumber('2026-12-30'))).toEqual({ value: 1000, reconstructed: false });
    // backwards: 1000 − total(12-30) = 969; 969 − total(12-29) = 940
    expect(followersAt(a, dayNumber('2026-12-29'))).toEqual({ value: 969, reconstructed: true });
    expect(followersAt(a, dayNumber('2026-12-28'))).toEqual({ value: 940, reconstructed: true });
    // forwards: 1000 + total(12-31) = 1031
    expect(followersAt(a, dayNumber('2026-12-31'))).toEqual({ value: 1031, reconstructed: true });
    // 01-01 is two days from both counts: the later one, 1040 − total(01-02) − total(01-03) = 1034
    expect(followersAt(a, dayNumber('2027-01-01'))).toEqual({ value: 1034, reconstructed: true });
    // past the last gain: 1040 + 5 + 5, then nothing more to add
    expect(followersAt(a, dayNumber('2027-01-10'))).toEqual({ value: 1050, reconstructed: true });
    expect(followersAt(factsOf('B', { '2026-12-30': [1, 0] }), dayNumber('2026-12-30'))).toBeNull();
  });

  it('a missing day adds nothing to a reconstruction', () => {
    const a = pageA(['2026-12-31']);
    expect(followersAt(a, dayNumber('2026-12-31'))).toEqual({ value: 1000, reconstructed: true });
  });
});

describe('report', () => {
  it('weekly buckets straddling the period and the year count only days inside', () => {
    const doc = buildReport({ accounts: [{ account: account('A'), facts: pageA() }], range: { from: '2026-12-29', to: '2027-01-03' }, granularity: 'week' });
    // organic 29+30+31+1+2+3 = 96, paid on 30 and 2 = 2
    expect(doc.series).toEqual([{ bucket: '2026-12-28', organic: 96, paid: 2, total: 98, followers: 1040, reconstructed: false, daysWithData: 6 }]);
    expect(doc.headline).toMatchObject({
      netGain: 98,
      organicGain: 96,
      paidGain: 2,
      paidShare: 0.02, // 2/98
      previous: { from: '2026-12-23', to: '2026-12-28', netGain: 83 }, // 27 + 27 + 29, only 26–28 have data
      changePct: 18.1, // (98 − 83) / 83
      yearAgo: null,
      followersStart: 940,
      followersEnd: 1040,
      bestDay: { day: '2026-12-30', gain: 31 }, // ties with 12-31: the earlier day
      worstDay: { day: '2027-01-01', gain: 1 },
      daysWithData: 6,
      missingDays: [],
    });
  });

  it('monthly buckets split at the month and year boundary', () => {
    const doc = buildReport({ accounts: [{ account: account('A'), facts: pageA() }], range: { from: '2026-12-29', to: '2027-01-03' }, granularity: 'month' });
    expect(doc.series).toEqual([
      { bucket: '2026-12-01', organic: 90, paid: 1, total: 91, followers: 1031, reconstructed: true, daysWithData: 3 },
      { bucket: '2027-01-01', organic: 6, paid: 1, total: 7, followers: 1040, reconstructed: false, daysWithData: 3 },
    ]);
    expect(doc.daily?.map((d) => d.total)).toEqual([29, 31, 31, 1, 3, 3]);
  });

  it('reconciles the summed gains with the change in counts and explains the difference', () => {
    const doc = buildReport({ accounts: [{ account: account('A'), facts: pageA() }], range: { from: '2026-12-29', to: '2027-01-03' }, granularity: 'day' });
    // counts 12-30 = 1000 and 01-03 = 1040 (+40); gains of 12-31 … 01-03 = 31 + 1 + 3 + 3 = 38
    expect(doc.reconciliation).toMatchObject({ gainsSum: 38, totalsChange: 40, difference: 2, kind: 'totals-higher', comparedFrom: '2026-12-30', comparedTo: '2027-01-03' });
    expect(doc.reconciliation.explanation).toContain('not corrected');
    const none = buildReport({ accounts: [{ account: account('A'), facts: pageA() }], range: { from: '2027-01-04', to: '2027-01-05' }, granularity: 'day' });
    expect(none.reconciliation).toMatchObject({ gainsSum: 10, totalsChange: null, difference: null, kind: 'no-counts' });
  });

  it('for several pages a day has data only when every page has a row; sums add what exists', () => {
    const b = factsOf('B', { '2026-12-29': [5, 0], '2026-12-30': [5, 0] });
    const accounts = [
      { account: account('A'), facts: pageA(['2026-12-31']) },
      { account: account('B'), facts: b },
    ];
    expect(newestDataDay(accounts.map((x) => x.facts))).toBe(dayNumber('2026-12-30'));
    const doc = buildReport({ accounts, range: { from: '2026-12-29', to: '2027-01-03' }, granularity: 'week' });
    expect(doc.headline.missingDays).toEqual(['2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(doc.headline.daysWithData).toBe(2);
    expect(doc.headline.netGain).toBe(98 - 31 + 10);
    expect(doc.headline.bestDay).toEqual({ day: '2026-12-30', gain: 36 });
    expect(doc.series[0].daysWithData).toBe(2);
    // B has no count: followers are A's alone
    expect(doc.headline.followersEnd).toBe(1040);
    expect(doc.networks).toEqual([{ network: 'linkedin', followersStart: 940, followersEnd: 1040, netGain: 77, growthPct: 8.2, share: 1, netGainFrom: 'gains', startDay: '2026-12-28' }]);
  });
});
