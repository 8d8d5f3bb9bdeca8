import { afterEach, describe, expect, it } from 'vitest';
import { bucketStart, isoWeekStart } from '../../src/main/engine/analytics/calendar';
import { dayRange } from '../../src/main/engine/dates';
import { damagedFileFix } from '../../src/main/engine/lake/damaged-files';
import { dateAsDay, dayAsDate } from '../../src/shared/calendar-dates';

/*
 * Days are UTC calendar dates (contract §5) while date-fns works in local time: whatever the
 * machine's zone, a day must come back as itself. Zones chosen for their traps: a DST change at
 * midnight (Havana, São Paulo until 2019), the date line (Auckland, Apia's skipped 30 Dec 2011).
 */
const ZONES = ['UTC', 'America/Sao_Paulo', 'America/Havana', 'Pacific/Auckland', 'Pacific/Apia', 'Asia/Tehran'];
const DAYS = [...dayRange('2011-12-25', '2012-01-10'), ...dayRange('2017-10-01', '2019-03-31'), '2024-02-29', '0099-06-15'];

const originalTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTz;
});

/** Monday of the ISO week, by UTC arithmetic: the reference date-fns must agree with. */
function mondayOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const weekday = new Date(ms).getUTCDay();
  return new Date(ms - ((weekday + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

// The one day in these zones that has no local date at all: Samoa skipped it crossing the date line.
const SKIPPED: Record<string, string[]> = { 'Pacific/Apia': ['2011-12-30'] };

describe.each(ZONES)('calendar math on date-fns in %s', (zone) => {
  it('gives every day back as itself, and the same ISO weeks and month ends as UTC arithmetic', () => {
    process.env.TZ = zone;
    const lost: string[] = [];
    for (const day of DAYS) {
      if (dateAsDay(dayAsDate(day)) !== day) lost.push(day);
      if (day < '1000') continue;
      // Even from a skipped day the week's Monday is right: it lands on the next day, in the same week.
      expect(isoWeekStart(day), day).toBe(mondayOf(day));
    }
    expect(lost).toEqual(SKIPPED[zone] ?? []);
    expect(bucketStart('2026-11-29', 'week')).toBe('2026-11-23');
    expect(bucketStart('2026-11-30', 'week')).toBe('2026-11-30');
    expect(bucketStart('2026-11-29', 'month')).toBe('2026-11-01');
    const file = { month: '2024-02', path: 'x.csv', problem: 'bad line' } as Parameters<typeof damagedFileFix>[0];
    expect(damagedFileFix(file)).toContain('--from 2024-02-01 --to 2024-02-29 ');
    expect(damagedFileFix({ ...file, month: '2026-12' })).toContain('--to 2026-12-31 ');
  });
});
