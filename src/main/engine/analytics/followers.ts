import { cumulativeGain, type AccountFacts } from './daily-facts';

export interface FollowersAt {
  value: number;
  /** True when no count was taken that day and the value comes from the nearest one and the gains between. */
  reconstructed: boolean;
}

/** Index of the snapshot nearest to day n; on a tie the later one (the fresher count). */
function nearestSnapshot(days: readonly number[], n: number): number {
  let lo = 0;
  let hi = days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < n) lo = mid + 1;
    else hi = mid;
  }
  // lo = first snapshot on or after n (or the last one when all are before).
  if (lo > 0 && Math.abs(days[lo - 1] - n) < Math.abs(days[lo] - n)) return lo - 1;
  return lo;
}

/**
 * Followers at the end of day n: the count taken that day, otherwise the nearest count moved by
 * the daily gains between them — forwards (count + gains after it up to n) or backwards
 * (count − gains after n up to the count's day). A missing day adds nothing. Null without any count.
 */
export function followersAt(facts: AccountFacts, n: number): FollowersAt | null {
  const days = facts.snapshotDays;
  if (days.length === 0) return null;
  const table = followersTable(facts);
  const i = n - table.from;
  if (i >= 0 && i < table.values.length) return { value: table.values[i], reconstructed: table.reconstructed[i] === 1 };
  return followersBySearch(facts, n);
}

interface FollowersTable {
  from: number;
  values: Float64Array;
  reconstructed: Uint8Array;
}

// Facts are immutable once built (the derived store replaces them when a file changes), so the
// table of every day's followers is computed once per facts and reused by every request.
const tables = new WeakMap<AccountFacts, FollowersTable>();

function followersTable(facts: AccountFacts): FollowersTable {
  const held = tables.get(facts);
  if (held) return held;
  const days = facts.snapshotDays;
  const from = Math.min(days[0], facts.length > 0 ? facts.start : days[0]);
  const to = Math.max(days[days.length - 1], facts.length > 0 ? facts.start + facts.length - 1 : days[0]);
  const table: FollowersTable = { from, values: new Float64Array(to - from + 1), reconstructed: new Uint8Array(to - from + 1) };
  for (let n = from; n <= to; n++) {
    const at = followersBySearch(facts, n)!;
    table.values[n - from] = at.value;
    table.reconstructed[n - from] = at.reconstructed ? 1 : 0;
  }
  tables.set(facts, table);
  return table;
}

function followersBySearch(facts: AccountFacts, n: number): FollowersAt | null {
  const days = facts.snapshotDays;
  if (days.length === 0) return null;
  const i = nearestSnapshot(days, n);
  const base = facts.snapshotValues[i];
  if (days[i] === n) return { value: base, reconstructed: false };
  return { value: base + cumulativeGain(facts, n) - cumulativeGain(facts, days[i]), reconstructed: true };
}

/** Followers of several accounts summed; accounts without any count are left out. */
export function selectionFollowersAt(accounts: readonly AccountFacts[], n: number): FollowersAt | null {
  let value = 0;
  let reconstructed = false;
  let any = false;
  // Called for every day of a period and every page: read the tables without allocating.
  for (const facts of accounts) {
    if (facts.snapshotDays.length === 0) continue;
    const table = followersTable(facts);
    const i = n - table.from;
    any = true;
    if (i >= 0 && i < table.values.length) {
      value += table.values[i];
      reconstructed ||= table.reconstructed[i] === 1;
    } else {
      const at = followersBySearch(facts, n)!;
      value += at.value;
      reconstructed ||= at.reconstructed;
    }
  }
  return any ? { value, reconstructed } : null;
}
