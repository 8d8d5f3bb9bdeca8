import type { Network } from '../../../shared/networks';
import { DAY_MS, dayFromMs, dayToMs, type Day } from '../dates';
import { chooseApiOverImport, type GainRow, type TotalRow } from '../lake/lake-rows';

/**
 * One account's facts as the analytics read them: one gains row and one follower count per
 * day, after contract §6's api-over-import rule. Stored densely (an array slot per day from the
 * first to the last day with a gain) so that sums and reconstructions over many pages stay
 * cheap: the cumulative gain turns "followers on day d from the snapshot on day s" into one
 * subtraction.
 */
export interface AccountFacts {
  network: Network;
  accountId: string;
  /** Epoch day number (days since 1970-01-01) of slot 0; meaningless when `length` is 0. */
  start: number;
  length: number;
  has: Uint8Array;
  organic: Float64Array;
  paid: Float64Array;
  /** 1 where the row's paid_gain was empty (a network without the organic/paid split). */
  paidMissing: Uint8Array;
  total: Float64Array;
  /** cumulative[i] = sum of total gains of slots 0..i (missing days add 0). */
  cumulative: Float64Array;
  /** Follower counts, sorted by day. */
  snapshotDays: number[];
  snapshotValues: number[];
}

export function dayNumber(day: Day): number {
  return Math.round(dayToMs(day) / DAY_MS);
}

// Views list thousands of days per call; formatting each through Date is the costly part.
const dayNames = new Map<number, Day>();

export function dayOfNumber(n: number): Day {
  let day = dayNames.get(n);
  if (day === undefined) {
    day = dayFromMs(n * DAY_MS);
    if (dayNames.size < 100_000) dayNames.set(n, day);
  }
  return day;
}

/** Contract §6's api-over-import rule for one account's rows (keyed by day alone): `lake-rows.chooseApiOverImport`. */
export function apiOverImport<T extends { day: Day; source: string }>(rows: readonly T[]): Map<Day, T> {
  return chooseApiOverImport(rows, (row) => row.day);
}

export type GainFact = Pick<GainRow, 'day' | 'source' | 'organicGain' | 'paidGain' | 'totalGain'>;
export type TotalFact = Pick<TotalRow, 'day' | 'source' | 'followers'>;

/** Builds one account's facts from its rows of both sources (any order). */
export function accountFacts(network: Network, accountId: string, gains: readonly GainFact[], totals: readonly TotalFact[]): AccountFacts {
  const byDay = new Map<number, [number, number | null]>();
  for (const row of apiOverImport(gains).values()) byDay.set(dayNumber(row.day), [row.organicGain, row.paidGain]);
  const snapshots = new Map<number, number>();
  for (const row of apiOverImport(totals).values()) snapshots.set(dayNumber(row.day), row.followers);
  return factsFromDays(network, accountId, byDay, snapshots);
}

/**
 * Builds facts from rows already reduced to one per day (day number → [organic, paid | null];
 * day number → followers).
 */
export function factsFromDays(network: Network, accountId: string, gains: ReadonlyMap<number, [number, number | null]>, totals: ReadonlyMap<number, number>): AccountFacts {
  let min = Infinity;
  let max = -Infinity;
  for (const n of gains.keys()) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const facts = emptyFacts(network, accountId, gains.size > 0 ? min : 0, gains.size > 0 ? max - min + 1 : 0);
  for (const [n, [organic, paid]] of gains) setGain(facts, n, organic, paid);
  return finishFacts(facts, totals);
}

/** Facts with room for the days start … start + length − 1 and nothing in them yet. */
export function emptyFacts(network: Network, accountId: string, start: number, length: number): AccountFacts {
  return {
    network,
    accountId,
    start,
    length,
    has: new Uint8Array(length),
    organic: new Float64Array(length),
    paid: new Float64Array(length),
    paidMissing: new Uint8Array(length),
    total: new Float64Array(length),
    cumulative: new Float64Array(length),
    snapshotDays: [],
    snapshotValues: [],
  };
}

/** Writes one day's gains; a later write for the same day replaces an earlier one. */
export function setGain(facts: AccountFacts, n: number, organic: number, paid: number | null): void {
  const i = n - facts.start;
  facts.has[i] = 1;
  facts.organic[i] = organic;
  facts.paid[i] = paid ?? 0;
  facts.paidMissing[i] = paid === null ? 1 : 0;
  facts.total[i] = organic + (paid ?? 0);
}

/** Adds the running sum and the follower counts once every gain is in. */
export function finishFacts(facts: AccountFacts, totals: ReadonlyMap<number, number>): AccountFacts {
  let sum = 0;
  for (let i = 0; i < facts.length; i++) {
    sum += facts.total[i];
    facts.cumulative[i] = sum;
  }
  facts.snapshotDays = [...totals.keys()].sort((a, b) => a - b);
  facts.snapshotValues = facts.snapshotDays.map((n) => totals.get(n)!);
  return facts;
}

export function hasDataOn(facts: AccountFacts, n: number): boolean {
  const i = n - facts.start;
  return i >= 0 && i < facts.length && facts.has[i] === 1;
}

export function firstDataDay(facts: AccountFacts): number | null {
  return facts.length > 0 ? facts.start : null;
}

export function lastDataDay(facts: AccountFacts): number | null {
  return facts.length > 0 ? facts.start + facts.length - 1 : null;
}

/** Sum of total gains of every day ≤ n (0 before the first day). */
export function cumulativeGain(facts: AccountFacts, n: number): number {
  if (facts.length === 0 || n < facts.start) return 0;
  const i = Math.min(n - facts.start, facts.length - 1);
  return facts.cumulative[i];
}
