import { describe, expect, it } from 'vitest';
import { accountCoverage, daysOfRanges, RECENT_GAIN_DAYS } from '../../src/main/engine/app/use-cases/coverage';
import { dayRange } from '../../src/main/engine/dates';
import type { GainRow, TotalRow } from '../../src/main/engine/lake/lake-rows';
import { missingDays } from '../../src/main/engine/sync/sync-planner';
import { daysOfRanges as rendererDaysOfRanges, gainRows, windowDayStates } from '../../src/shared/coverage-days';

const BOUNDS = { oldest: '2026-01-01', newest: '2026-06-30' };
const AT = '2026-07-01T07:00:00.000Z';

function gain(day: string, organic: number, paid: number | null = 1, source: 'api' | 'import' = 'api'): GainRow {
  return { day, network: 'linkedin', accountId: '1', organicGain: organic, paidGain: paid, totalGain: organic + (paid ?? 0), source, fetchedAt: AT };
}

function total(day: string, followers: number, source: 'api' | 'import' = 'api'): TotalRow {
  return { day, network: 'linkedin', accountId: '1', followers, source, fetchedAt: AT };
}

const coverage = (gains: GainRow[], totals: TotalRow[] = []) => accountCoverage('linkedin', '1', gains, totals, BOUNDS);

describe('coverage as counts and ranges', () => {
  it('turns gaps into merged ranges that spell out exactly the planner’s missing days', () => {
    const days = dayRange('2025-12-20', '2026-06-10').filter((d) => !['2026-02-01', '2026-02-02', '2026-02-03', '2026-03-15'].includes(d));
    const c = coverage(days.map((d) => gain(d, 2)));
    expect(c.missingRanges).toEqual([
      { from: '2026-02-01', to: '2026-02-03' },
      { from: '2026-03-15', to: '2026-03-15' },
      // After the newest day with data up to the window's end: missing too.
      { from: '2026-06-11', to: '2026-06-30' },
    ]);
    expect(daysOfRanges(c.missingRanges)).toEqual(missingDays(new Set(days), days[0], BOUNDS));
    expect(c.missingCount).toBe(3 + 1 + 20);
    // Days before the window count as covered but not as present in it.
    expect(c).toMatchObject({ firstDay: '2025-12-20', lastDay: '2026-06-10', daysCovered: days.length, presentCount: days.filter((d) => d >= BOUNDS.oldest).length });
  });

  it('leaves the days before a young page’s first day out of the gaps', () => {
    const c = coverage(dayRange('2026-05-01', '2026-06-30').map((d) => gain(d, 1)));
    expect(c.missingRanges).toEqual([]);
    expect(c.presentCount).toBe(61);
    expect(windowDayStates({ ...c }).filter((d) => d.state === 'none')).toHaveLength(120);
  });

  it('has every day of the window missing for a page with no data, and no total', () => {
    const c = coverage([]);
    expect(c).toMatchObject({ firstDay: null, lastDay: null, daysCovered: 0, presentCount: 0, totalFollowers: null, missingRanges: [{ from: '2026-01-01', to: '2026-06-30' }] });
    expect(c.missingCount).toBe(181);
    expect(c.recentGains.total.every((g) => g === null)).toBe(true);
  });

  it('lets api rows win over import rows, for gains and for the newest total', () => {
    const c = coverage([gain('2026-06-30', 5, 1, 'import'), gain('2026-06-30', 9, 2, 'api')], [total('2026-06-30', 700, 'import'), total('2026-06-30', 710, 'api'), total('2026-06-01', 600)]);
    expect(c.totalFollowers).toBe(710);
    expect(c.recentGains.organic.at(-1)).toBe(9);
    expect(c.recentGains.total.at(-1)).toBe(11);
  });

  it('sends the last 90 days as one slot per day, null where there is nothing; paid null where the network has no split', () => {
    const c = coverage([gain('2026-06-28', 4, null), gain('2026-06-30', 3, 2)]);
    expect(c.recentGains.from).toBe('2026-04-02');
    expect(c.recentGains.total).toHaveLength(RECENT_GAIN_DAYS);
    expect(gainRows(c.recentGains)).toEqual([
      { day: '2026-06-28', organic: 4, paid: null, total: 4 },
      { day: '2026-06-30', organic: 3, paid: 2, total: 5 },
    ]);
  });

  it('draws the strip from the ranges: missing, present from the first day on, none before it', () => {
    const states = windowDayStates({ windowStart: '2026-06-01', windowEnd: '2026-06-06', firstDay: '2026-06-02', missingRanges: [{ from: '2026-06-04', to: '2026-06-05' }] });
    expect(states.map((s) => s.state)).toEqual(['none', 'present', 'present', 'missing', 'missing', 'present']);
    expect(rendererDaysOfRanges([{ from: '2026-02-27', to: '2026-03-02' }])).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });
});
