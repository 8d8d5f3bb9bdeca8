import type { RunHistory } from '../history/run-history';

/** Far more runs than any day produces, so the last scheduled one is always among them. */
const LOOK_BACK_RUNS = 500;

/**
 * Start of the newest run with trigger `schedule` or `catch-up`, whichever process ran it (the
 * OS scheduler's `sync --trigger schedule` counts too): the input decideSchedule needs.
 */
export async function lastScheduledRunAt(history: RunHistory): Promise<Date | null> {
  const runs = await history.list({ limit: LOOK_BACK_RUNS });
  const last = runs.find((r) => r.trigger === 'schedule' || r.trigger === 'catch-up');
  if (!last) return null;
  const ms = Date.parse(last.startedAt);
  return Number.isNaN(ms) ? null : new Date(ms);
}
