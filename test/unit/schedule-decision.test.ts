// Local time matters here: set the zone before any Date is made (Node re-reads TZ on assignment).
process.env.TZ = 'Europe/Berlin';

import { afterAll, describe, expect, it } from 'vitest';
import { nextDailyRun } from '../../src/main/engine/schedule/next-run';
import { decideSchedule, mostRecentSlot, slotOn, type ScheduleInput } from '../../src/main/engine/schedule/schedule-decision';

const at = (iso: string): Date => new Date(iso);

function decide(input: Partial<ScheduleInput> & { now: Date }): ReturnType<typeof decideSchedule> {
  return decideSchedule({ dailyAt: '07:00', lastScheduledRunAt: null, lastCheckAt: null, enabled: true, ...input });
}

afterAll(() => {
  process.env.TZ = 'UTC';
});

describe('decideSchedule (TZ=Europe/Berlin)', () => {
  // January: Berlin is UTC+1, so 07:00 local is 06:00Z.
  it('is not due before the slot when yesterday ran; the next run is today at 07:00 local', () => {
    const d = decide({ now: at('2026-01-15T05:59:00Z'), lastScheduledRunAt: at('2026-01-14T06:00:05Z'), lastCheckAt: at('2026-01-15T05:45:00Z') });
    expect(d).toEqual({ due: false, kind: null, nextRunAt: at('2026-01-15T06:00:00Z') });
  });

  it('runs on time as "schedule" when the timer fires at the slot, and then points at tomorrow', () => {
    const d = decide({ now: at('2026-01-15T06:00:01Z'), lastScheduledRunAt: at('2026-01-14T06:00:05Z'), lastCheckAt: at('2026-01-15T05:45:00Z') });
    expect(d).toEqual({ due: true, kind: 'schedule', nextRunAt: at('2026-01-16T06:00:00Z') });
  });

  it('catches up at startup when the slot passed while the app was closed', () => {
    const d = decide({ now: at('2026-01-15T08:00:00Z'), lastScheduledRunAt: at('2026-01-14T06:00:05Z'), lastCheckAt: null });
    expect(d.due).toBe(true);
    expect(d.kind).toBe('catch-up');
  });

  it('calls a run after waking from sleep long past the slot a catch-up, not "schedule"', () => {
    const d = decide({ now: at('2026-01-15T11:00:00Z'), lastScheduledRunAt: at('2026-01-14T06:00:05Z'), lastCheckAt: at('2026-01-15T05:50:00Z') });
    expect(d).toMatchObject({ due: true, kind: 'catch-up' });
  });

  it('runs one catch-up after days switched off, not one per missed day', () => {
    const now = at('2026-01-20T09:00:00Z');
    const first = decide({ now, lastScheduledRunAt: at('2026-01-14T06:00:05Z') });
    expect(first).toMatchObject({ due: true, kind: 'catch-up' });
    const afterRun = decide({ now: at('2026-01-20T09:00:30Z'), lastScheduledRunAt: now, lastCheckAt: now });
    expect(afterRun).toEqual({ due: false, kind: null, nextRunAt: at('2026-01-21T06:00:00Z') });
  });

  it('treats "never ran on a schedule" as a missed run', () => {
    expect(decide({ now: at('2026-01-15T12:00:00Z') })).toMatchObject({ due: true, kind: 'catch-up' });
  });

  it('is never due when disabled', () => {
    expect(decide({ now: at('2026-01-15T12:00:00Z'), enabled: false })).toEqual({ due: false, kind: null, nextRunAt: null });
  });

  describe('clock moved back', () => {
    const ranAt = at('2026-01-15T06:00:05Z');

    it('an hour back after the run: not due again at the repeated 07:00, next run tomorrow', () => {
      const before = decide({ now: at('2026-01-15T05:10:00Z'), lastScheduledRunAt: ranAt, lastCheckAt: at('2026-01-15T06:10:00Z') });
      expect(before).toEqual({ due: false, kind: null, nextRunAt: at('2026-01-16T06:00:00Z') });
      const atSlotAgain = decide({ now: at('2026-01-15T06:00:30Z'), lastScheduledRunAt: ranAt, lastCheckAt: at('2026-01-15T05:50:00Z') });
      expect(atSlotAgain.due).toBe(false);
    });

    it('a day back: yesterday\'s slot is older than the run, so no second run', () => {
      const d = decide({ now: at('2026-01-14T08:00:00Z'), lastScheduledRunAt: ranAt, lastCheckAt: null });
      expect(d.due).toBe(false);
      expect(d.nextRunAt).toEqual(at('2026-01-16T06:00:00Z'));
    });

    it('a run days "in the future" (a clock that was wrong) does not silence the schedule', () => {
      const d = decide({ now: at('2026-01-15T08:00:00Z'), lastScheduledRunAt: at('2026-01-19T06:00:05Z') });
      expect(d).toMatchObject({ due: true, kind: 'catch-up' });
    });
  });

  describe('daylight saving time', () => {
    // 2026-03-29: clocks go 02:00 CET → 03:00 CEST; 02:30 does not exist that day.
    it('spring forward: 02:30 runs at 03:00 CEST, the first valid instant after the gap', () => {
      expect(slotOn(2026, 2, 29, 2, 30)).toEqual(at('2026-03-29T01:00:00Z'));
      const before = decide({ dailyAt: '02:30', now: at('2026-03-29T00:59:00Z'), lastScheduledRunAt: at('2026-03-28T01:30:05Z'), lastCheckAt: at('2026-03-29T00:45:00Z') });
      expect(before).toEqual({ due: false, kind: null, nextRunAt: at('2026-03-29T01:00:00Z') });
      const onTime = decide({ dailyAt: '02:30', now: at('2026-03-29T01:00:01Z'), lastScheduledRunAt: at('2026-03-28T01:30:05Z'), lastCheckAt: at('2026-03-29T00:59:00Z') });
      expect(onTime).toEqual({ due: true, kind: 'schedule', nextRunAt: at('2026-03-30T00:30:00Z') });
    });

    it('status names the same next run as the scheduler, also in the gap (03:00 CEST, not 03:30)', () => {
      expect(nextDailyRun(at('2026-03-28T12:00:00Z'), '02:30')).toEqual(at('2026-03-29T01:00:00Z'));
      expect(nextDailyRun(at('2026-03-28T12:00:00Z'), '07:00')).toEqual(at('2026-03-29T05:00:00Z'));
      expect(nextDailyRun(at('2026-03-29T05:00:00Z'), '07:00')).toEqual(at('2026-03-30T05:00:00Z'));
    });

    it('spring forward: an ordinary time that day keeps its wall-clock time (07:00 CEST)', () => {
      expect(slotOn(2026, 2, 29, 7, 0)).toEqual(at('2026-03-29T05:00:00Z'));
      const d = decide({ now: at('2026-03-28T07:00:00Z'), lastScheduledRunAt: at('2026-03-28T06:00:05Z'), lastCheckAt: at('2026-03-28T06:30:00Z') });
      expect(d.nextRunAt).toEqual(at('2026-03-29T05:00:00Z'));
    });

    // 2026-10-25: clocks go 03:00 CEST → 02:00 CET; 02:30 happens twice.
    it('fall back: 02:30 runs once, at its first occurrence', () => {
      expect(slotOn(2026, 9, 25, 2, 30)).toEqual(at('2026-10-25T00:30:00Z'));
      const first = decide({ dailyAt: '02:30', now: at('2026-10-25T00:30:02Z'), lastScheduledRunAt: at('2026-10-24T00:30:05Z'), lastCheckAt: at('2026-10-25T00:20:00Z') });
      expect(first).toMatchObject({ due: true, kind: 'schedule' });
      const ranAt = at('2026-10-25T00:30:03Z');
      const second = decide({ dailyAt: '02:30', now: at('2026-10-25T01:30:02Z'), lastScheduledRunAt: ranAt, lastCheckAt: at('2026-10-25T01:20:00Z') });
      expect(second).toEqual({ due: false, kind: null, nextRunAt: at('2026-10-26T01:30:00Z') });
    });

    it('fall back: the day is 25 hours long and 07:00 stays 07:00 local', () => {
      const d = decide({ now: at('2026-10-24T06:00:00Z'), lastScheduledRunAt: at('2026-10-24T05:00:05Z'), lastCheckAt: at('2026-10-24T05:30:00Z') });
      expect(d.nextRunAt).toEqual(at('2026-10-25T06:00:00Z'));
    });
  });

  it('finds the most recent slot across midnight', () => {
    expect(mostRecentSlot(at('2026-01-15T00:30:00Z'), 23, 0)).toEqual(at('2026-01-14T22:00:00Z'));
    expect(mostRecentSlot(at('2026-01-15T22:00:00Z'), 23, 0)).toEqual(at('2026-01-15T22:00:00Z'));
  });

  it('refuses a malformed time', () => {
    expect(() => decide({ now: at('2026-01-15T00:30:00Z'), dailyAt: '7:00' })).toThrow(/HH:MM/);
  });
});

describe('decideSchedule (TZ=America/Sao_Paulo)', () => {
  it('uses the local wall clock of a zone west of UTC (UTC−3, no DST today)', () => {
    process.env.TZ = 'America/Sao_Paulo';
    const d = decide({ now: at('2026-06-10T09:59:00Z'), lastScheduledRunAt: at('2026-06-09T10:00:05Z'), lastCheckAt: at('2026-06-10T09:50:00Z') });
    expect(d).toEqual({ due: false, kind: null, nextRunAt: at('2026-06-10T10:00:00Z') });
  });

  it('a gap at midnight (Brazil\'s DST start, 2018-11-04 00:00 → 01:00): 00:30 runs at 01:00 local', () => {
    process.env.TZ = 'America/Sao_Paulo';
    expect(slotOn(2018, 10, 4, 0, 30)).toEqual(at('2018-11-04T03:00:00Z'));
    const d = decide({ dailyAt: '00:30', now: at('2018-11-04T02:59:00Z'), lastScheduledRunAt: at('2018-11-03T03:30:05Z'), lastCheckAt: at('2018-11-04T02:45:00Z') });
    expect(d.nextRunAt).toEqual(at('2018-11-04T03:00:00Z'));
  });
});
