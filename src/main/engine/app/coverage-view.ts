import type { AccountSettings } from '../../../shared/settings-schema';
import type { CoverageView } from '../../../shared/ui-api';
import { addDays, type Day } from '../dates';
import type { GainRow, TotalRow } from '../lake/lake-rows';
import { missingDays, type PlanWindowBounds } from '../sync/sync-planner';

export const RECENT_GAIN_DAYS = 90;

/**
 * One account's coverage strip and recent gains (pure). Rows come sorted by day then source
 * (LocalLake's order); where api and import rows share a day the api row wins (contract §6).
 */
export function coverageView(account: AccountSettings, gains: readonly GainRow[], totals: readonly TotalRow[], bounds: PlanWindowBounds): CoverageView {
  const byDay = preferApi(gains);
  const days = [...byDay.keys()].sort();
  const present = new Set(days);
  const firstDay = days[0] ?? null;
  const recentFrom = addDays(bounds.newest, -(RECENT_GAIN_DAYS - 1));
  return {
    network: account.network,
    accountId: account.id,
    name: account.name,
    firstDay,
    lastDay: days[days.length - 1] ?? null,
    windowStart: bounds.oldest,
    windowEnd: bounds.newest,
    presentDays: days.filter((d) => d >= bounds.oldest && d <= bounds.newest),
    missingDays: missingDays(present, firstDay, bounds),
    totalFollowers: latestTotal(totals),
    recentGains: days
      .filter((d) => d >= recentFrom && d <= bounds.newest)
      .map((d) => {
        const row = byDay.get(d)!;
        return { day: d, organic: row.organicGain, paid: row.paidGain, total: row.totalGain };
      }),
  };
}

function preferApi(rows: readonly GainRow[]): Map<Day, GainRow> {
  const out = new Map<Day, GainRow>();
  for (const row of rows) {
    const held = out.get(row.day);
    if (!held || (held.source !== 'api' && row.source === 'api')) out.set(row.day, row);
  }
  return out;
}

/** The newest day's count; an api snapshot beats an import for the same day. */
function latestTotal(rows: readonly TotalRow[]): number | null {
  let best: TotalRow | null = null;
  for (const row of rows) {
    if (!best || row.day > best.day || (row.day === best.day && row.source === 'api')) best = row;
  }
  return best?.followers ?? null;
}
