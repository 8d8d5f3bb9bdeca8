import type { Settings } from '../../../../shared/settings-schema';
import type { Day } from '../../dates';
import { AppError } from '../../errors';
import { SOURCES } from '../../sources/registry';
import type { SourceDescription } from '../../sources/source';
import { planRange, type RangePlan } from '../../sync/sync-planner';

export interface SourceRangePlan {
  source: SourceDescription;
  plan: RangePlan;
}

const HINTS = { cli: 'see: follower-pulse sync --help', ui: 'choose days within the last 12 months' } as const;

/**
 * `sync --from --to` and the UI's range re-fetch: the range clipped to what each synced
 * network serves. Refused (USAGE) before any API call when no network can serve any of it.
 */
export function planSyncRange(
  settings: Settings,
  range: { from: Day; to: Day },
  now: Date,
  caller: keyof typeof HINTS,
  sources: readonly SourceDescription[] = SOURCES,
): SourceRangePlan[] {
  const used = sources.filter((s) => settings.accounts.some((a) => a.enabled && a.network === s.id));
  const plans = (used.length > 0 ? used : sources).map((source) => ({ source, plan: planRange(range.from, range.to, source.planSettings(settings), now) }));
  if (plans.some((p) => p.plan.window !== null)) return plans;
  const served = plans.map((p) => `${p.source.displayName} ${p.plan.bounds.oldest} → ${p.plan.bounds.newest}`).join(', ');
  const names = plans.map((p) => p.source.displayName).join(' or ');
  throw new AppError('USAGE', `${range.from} → ${range.to} is outside what ${names} can serve today (${served.replace(/^\S+ /, '')})`, {
    hint: HINTS[caller],
  });
}
