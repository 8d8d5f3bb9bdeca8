import type { Granularity, ReportAccount, ReportNetworkBucket, ReportNetworkDay, ReportNetworkLine } from '../../../shared/insights';
import { NETWORKS, type Network } from '../../../shared/networks';
import { bucketStart } from './calendar';
import { dayOfNumber, type AccountFacts } from './daily-facts';
import { selectionFollowersAt } from './followers';
import { rangeSums, selectionDay } from './selection';

/** The report's accounts grouped by network, networks in one fixed order (LinkedIn, Facebook, Instagram, X). */
export function factsByNetwork(accounts: readonly { account: ReportAccount; facts: AccountFacts }[]): Map<Network, AccountFacts[]> {
  const byNetwork = new Map<Network, AccountFacts[]>();
  for (const network of NETWORKS) {
    const facts = accounts.filter((a) => a.account.network === network).map((a) => a.facts);
    if (facts.length) byNetwork.set(network, facts);
  }
  return byNetwork;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** The days in [from, to] on which any of the accounts has a count. */
function countDaysIn(facts: readonly AccountFacts[], from: number, to: number): Set<number> {
  const days = new Set<number>();
  for (const f of facts) for (const day of f.snapshotDays) if (day >= from && day <= to) days.add(day);
  return days;
}

/** Newest day ≤ n on which any of the accounts has a count, or null. */
function lastCountDay(facts: readonly AccountFacts[], n: number): number | null {
  let best: number | null = null;
  for (const f of facts) {
    for (const day of f.snapshotDays) if (day <= n && (best === null || day > best)) best = day;
  }
  return best;
}

/** Oldest day in [from, to] on which any of the accounts has a count, or null. */
function firstCountDayIn(facts: readonly AccountFacts[], from: number, to: number): number | null {
  let best: number | null = null;
  for (const f of facts) {
    for (const day of f.snapshotDays) if (day >= from && day <= to && (best === null || day < best)) best = day;
  }
  return best;
}

/**
 * One line per network of the selection: its followers at the start and end, net change, growth
 * and share of the followers at the end. A network with daily gains in the period is measured
 * like the totals (gains summed, counts reconstructed); one that reports counts only (X) is
 * measured between its counts — from the last count before the period, or else its first count
 * inside it (`startDay` says which) — to its last count in the period.
 */
export function networkLines(byNetwork: ReadonlyMap<Network, AccountFacts[]>, from: number, to: number): ReportNetworkLine[] {
  const lines = [...byNetwork].map(([network, facts]): ReportNetworkLine => {
    const sums = rangeSums(facts, from, to);
    const withGains = facts.some((f) => hasAnyGain(f, from, to));
    if (withGains) {
      const start = selectionFollowersAt(facts, from - 1)?.value ?? null;
      const end = selectionFollowersAt(facts, to)?.value ?? null;
      return line(network, start, end, sums.total, 'gains', start === null ? null : dayOfNumber(from - 1));
    }
    const startDay = lastCountDay(facts, from - 1) ?? firstCountDayIn(facts, from, to);
    const endDay = lastCountDay(facts, to);
    const start = startDay === null ? null : (selectionFollowersAt(facts, startDay)?.value ?? null);
    const end = endDay === null ? null : (selectionFollowersAt(facts, endDay)?.value ?? null);
    const net = start !== null && end !== null ? end - start : 0;
    return line(network, start, end, net, 'counts', startDay === null ? null : dayOfNumber(startDay));
  });
  const all = lines.reduce((sum, l) => sum + (l.followersEnd ?? 0), 0);
  for (const l of lines) l.share = l.followersEnd === null ? null : share(l.followersEnd, all);
  return lines;
}

function line(network: Network, start: number | null, end: number | null, net: number, from: 'gains' | 'counts', startDay: string | null): ReportNetworkLine {
  return { network, followersStart: start, followersEnd: end, netGain: net, growthPct: start === null || start === 0 ? null : round1((net / start) * 100), share: null, netGainFrom: from, startDay };
}

function hasAnyGain(facts: AccountFacts, from: number, to: number): boolean {
  for (let n = Math.max(from, facts.start); n <= Math.min(to, facts.start + facts.length - 1); n++) if (facts.has[n - facts.start] === 1) return true;
  return false;
}

/**
 * Every network's days of the period, with the totals' rules: gains summed over the rows that
 * exist, followers counted or reconstructed. A day the network has neither a count nor gains for
 * has no followers (a gap): reconstructing it would draw a line through days nobody measured.
 */
export function networkDaily(byNetwork: ReadonlyMap<Network, AccountFacts[]>, from: number, to: number): ReportNetworkDay[] {
  const out: ReportNetworkDay[] = [];
  for (const [network, facts] of byNetwork) {
    const counted = countDaysIn(facts, from, to);
    for (let n = from; n <= to; n++) {
      const sums = selectionDay(facts, n);
      const followers = selectionFollowersAt(facts, n);
      const known = followers !== null && (sums.complete || counted.has(n));
      out.push({ network, day: dayOfNumber(n), followers: known ? followers.value : null, reconstructed: known ? followers.reconstructed : false, gain: sums.total, hasData: sums.complete });
    }
  }
  return out;
}

/** Every network's gains per bucket of the report's granularity (days outside the period left out). */
export function networkSeries(days: readonly ReportNetworkDay[], granularity: Granularity): ReportNetworkBucket[] {
  const buckets = new Map<string, ReportNetworkBucket>();
  for (const day of days) {
    const bucket = bucketStart(day.day, granularity);
    const key = `${day.network}|${bucket}`;
    const point = buckets.get(key) ?? { network: day.network, bucket, total: 0, daysWithData: 0 };
    point.total += day.gain;
    if (day.hasData) point.daysWithData++;
    buckets.set(key, point);
  }
  return [...buckets.values()];
}
