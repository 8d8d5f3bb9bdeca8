import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunAlert } from '../../../shared/run-record';
import type { Settings } from '../../../shared/settings-schema';
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
}

/**
 * The daily sync's goal check: mails the goals that turned at-risk or behind. A home without
 * goals.json costs one access() and loads none of the analytics.
 */
export async function goalAlertsAfterSync(options: GoalAlertsAfterSyncOptions): Promise<RunAlert[]> {
  if (!options.settings.alerts.onGoalStatus) return [];
  try {
    await access(join(options.home, GOALS_FILE));
  } catch {
    return [];
  }
  const [{ sendGoalAlerts }, { listGoals }, { LakeFactsStore }, { lakeFactsCachePath }] = await Promise.all([
    import('../alerts/goal-alerts'),
    import('./insights-goals'),
    import('../derived/lake-facts-store'),
    import('../derived/derived-paths'),
  ]);
  const store = new LakeFactsStore(options.lakeDir, lakeFactsCachePath(options.home));
  const services = { settings: options.settings, facts: () => store.facts(), home: options.home, lakeDir: options.lakeDir, now: options.now };
  return sendGoalAlerts({ home: options.home, settings: options.settings, secrets: options.secrets, logger: options.logger, goals: async () => (await listGoals(services)).goals });
}
