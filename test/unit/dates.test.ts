import { describe, expect, it } from 'vitest';
import { addDays, dayRange, dayToMs, isDay, twelveMonthsBefore } from '../../src/main/engine/dates';

describe('dates', () => {
  it('validates real calendar days only', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('26-11-28')).toBe(false);
    // Century rules and month ends, which the arithmetic check must get right without a Date.
    expect(isDay('2000-02-29')).toBe(true);
    expect(isDay('2100-02-29')).toBe(false);
    expect(isDay('2026-04-31')).toBe(false);
    expect(isDay('2026-12-31')).toBe(true);
    expect(isDay('2026-00-10')).toBe(false);
    expect(isDay('2026-01-00')).toBe(false);
  });

  it('day arithmetic is UTC midnight based', () => {
    expect(dayToMs('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(dayRange('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(dayRange('2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('twelve months back clamps 29 February', () => {
    expect(twelveMonthsBefore('2026-11-28')).toBe('2025-11-28');
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-02-28');
    expect(twelveMonthsBefore('2027-01-01')).toBe('2026-01-01');
  });
});
