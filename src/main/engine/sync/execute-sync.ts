import type { RunRecord, RunTrigger } from '../../../shared/run-record';
import type { Settings } from '../../../shared/settings-schema';
import type { Day } from '../dates';
import { lakeCoverageMemoPath } from '../derived/derived-paths';
import { RunHistory } from '../history/run-history';
import type { LakeDestination } from '../lake/lake-destination';
import { LocalLake } from '../lake/local-lake';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { resolveLakeDir } from '../settings/home';
import { StateStore } from '../settings/state-store';
import { SOURCES } from '../sources/registry';
import type { SourceDescription, TokenInfo } from '../sources/source';
import { acquireLock } from '../lock/lake-lock';
import { runSync, type SyncProgress } from './sync-runner';

/**
 * One sync as every trigger runs it (CLI, tray, UI, scheduler): take the lake lock, run,
 * deliver to the destinations, send alerts, record. The only place these are wired together.
 */
export interface ExecuteSyncOptions {
  home: string;
  settings: Settings;
  secrets: SecretStore;
  logger: Logger;
  now: () => Date;
  trigger: RunTrigger;
  accountId?: string;
  range?: { from: Day; to: Day };
  alerts?: boolean;
  progress?: (event: SyncProgress) => void;
  /** Tests and embedders may supply destinations; by default S3 when enabled in settings. */
  destinations?: LakeDestination[];
  /** The networks this run knows; default every registered source. */
  sources?: readonly SourceDescription[];
}

export async function executeSync(options: ExecuteSyncOptions): Promise<RunRecord> {
  const lock = await acquireLock(options.home, { trigger: options.trigger, now: options.now });
  try {
    const lake = new LocalLake(resolveLakeDir(options.home, options.settings), { coverageMemoPath: lakeCoverageMemoPath(options.home) });
    const state = new StateStore(options.home);
    const sources = options.sources ?? SOURCES;
    // Renew expiring access tokens first, in the tray app and in headless runs alike; a
    // failed refresh is logged and the run goes on with the token it has.
    for (const source of sourcesInUse(options.settings, sources)) {
      await source.token.refreshIfDue?.({ settings: options.settings, secrets: options.secrets, state, now: options.now, logger: options.logger });
    }
    const appState = await state.get();
    const tokenInfo: Record<string, TokenInfo | undefined> = Object.fromEntries(sources.map((s) => [s.id, s.token.info(appState)]));
    const destinations = options.destinations ?? (await defaultDestinations(options.settings, lake, options.logger, state, options.now));
    const record = await runSync(
      {
        settings: options.settings,
        now: options.now,
        secrets: options.secrets,
        lake,
        history: new RunHistory(options.home),
        logger: options.logger,
        progress: options.progress,
        sources,
        tokenInfo,
        destinations,
        alerter: options.alerts === false ? undefined : async (record) => [...(await sendAlertsIfAny(options, state, record)), ...(await goalAlerts(options, lake.dir))],
      },
      { trigger: options.trigger, accountId: options.accountId, range: options.range },
    );
    await lake.saveCoverageMemo();
    return record;
  } finally {
    await lock.release();
  }
}

function sourcesInUse(settings: Settings, sources: readonly SourceDescription[]): SourceDescription[] {
  return sources.filter((s) => settings.accounts.some((a) => a.enabled && a.network === s.id));
}

async function defaultDestinations(settings: Settings, lake: LocalLake, logger: Logger, state: StateStore, now: () => Date): Promise<LakeDestination[]> {
  if (!settings.s3.enabled) return [];
  // Loaded only when S3 is on: a local-only sync never loads the AWS SDK.
  const { createS3Destination } = await import('../lake/s3-destination');
  const { stateStoreLedger } = await import('../lake/s3-delivery-ledger');
  const destination = await createS3Destination(settings, lake, logger, { ledger: stateStoreLedger(state), now });
  return destination ? [destination] : [];
}

/** Follower goals that turned at-risk or behind (engine/app/insights-goal-alerts.ts). */
async function goalAlerts(options: ExecuteSyncOptions, lakeDir: string): Promise<RunRecord['alerts']> {
  const { goalAlertsAfterSync } = await import('../app/insights-goal-alerts');
  return goalAlertsAfterSync({ home: options.home, lakeDir, settings: options.settings, secrets: options.secrets, logger: options.logger, now: options.now });
}

/** Mail code is loaded only for a run that has something to say. */
async function sendAlertsIfAny(options: ExecuteSyncOptions, state: StateStore, record: RunRecord): Promise<RunRecord['alerts']> {
  const quiet = (record.status === 'success' || record.status === 'up-to-date') && record.warnings.length === 0;
  if (quiet) return [];
  const { sendAlerts } = await import('../alerts/alert-sender');
  const accountNames = Object.fromEntries(options.settings.accounts.map((a) => [`${a.network}:${a.id}`, a.name]));
  return sendAlerts({ record, settings: options.settings, secrets: options.secrets, state, logger: options.logger, now: options.now, accountNames });
}
