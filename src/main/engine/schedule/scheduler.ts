import { toAppError } from '../errors';
import type { Logger } from '../log/logger';
import { decideSchedule, type ScheduleKind } from './schedule-decision';

/**
 * The in-process daily timer (serve, the desktop app). Decisions are pure (schedule-decision.ts);
 * this class only re-evaluates them often enough:
 * - the timer never sleeps longer than `maxSleepMs`, because timers follow a monotonic clock
 *   that may stop while the machine sleeps and ignores wall-clock changes;
 * - `checkNow('resume')` re-evaluates at once (the desktop calls it on power resume);
 * - one run at a time: a check during a run is remembered and done when the run ends.
 * The lake lock also covers runs by other processes (Task Scheduler, cron): the `run` callback
 * treats LOCK_HELD as "someone else is doing it", and the attempt still counts for its slot.
 */
export interface SchedulerOptions {
  now: () => Date;
  logger: Logger;
  /** Read before every decision, so an edited time or a disabled schedule applies at once. */
  config: () => Promise<{ enabled: boolean; dailyAt: string }>;
  /** Start of the newest run with trigger schedule or catch-up, by any process (run history). */
  lastScheduledRunAt: () => Promise<Date | null>;
  /** Runs the sync; should not throw (a thrown error is logged). */
  run: (kind: ScheduleKind) => Promise<void>;
  /** Longest single sleep; default 15 minutes. */
  maxSleepMs?: number;
  /** Called after every decision and run, e.g. to refresh a tray menu. */
  onChange?: (state: SchedulerSnapshot) => void;
}

export interface SchedulerSnapshot {
  enabled: boolean;
  nextRunAt: Date | null;
  running: boolean;
}

export const DEFAULT_MAX_SLEEP_MS = 15 * 60_000;

export class Scheduler {
  readonly #options: SchedulerOptions;
  readonly #maxSleepMs: number;
  #timer: NodeJS.Timeout | null = null;
  #lastCheckAt: Date | null = null;
  /** Slots this process attempted, even when the run left no record (LOCK_HELD, no pages). */
  #lastAttemptAt: Date | null = null;
  #busy = false;
  #again = false;
  #stopped = true;
  #snapshot: SchedulerSnapshot = { enabled: false, nextRunAt: null, running: false };

  constructor(options: SchedulerOptions) {
    this.#options = options;
    this.#maxSleepMs = options.maxSleepMs ?? DEFAULT_MAX_SLEEP_MS;
  }

  get state(): SchedulerSnapshot {
    return { ...this.#snapshot };
  }

  /** Starts the timer and evaluates at once: a run missed while the app was closed is caught up. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.checkNow('startup');
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
  }

  /** Re-evaluates now (resume from sleep, settings changed, clock changed). */
  checkNow(reason: string): void {
    if (this.#stopped) return;
    if (this.#busy) {
      this.#again = true;
      return;
    }
    void this.#evaluate(reason);
  }

  async #evaluate(reason: string): Promise<void> {
    this.#busy = true;
    this.#clearTimer();
    try {
      let pending: string | null = reason;
      while (pending !== null && !this.#stopped) {
        this.#again = false;
        const ran = await this.#decideAndRun(pending);
        pending = ran || this.#again ? 'after-run' : null;
      }
    } catch (error) {
      // Typically settings.json is invalid; look again after a full sleep rather than spin.
      this.#options.logger.error('schedule.check-failed', { message: toAppError(error).message });
      this.#publish({ ...this.#snapshot, nextRunAt: null, running: false });
    } finally {
      this.#busy = false;
      this.#arm();
    }
  }

  /** One decision; runs when due. Returns whether it ran. */
  async #decideAndRun(reason: string): Promise<boolean> {
    const config = await this.#options.config();
    const lastRun = newest(await this.#options.lastScheduledRunAt(), this.#lastAttemptAt);
    const now = this.#options.now();
    const decision = decideSchedule({ now, dailyAt: config.dailyAt, enabled: config.enabled, lastScheduledRunAt: lastRun, lastCheckAt: this.#lastCheckAt });
    this.#lastCheckAt = now;
    this.#publish({ enabled: config.enabled, nextRunAt: decision.nextRunAt, running: decision.due });
    if (!decision.due || decision.kind === null) return false;
    this.#lastAttemptAt = now;
    this.#options.logger.info('schedule.run', { kind: decision.kind, reason });
    try {
      await this.#options.run(decision.kind);
    } catch (error) {
      this.#options.logger.error('schedule.run-failed', { kind: decision.kind, message: toAppError(error).message });
    } finally {
      this.#publish({ ...this.#snapshot, running: false });
    }
    return true;
  }

  #arm(): void {
    if (this.#stopped) return;
    const next = this.#snapshot.nextRunAt;
    const until = next === null ? this.#maxSleepMs : next.getTime() - this.#options.now().getTime();
    // Never 0: a clock that reads slightly behind the timer would otherwise spin.
    const delay = Math.min(Math.max(until, 1_000), this.#maxSleepMs);
    this.#timer = setTimeout(() => this.checkNow('timer'), delay);
    // A scheduler alone must not keep a process alive: serve and the desktop app have their own reasons to live.
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #publish(snapshot: SchedulerSnapshot): void {
    this.#snapshot = snapshot;
    try {
      this.#options.onChange?.({ ...snapshot });
    } catch (error) {
      this.#options.logger.warn('schedule.listener-failed', { message: toAppError(error).message });
    }
  }
}

function newest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
