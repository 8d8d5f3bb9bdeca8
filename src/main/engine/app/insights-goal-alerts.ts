import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunAlert } from '../../../shared/run-record';
import type { Settings } from '../../../shared/settings-schema';
import type { SmtpTransportOptions } from '../alerts/mail-transport';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { GOALS_FILE } from './insights-json-file';

export interface GoalAlertsAfterSyncOptions {
  home: string;
  lakeDir: string;
  settings: Settings;
  secrets: SecretStore;
  logger: Logger;
  now: () => Date;
  /** For the SMTP transport (e.g. a test server's certificate). */
  transportOptions?: SmtpTransportOptions;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The daily sync's analytics mail: goals that turned at-risk or behind, and the weekly summary
 * when it is on and due. A home with neither loads none of the analytics.
 */
export async function goalAlertsAfterSync(options: GoalAlertsAfterSyncOptions): Promise<RunAlert[]> {
  const { settings } = options;
  const goals = settings.alerts.onGoalStatus && (await exists(join(options.home, GOALS_FILE)));
  const weekly = settings.alerts.weeklySummary;
  if (!goals && !weekly) return [];
  const [{ sendGoalAlerts }, { sendWeeklySummary }, { listGoals }, { insightsReport }, { LakeFactsStore }, { lakeFactsCachePath }] = await Promise.all([
    import('../alerts/goal-alerts'),
    import('../alerts/weekly-summary'),
    import('./insights-goals'),
    import('./insights-report'),
    import('../derived/lake-facts-store'),
    import('../derived/derived-paths'),
  ]);
  const store = new LakeFactsStore(options.lakeDir, lakeFactsCachePath(options.home));
  const services = { settings, facts: () => store.facts(), home: options.home, lakeDir: options.lakeDir, now: options.now };
  const goalViews = async () => (await listGoals(services)).goals;
  const common = { home: options.home, settings, secrets: options.secrets, logger: options.logger, transportOptions: options.transportOptions };
  const alerts: RunAlert[] = [];
  if (goals) alerts.push(...(await sendGoalAlerts({ ...common, goals: goalViews })));
  if (weekly) {
    const reports = async () => ({ week: await insightsReport(services, { period: '7d' }), chart: await insightsReport(services, { period: '90d' }) });
    alerts.push(...(await sendWeeklySummary({ ...common, now: options.now, reports, goals: goalViews })));
  }
  return alerts;
}
