import type { ReportDocument } from '../insights';

export interface DailyPoint {
  day: string;
  organic: number;
  paid: number;
  total: number;
  followers: number | null;
  reconstructed: boolean;
  hasData: boolean;
}

/**
 * The report's daily values for the charts: its `daily` list, or, from a day-granularity
 * report without one, its series (one bucket per day).
 */
export function dailyPoints(report: ReportDocument): DailyPoint[] | null {
  if (report.daily) return report.daily;
  if (report.granularity !== 'day') return null;
  return report.series.map((p) => ({
    day: p.bucket,
    organic: p.organic,
    paid: p.paid,
    total: p.total,
    followers: p.followers,
    reconstructed: p.reconstructed,
    hasData: p.daysWithData > 0,
  }));
}

/**
 * Splits followers into the solid (snapshot) and dashed (reconstructed) lines. A point where
 * the two meet is in both, so the line continues across the change of style; a missing day is
 * in neither, so the line breaks there.
 */
export function followerLines(points: readonly DailyPoint[]): { snapshot: (number | null)[]; reconstructed: (number | null)[] } {
  const value = (p: DailyPoint): number | null => (p.hasData ? p.followers : null);
  const snapshot = points.map((p) => (p.reconstructed ? null : value(p)));
  const reconstructed = points.map((p, i) => {
    if (value(p) === null) return null;
    if (p.reconstructed) return value(p);
    const touches = (points[i - 1]?.reconstructed && value(points[i - 1]) !== null) || (points[i + 1]?.reconstructed && value(points[i + 1]) !== null);
    return touches ? value(p) : null;
  });
  return { snapshot, reconstructed };
}
