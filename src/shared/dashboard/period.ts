import { isDay } from '../day';
import type { AccountKey, Granularity, ReportPeriod, ReportRequest } from '../insights';

export type PeriodChoice = ReportPeriod | 'custom';

export const PERIOD_CHOICES: readonly PeriodChoice[] = ['7d', '30d', '90d', '365d', 'mtd', 'ytd', 'custom'];

export interface DashboardSelection {
  /** `all`, `network:linkedin`, or an account key `linkedin:2414183`. */
  scope: string;
  period: PeriodChoice;
  customFrom: string;
  customTo: string;
  granularity: Granularity;
}

/** The accounts a scope covers; undefined = every account (the engine's default). */
export function scopeAccounts(scope: string, accounts: readonly { network: string; id: string }[]): AccountKey[] | undefined {
  if (scope === 'all') return undefined;
  if (scope.startsWith('network:')) {
    const network = scope.slice('network:'.length);
    return accounts.filter((a) => a.network === network).map((a) => `${a.network}:${a.id}`);
  }
  return [scope];
}

/**
 * The report request for a selection, or null while a custom range is incomplete or reversed
 * (the picker says why; nothing is asked of the engine until it makes sense).
 */
export function reportRequest(selection: DashboardSelection, accounts: readonly { network: string; id: string }[]): ReportRequest | null {
  const base: ReportRequest = { granularity: selection.granularity };
  const keys = scopeAccounts(selection.scope, accounts);
  if (keys) base.accounts = keys;
  if (selection.period !== 'custom') return { ...base, period: selection.period };
  const { customFrom: from, customTo: to } = selection;
  if (!isDay(from) || !isDay(to) || from > to) return null;
  return { ...base, from, to };
}
