/*
 * X's `x-rate-limit-*` headers (social-apis.md §7): how many calls the 15-minute window has
 * left and when it resets (epoch seconds). Pure, so the decisions are testable without a clock.
 */

export interface RateLimitState {
  remaining: number | null;
  /** Epoch milliseconds when the window resets. */
  resetAtMs: number | null;
}

export function readRateLimit(headers: { get(name: string): string | null }): RateLimitState {
  const remaining = Number.parseInt(headers.get('x-rate-limit-remaining') ?? '', 10);
  const reset = Number.parseInt(headers.get('x-rate-limit-reset') ?? '', 10);
  return { remaining: Number.isFinite(remaining) ? remaining : null, resetAtMs: Number.isFinite(reset) ? reset * 1000 : null };
}

/** How long to hold the next call: 0 while calls remain or the window has reset. */
export function waitBeforeNextCallMs(state: RateLimitState, nowMs: number): number {
  if (state.remaining === null || state.remaining > 0 || state.resetAtMs === null) return 0;
  return Math.max(0, state.resetAtMs - nowMs);
}
