process.env.TZ = 'UTC';

import { afterEach, describe, expect, it, vi } from 'vitest';
import { nullLogger, type Logger } from '../../src/main/engine/log/logger';
import type { ScheduleKind } from '../../src/main/engine/schedule/schedule-decision';
import { Scheduler, type SchedulerOptions } from '../../src/main/engine/schedule/scheduler';

let scheduler: Scheduler | null = null;

afterEach(() => {
  scheduler?.stop();
  scheduler = null;
});

function make(overrides: Partial<SchedulerOptions> & { clock: { now: Date } }): { s: Scheduler; runs: ScheduleKind[] } {
  const runs: ScheduleKind[] = [];
  const s = new Scheduler({
    now: () => overrides.clock.now,
    logger: nullLogger,
    config: () => Promise.resolve({ enabled: true, dailyAt: '07:00' }),
    lastScheduledRunAt: () => Promise.resolve(null),
    run: (kind) => {
      runs.push(kind);
      return Promise.resolve();
    },
    maxSleepMs: 60_000,
    ...overrides,
  });
  scheduler = s;
  return { s, runs };
}

describe('Scheduler', () => {
  it('catches up once at startup and then waits for the next slot', async () => {
    const clock = { now: new Date('2026-01-15T09:00:00Z') };
    const { s, runs } = make({ clock });
    s.start();
    await vi.waitFor(() => expect(s.state.nextRunAt).toEqual(new Date('2026-01-16T07:00:00Z')));
    expect(runs).toEqual(['catch-up']);
    // The attempt counts for its slot even though no run record says so (LOCK_HELD, no pages).
    s.checkNow('resume');
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toEqual(['catch-up']);
    expect(s.state).toEqual({ enabled: true, nextRunAt: new Date('2026-01-16T07:00:00Z'), running: false });
  });

  it('does not run when the last scheduled run (any process) already covers the slot', async () => {
    const clock = { now: new Date('2026-01-15T09:00:00Z') };
    const { s, runs } = make({ clock, lastScheduledRunAt: () => Promise.resolve(new Date('2026-01-15T07:00:03Z')) });
    s.start();
    await vi.waitFor(() => expect(s.state.nextRunAt).not.toBeNull());
    expect(runs).toEqual([]);
  });

  it('never runs twice at once: a check during a run waits for it', async () => {
    const clock = { now: new Date('2026-01-15T09:00:00Z') };
    let finish = (): void => undefined;
    let active = 0;
    let maxActive = 0;
    const { s, runs } = make({
      clock,
      run: (kind) => {
        runs.push(kind);
        active += 1;
        maxActive = Math.max(maxActive, active);
        return new Promise<void>((resolve) => {
          finish = () => {
            active -= 1;
            resolve();
          };
        });
      },
    });
    s.start();
    await vi.waitFor(() => expect(s.state.running).toBe(true));
    s.checkNow('resume');
    s.checkNow('settings-changed');
    // The next day's slot passes while the first run is still going.
    clock.now = new Date('2026-01-16T07:00:30Z');
    finish();
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    finish();
    await vi.waitFor(() => expect(s.state.running).toBe(false));
    expect(maxActive).toBe(1);
    // The scheduler was awake before the slot and ran 30 s after it: that one is on time.
    expect(runs).toEqual(['catch-up', 'schedule']);
  });

  it('stays idle when the schedule is off, and re-reads the settings on every check', async () => {
    const clock = { now: new Date('2026-01-15T09:00:00Z') };
    let enabled = false;
    const { s, runs } = make({ clock, config: () => Promise.resolve({ enabled, dailyAt: '07:00' }) });
    s.start();
    await vi.waitFor(() => expect(s.state.enabled).toBe(false));
    expect(s.state.nextRunAt).toBeNull();
    enabled = true;
    s.checkNow('settings-changed');
    await vi.waitFor(() => expect(runs).toEqual(['catch-up']));
  });

  it('logs and sleeps (no busy loop) when the settings cannot be read', async () => {
    const clock = { now: new Date('2026-01-15T09:00:00Z') };
    const errors: string[] = [];
    const logger: Logger = { ...nullLogger, error: (event) => errors.push(event) };
    const config = vi.fn(() => Promise.reject(new Error('settings.json is invalid')));
    const { s, runs } = make({ clock, logger, config });
    s.start();
    await vi.waitFor(() => expect(errors).toEqual(['schedule.check-failed']));
    await new Promise((r) => setTimeout(r, 50));
    expect(config).toHaveBeenCalledTimes(1);
    expect(runs).toEqual([]);
  });
});
