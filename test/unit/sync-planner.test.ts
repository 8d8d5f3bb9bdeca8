import { describe, expect, it } from 'vitest';
import { addDays, dayRange } from '../../src/main/engine/dates';
import { missingDays, planAccount, planBounds, planRange, requestWindows, spanOf } from '../../src/main/engine/sync/sync-planner';

const settings = { lagDays: 3, lookbackDays: 7, backfillDays: 365 };
const at = (iso: string): Date => new Date(iso);
const none = { days: new Set<string>(), firstDay: null };

function coverageOf(days: string[]): { days: Set<string>; firstDay: string | null } {
  const sorted = [...days].sort();
  return { days: new Set(sorted), firstDay: sorted[0] ?? null };
}

describe('planBounds', () => {
  it('newest settled day is today − lagDays and the oldest 365 days back', () => {
    expect(planBounds(at('2026-11-28T07:00:00Z'), settings)).toEqual({ oldest: '2025-11-28', newest: '2026-11-25' });
  });

  it('uses the UTC date, not the local one, late in the evening in Brazil', () => {
    // 23:30 in São Paulo on the 27th is already the 28th in UTC.
    expect(planBounds(at('2026-11-27T23:30:00-03:00'), settings).newest).toBe('2026-11-25');
  });

  it('never reaches further back than LinkedIn’s rolling 12 months across a leap day', () => {
    // 365 days before 2028-03-01 is 2027-03-02; 12 months back is 2027-03-01.
    expect(planBounds(at('2028-03-01T00:00:00Z'), settings).oldest).toBe('2027-03-02');
    expect(planBounds(at('2028-02-29T12:00:00Z'), { ...settings, backfillDays: 365 }).oldest).toBe('2027-03-01');
  });
});

describe('planAccount', () => {
  it('first run backfills the whole year in one request', () => {
    const plan = planAccount(none, settings, at('2026-11-28T07:00:00Z'));
    expect(plan.daysRequested).toHaveLength(363);
    expect(plan.daysRequested[0]).toBe('2025-11-28');
    expect(plan.daysRequested.at(-1)).toBe('2026-11-25');
    expect(plan.window).toEqual({ from: '2025-11-28', to: '2026-11-25' });
  });

  it('a covered account asks for the lookback only', () => {
    const have = coverageOf(dayRange('2025-11-28', '2026-11-25'));
    const plan = planAccount(have, settings, at('2026-11-29T07:00:00Z'));
    expect(plan.daysRequested).toEqual(dayRange('2026-11-20', '2026-11-26'));
    expect(plan.window).toEqual({ from: '2026-11-20', to: '2026-11-26' });
  });

  it('adds older gaps to the lookback and still makes one request', () => {
    const days = dayRange('2025-12-01', '2026-11-25').filter((d) => d !== '2026-03-10' && d !== '2026-06-01');
    const plan = planAccount(coverageOf(days), settings, at('2026-11-29T07:00:00Z'));
    expect(plan.daysRequested).toContain('2026-03-10');
    expect(plan.daysRequested).toContain('2026-06-01');
    expect(plan.daysRequested).toHaveLength(2 + 7);
    expect(plan.window).toEqual({ from: '2026-03-10', to: '2026-11-26' });
  });

  it('catches up after the machine was off for 10 days', () => {
    const have = coverageOf(dayRange('2025-12-01', '2026-11-15'));
    const plan = planAccount(have, settings, at('2026-11-28T07:00:00Z'));
    expect(plan.daysRequested).toEqual(dayRange('2026-11-16', '2026-11-25'));
  });

  it('crosses a year boundary', () => {
    const have = coverageOf(dayRange('2026-01-05', '2026-12-27'));
    const plan = planAccount(have, settings, at('2027-01-03T00:00:01Z'));
    expect(plan.daysRequested).toEqual(dayRange('2026-12-25', '2026-12-31'));
    expect(plan.window).toEqual({ from: '2026-12-25', to: '2026-12-31' });
  });

  it('plans nothing when lookback and backfill are empty', () => {
    const plan = planAccount(none, { lagDays: 3, lookbackDays: 1, backfillDays: 1 }, at('2026-11-28T07:00:00Z'));
    expect(plan.daysRequested).toEqual([]);
    expect(plan.window).toBeNull();
  });
});

describe('missingDays', () => {
  const bounds = { oldest: '2026-01-01', newest: '2026-01-10' };

  it('does not count the days before a page’s first day as gaps', () => {
    expect(missingDays(new Set(['2026-01-05', '2026-01-07']), '2026-01-05', bounds)).toEqual(
      ['2026-01-06', '2026-01-08', '2026-01-09', '2026-01-10'],
    );
  });

  it('an empty page misses the whole window', () => {
    expect(missingDays(new Set(), null, bounds)).toHaveLength(10);
  });

  it('gaps older than LinkedIn serves are not asked for again', () => {
    expect(missingDays(new Set(['2025-12-01']), '2025-12-01', bounds)).toHaveLength(10);
    expect(missingDays(new Set(dayRange('2025-12-01', '2026-01-10')), '2025-12-01', bounds)).toEqual([]);
  });
});

describe('planRange', () => {
  const now = at('2026-11-28T07:00:00Z');

  it('keeps a range inside the window as it is', () => {
    expect(planRange('2026-03-01', '2026-03-31', settings, now)).toMatchObject({ window: { from: '2026-03-01', to: '2026-03-31' }, clipped: false });
  });

  it('clips what LinkedIn cannot serve and says so', () => {
    expect(planRange('2025-01-01', '2026-11-28', settings, now)).toMatchObject({ window: { from: '2025-11-28', to: '2026-11-25' }, clipped: true });
  });

  it('has no window for a range entirely outside', () => {
    expect(planRange('2024-01-01', '2024-12-31', settings, now).window).toBeNull();
    expect(planRange('2026-11-27', '2026-11-30', settings, now).window).toBeNull();
  });
});

describe('spanOf', () => {
  it('one window from the oldest to the newest wanted day', () => {
    expect(spanOf(['2026-03-02', '2026-01-01', addDays('2026-01-01', 5)])).toEqual({ from: '2026-01-01', to: '2026-03-02' });
    expect(spanOf([])).toBeNull();
  });
});

describe('requestWindows', () => {
  it('keeps a span that fits one request whole', () => {
    expect(requestWindows({ from: '2025-11-28', to: '2026-11-25' }, 366)).toEqual([{ from: '2025-11-28', to: '2026-11-25' }]);
  });

  it('cuts a span into requests no longer than the stream allows, oldest first', () => {
    expect(requestWindows({ from: '2026-01-01', to: '2026-01-10' }, 4)).toEqual([
      { from: '2026-01-01', to: '2026-01-04' },
      { from: '2026-01-05', to: '2026-01-08' },
      { from: '2026-01-09', to: '2026-01-10' },
    ]);
    expect(requestWindows(null, 4)).toEqual([]);
  });
});

describe('planBounds of another network', () => {
  it('uses how far back the source serves instead of LinkedIn\'s 12 months', () => {
    const shortMemory = { ...settings, oldestServedDay: (today: string) => addDays(today, -30) };
    expect(planBounds(at('2026-11-28T07:00:00Z'), shortMemory)).toEqual({ oldest: '2026-10-29', newest: '2026-11-25' });
  });
});
