import { hasDataOn, lastDataDay, type AccountFacts } from './daily-facts';

/** One day of a selection of accounts: the sums of whatever rows exist. */
export interface SelectionDay {
  organic: number;
  paid: number;
  total: number;
  /** Every selected account has a row that day (contract §8). */
  complete: boolean;
  /** At least one selected account has a row. */
  any: boolean;
}

export function selectionDay(accounts: readonly AccountFacts[], n: number): SelectionDay {
  const out: SelectionDay = { organic: 0, paid: 0, total: 0, complete: accounts.length > 0, any: false };
  for (const facts of accounts) {
    if (!hasDataOn(facts, n)) {
      out.complete = false;
      continue;
    }
    const i = n - facts.start;
    out.any = true;
    out.organic += facts.organic[i];
    out.paid += facts.paid[i];
    out.total += facts.total[i];
  }
  return out;
}

/**
 * The newest day on which every selected account has a row; when no day has them all (a page
 * stopped syncing long ago), the newest day any of them has. Null for a selection without data.
 */
export function newestDataDay(accounts: readonly AccountFacts[]): number | null {
  const lasts = accounts.map(lastDataDay);
  if (lasts.length === 0 || lasts.every((n) => n === null)) return null;
  const present = lasts.filter((n): n is number => n !== null);
  const latest = Math.max(...present);
  if (present.length === accounts.length) {
    const earliestFirst = Math.max(...accounts.map((a) => a.start));
    for (let n = Math.min(...present); n >= earliestFirst; n--) {
      if (selectionDay(accounts, n).complete) return n;
    }
  }
  return latest;
}

/** Totals over an inclusive range of day numbers. */
export interface RangeSums {
  organic: number;
  paid: number;
  total: number;
  daysWithData: number;
}

export function rangeSums(accounts: readonly AccountFacts[], from: number, to: number): RangeSums {
  const sums: RangeSums = { organic: 0, paid: 0, total: 0, daysWithData: 0 };
  for (let n = from; n <= to; n++) {
    const day = selectionDay(accounts, n);
    sums.organic += day.organic;
    sums.paid += day.paid;
    sums.total += day.total;
    if (day.complete) sums.daysWithData++;
  }
  return sums;
}
