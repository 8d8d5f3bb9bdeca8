/**
 * One pause shared by every request of a run: when the API says "slow down" to one request,
 * the others wait too instead of each finding out with a 429 of its own.
 */
export class SharedBackoff {
  #until = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Holds every request for `ms` from now (a longer pause already running wins). */
  pause(ms: number): void {
    this.#until = Math.max(this.#until, this.#now() + ms);
  }

  /** Resolves once no pause is running; re-checks in case another pause began meanwhile. */
  async wait(): Promise<void> {
    for (let left = this.#until - this.#now(); left > 0; left = this.#until - this.#now()) {
      await new Promise((resolve) => setTimeout(resolve, left));
    }
  }
}
