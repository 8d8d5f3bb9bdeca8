import type { Settings } from '../../../shared/settings-schema';
import type { CoverageView } from '../../../shared/ui-api';
import { dayNumber, dayOfNumber, hasDataOn, type AccountFacts } from '../analytics/daily-facts';
import { addDays } from '../dates';
import type { LakeFacts } from '../derived/lake-facts-store';
import type { PlanWindowBounds } from '../sync/sync-planner';
import { RECENT_GAIN_DAYS } from './coverage-view';

/**
 * lake.coverage from the derived store: the same view as coverageView (coverage-view.ts) without
 * reading every month file of every page on each call. Rows are api over import already.
 */
export function coverageFromFacts(settings: Settings, lake: LakeFacts, bounds: PlanWindowBounds): CoverageView[] {
  return settings.accounts.map((account) => {
    const facts = lake.accounts.get(`${account.network}:${account.id}`);
    const oldest = dayNumber(bounds.oldest);
    const newest = dayNumber(bounds.newest);
    const first = facts ? firstDay(facts) : null;
    const last = facts ? lastDay(facts) : null;
    const presentDays: string[] = [];
    const missingDays: string[] = [];
    for (let n = first === null ? oldest : Math.max(first, oldest); n <= newest; n++) {
      if (facts && hasDataOn(facts, n)) presentDays.push(dayOfNumber(n));
      else missingDays.push(dayOfNumber(n));
    }
    const recentFrom = dayNumber(addDays(bounds.newest, -(RECENT_GAIN_DAYS - 1)));
    const recentGains: CoverageView['recentGains'] = [];
    if (facts) {
      for (let n = Math.max(recentFrom, facts.start); n <= newest; n++) {
        if (!hasDataOn(facts, n)) continue;
        const i = n - facts.start;
        recentGains.push({ day: dayOfNumber(n), organic: facts.organic[i], paid: facts.paidMissing[i] ? null : facts.paid[i], total: facts.total[i] });
      }
    }
    return {
      network: account.network,
      accountId: account.id,
      name: account.name,
      firstDay: first === null ? null : dayOfNumber(first),
      lastDay: last === null ? null : dayOfNumber(last),
      windowStart: bounds.oldest,
      windowEnd: bounds.newest,
      presentDays,
      missingDays,
      totalFollowers: facts && facts.snapshotValues.length > 0 ? facts.snapshotValues[facts.snapshotValues.length - 1] : null,
      recentGains,
    };
  });
}

function firstDay(facts: AccountFacts): number | null {
  return facts.length > 0 ? facts.start : null;
}

function lastDay(facts: AccountFacts): number | null {
  return facts.length > 0 ? facts.start + facts.length - 1 : null;
}
