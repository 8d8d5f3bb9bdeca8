import type { ForecastDocument, ForecastRequest } from '../../../shared/insights';
import { buildForecast } from '../analytics/forecast';
import { selectionFollowersAt } from '../analytics/followers';
import { newestDataDay, selectionDay } from '../analytics/selection';
import { AppError } from '../errors';
import { noDataError, selectAccounts, type InsightsServices } from './insights-selection';

export const MAX_HORIZON_DAYS = 730;
/** Two years of daily gains are plenty for a damped trend and keep the fit fast for 200 pages. */
const HISTORY_DAYS = 730;

export async function insightsForecast(services: InsightsServices, request: ForecastRequest): Promise<ForecastDocument> {
  if (!Number.isSafeInteger(request.horizon) || request.horizon < 1 || request.horizon > MAX_HORIZON_DAYS) {
    throw new AppError('USAGE', `The horizon must be a whole number of days from 1 to ${MAX_HORIZON_DAYS}`, { hint: 'see: follower-pulse forecast --help' });
  }
  const lake = await services.facts();
  const facts = selectAccounts(services.settings, lake, request.accounts).map((s) => s.facts);
  const asOf = newestDataDay(facts);
  if (asOf === null) throw noDataError();
  const first = Math.max(asOf - HISTORY_DAYS + 1, Math.min(...facts.map((f) => f.start)));
  const series: (number | null)[] = [];
  for (let n = first; n <= asOf; n++) {
    const day = selectionDay(facts, n);
    series.push(day.complete ? day.total : null);
  }
  while (series.length > 1 && series[0] === null) series.shift();
  return buildForecast({ series, asOf, followers: selectionFollowersAt(facts, asOf)?.value ?? null, horizon: request.horizon });
}
