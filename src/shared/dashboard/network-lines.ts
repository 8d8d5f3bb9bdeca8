import type { ReportDocument, ReportNetworkBucket, ReportNetworkDay, ReportNetworkLine } from '../insights';
import type { Network } from '../networks';

/** One network's followers over the period, as drawn: a value per day or null (a gap). */
export interface NetworkLine {
  network: Network;
  days: string[];
  followers: (number | null)[];
  /** followers / base × 100 (one decimal); null where followers is null or there is no base. */
  indexed: (number | null)[];
  /** The figure the index divides by: the followers at the start of the period, or at its first count. */
  base: number | null;
  /** Set when the base is not the period's start: the day of the network's first count. */
  indexedFromDay: string | null;
}

/**
 * Each network's followers, absolute and indexed to 100 at the period start: the same base as
 * the table's growth (followers at the end of the day before the period), so the index at the
 * end reads 100 + growth %. A network without a count by then (one counted only since the
 * middle of the period) is indexed from its first count, and `indexedFromDay` says so.
 */
export function networkFollowerLines(report: Pick<ReportDocument, 'from' | 'networks' | 'networkDaily'>): NetworkLine[] {
  const lines = report.networks ?? [];
  const daily = report.networkDaily ?? [];
  return lines.map((line) => {
    const days = daily.filter((d) => d.network === line.network);
    const { base, fromDay } = indexBase(line, days, report.from);
    return {
      network: line.network,
      days: days.map((d) => d.day),
      followers: days.map((d) => d.followers),
      indexed: days.map((d) => (d.followers === null || base === null || base === 0 ? null : Math.round((d.followers / base) * 1000) / 10)),
      base,
      indexedFromDay: fromDay,
    };
  });
}

function indexBase(line: ReportNetworkLine, days: readonly ReportNetworkDay[], from: string): { base: number | null; fromDay: string | null } {
  if (line.followersStart !== null && line.followersStart !== 0 && (line.startDay === undefined || line.startDay === null || line.startDay < from)) {
    return { base: line.followersStart, fromDay: null };
  }
  const first = days.find((d) => d.followers !== null && d.followers !== 0);
  return first ? { base: first.followers, fromDay: first.day } : { base: null, fromDay: null };
}

/** The gains chart's buckets (in order) and each network's net gain per bucket; null = no data, no bar. */
export function networkGainColumns(series: readonly ReportNetworkBucket[]): { buckets: string[]; byNetwork: Map<Network, (number | null)[]> } {
  const buckets = [...new Set(series.map((b) => b.bucket))].sort();
  const position = new Map(buckets.map((b, i) => [b, i]));
  const byNetwork = new Map<Network, (number | null)[]>();
  for (const point of series) {
    const values = byNetwork.get(point.network) ?? buckets.map(() => null);
    values[position.get(point.bucket)!] = point.daysWithData === 0 ? null : point.total;
    byNetwork.set(point.network, values);
  }
  return { buckets, byNetwork };
}

/** Networks with no gains bar at all in the period (counts-only networks such as X). */
export function networksWithoutGains(byNetwork: ReadonlyMap<Network, (number | null)[]>): Network[] {
  return [...byNetwork].filter(([, values]) => values.every((v) => v === null)).map(([network]) => network);
}
