import { reportRequest } from '../../../shared/dashboard/period';
import type { UiApi } from '../../../shared/ui-api';
import { needsAccountList, readSelection } from './dashboard-selection';
import { prefetchInsights } from './insights-api';

/**
 * Opening the app on the dashboard: its report is asked for at once, alongside the app's own
 * start-up calls and the view's code, instead of after them (boot → view code → page list →
 * report). Nothing is drawn from here; the view takes the answer when it asks the same question.
 */
export function prefetchDashboard(api: UiApi): void {
  const selection = readSelection();
  if (needsAccountList(selection)) return;
  const request = reportRequest(selection, []);
  if (request !== null) prefetchInsights(api, 'insights.report', request);
}
