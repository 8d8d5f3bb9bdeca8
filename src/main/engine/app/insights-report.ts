import type { Granularity, ReportDocument, ReportRequest } from '../../../shared/insights';
import { dayOfNumber } from '../analytics/daily-facts';
import { resolvePeriod } from '../analytics/period';
import { buildReport } from '../analytics/report';
import { newestDataDay } from '../analytics/selection';
import { noDataError, selectAccounts, type InsightsServices } from './insights-selection';

export const DEFAULT_GRANULARITY: Granularity = 'day';

/** `report` / insights.report (contract §8): one implementation for the CLI and the UI. */
export async function insightsReport(services: InsightsServices, request: ReportRequest): Promise<ReportDocument> {
  const lake = await services.facts();
  const selected = selectAccounts(services.settings, lake, request.accounts);
  const newest = newestDataDay(selected.map((s) => s.facts));
  if (newest === null) throw noDataError();
  const range = resolvePeriod(request, dayOfNumber(newest));
  return buildReport({ accounts: selected, range, granularity: request.granularity ?? DEFAULT_GRANULARITY });
}
