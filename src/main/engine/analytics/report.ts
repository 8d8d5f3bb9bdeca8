import type { Granularity, ReportAccount, ReportDocument, ReportHeadline, ReportSeriesPoint } from '../../../shared/insights';
import type { Day } from '../dates';
import { bucketStart, previousRange, yearAgoRange, type DayRange } from './calendar';
import { dayNumber, dayOfNumber, type AccountFacts } from './daily-facts';
import { selectionFollowersAt } from './followers';
import { factsByNetwork, networkDaily, networkLines, networkSeries } from './network-breakdown';
import { reconcile } from './reconciliation';
import { rangeSums, selectionDay } from './selection';

export interface ReportInput {
  accounts: readonly { account: ReportAccount; facts: AccountFacts }[];
  range: DayRange;
  granularity: Granularity;
}

/** Percent change of `value` against `base`, one decimal; null when the base is 0. */
export function changePct(value: number, base: number): number | null {
  if (base === 0) return null;
  return Math.round(((value - base) / Math.abs(base)) * 1000) / 10;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** The report document of contract §8 (pure: the lake's facts in, the document out). */
export function buildReport(input: ReportInput): ReportDocument {
  const facts = input.accounts.map((a) => a.facts);
  const from = dayNumber(input.range.from);
  const to = dayNumber(input.range.to);
  const daily: NonNullable<ReportDocument['daily']> = [];
  const series = new Map<Day, ReportSeriesPoint>();
  const missingDays: Day[] = [];
  let best: { day: Day; gain: number } | null = null;
  let worst: { day: Day; gain: number } | null = null;
  let organic = 0;
  let paid = 0;
  let total = 0;
  for (let n = from; n <= to; n++) {
    const day = dayOfNumber(n);
    const sums = selectionDay(facts, n);
    const followers = selectionFollowersAt(facts, n);
    organic += sums.organic;
    paid += sums.paid;
    total += sums.total;
    if (sums.complete) {
      if (!best || sums.total > best.gain) best = { day, gain: sums.total };
      if (!worst || sums.total < worst.gain) worst = { day, gain: sums.total };
    } else missingDays.push(day);
    daily.push({
      day,
      organic: sums.organic,
      paid: sums.paid,
      total: sums.total,
      followers: followers?.value ?? null,
      reconstructed: followers?.reconstructed ?? false,
      hasData: sums.complete,
    });
    const key = bucketStart(day, input.granularity);
    const point = series.get(key) ?? { bucket: key, organic: 0, paid: 0, total: 0, followers: null, reconstructed: false, daysWithData: 0 };
    point.organic += sums.organic;
    point.paid += sums.paid;
    point.total += sums.total;
    if (sums.complete) point.daysWithData++;
    // Days come in order, so the last one written is the bucket's last day inside the period.
    point.followers = followers?.value ?? null;
    point.reconstructed = followers?.reconstructed ?? false;
    series.set(key, point);
  }
  const previous = previousRange(input.range);
  const previousSums = rangeSums(facts, dayNumber(previous.from), dayNumber(previous.to));
  const start = selectionFollowersAt(facts, from - 1);
  const end = selectionFollowersAt(facts, to);
  const headline: ReportHeadline = {
    netGain: total,
    organicGain: organic,
    paidGain: paid,
    paidShare: share(paid, organic + paid),
    previous: { from: previous.from, to: previous.to, netGain: previousSums.total },
    changePct: changePct(total, previousSums.total),
    yearAgo: yearAgo(facts, input.range, total),
    followersStart: start?.value ?? null,
    followersEnd: end?.value ?? null,
    bestDay: best,
    worstDay: worst,
    daysWithData: to - from + 1 - missingDays.length,
    missingDays,
  };
  return {
    from: input.range.from,
    to: input.range.to,
    granularity: input.granularity,
    accounts: input.accounts.map((a) => a.account),
    headline,
    series: [...series.values()],
    reconciliation: reconcile(facts, from, to, total, missingDays.length),
    daily,
    ...networkBreakdown(input, from, to),
  };
}

function yearAgo(facts: readonly AccountFacts[], range: DayRange, netGain: number): ReportHeadline['yearAgo'] {
  const earlier = yearAgoRange(range);
  const sums = rangeSums(facts, dayNumber(earlier.from), dayNumber(earlier.to));
  if (sums.daysWithData === 0) return null;
  return { from: earlier.from, to: earlier.to, netGain: sums.total, daysWithData: sums.daysWithData, changePct: changePct(netGain, sums.total) };
}

/** The cross-network view's lines, days and buckets (issue 10), from the same facts as the totals. */
function networkBreakdown(input: ReportInput, from: number, to: number): Pick<ReportDocument, 'networks' | 'networkDaily' | 'networkSeries'> {
  const byNetwork = factsByNetwork(input.accounts);
  const networks = networkLines(byNetwork, from, to);
  // One network's days would repeat `daily`: the per-network lists come only when there is something to compare.
  if (byNetwork.size < 2) return { networks };
  const days = networkDaily(byNetwork, from, to);
  return { networks, networkDaily: days, networkSeries: networkSeries(days, input.granularity) };
}
