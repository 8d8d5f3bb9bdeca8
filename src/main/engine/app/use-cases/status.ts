import type { RunRecord } from '../../../../shared/run-record';
import type { AccountSettings, Settings } from '../../../../shared/settings-schema';
import type { CoverageView } from '../../../../shared/ui-api';
import { RunHistory } from '../../history/run-history';
import { LocalLake } from '../../lake/local-lake';
import { nextDailyRun } from '../../schedule/next-run';
import { type AppState, StateStore } from '../../settings/state-store';
import { findSource, SOURCES } from '../../sources/registry';
import type { SourceDescription } from '../../sources/source';
import { planBounds } from '../../sync/sync-planner';
import { lakeFactsCachePath } from '../../derived/derived-paths';
import type { LakeFacts } from '../../derived/lake-facts-store';
import { lakeFactsStoreFor } from '../../derived/shared-store';
import { accountCoverage, type AccountCoverage, coverageOfFacts, daysOfRanges } from './coverage';

/** `status` and the UI's lake.coverage: the same coverage, missing days and latest total. */
export interface StatusServices {
  home: string;
  lakeDir: string;
  settings: Settings;
  now: Date;
  sources?: readonly SourceDescription[];
}

export interface AccountStatus {
  network: string;
  accountId: string;
  name: string;
  enabled: boolean;
  firstDay: string | null;
  lastDay: string | null;
  daysCovered: number;
  missingDays: string[];
  totalFollowers: number | null;
  tokenExpiresAt: string | null;
}

export interface TokenStatus {
  network: string;
  displayName: string;
  expiresAt: string | null;
  estimate: boolean;
}

export interface StatusReport {
  home: string;
  lakeDir: string;
  accounts: AccountStatus[];
  lastRun: RunRecord | null;
  recentRuns: RunRecord[];
  nextRunAt: string | null;
  destinations: string[];
  tokens: TokenStatus[];
}


/**
 * Every tracked account's coverage, in settings order. Read from the derived copy of the lake
 * (engine/derived: only changed files are read again, so 200 pages × 3 years answer in
 * milliseconds); when that copy cannot be built — a damaged month file — straight from the lake,
 * which leaves damaged files out and names them elsewhere. Either way coverageOfFacts applies
 * the rules.
 */
async function readCoverage(services: StatusServices): Promise<{ account: AccountSettings; coverage: AccountCoverage }[]> {
  const sources = services.sources ?? SOURCES;
  const boundsOf = (account: AccountSettings) => planBounds(services.now, (findSource(account.network, sources) ?? sources[0]).planSettings(services.settings));
  let facts: LakeFacts | null = null;
  try {
    facts = await lakeFactsStoreFor(services.lakeDir, lakeFactsCachePath(services.home)).facts();
  } catch {
    facts = null;
  }
  if (facts !== null) {
    const known = facts;
    return services.settings.accounts.map((account) => {
      return { account, coverage: coverageOfFacts(known.accounts.get(`${account.network}:${account.id}`), boundsOf(account)) };
    });
  }
  const lake = new LocalLake(services.lakeDir);
  return Promise.all(
    services.settings.accounts.map(async (account) => {
      const [gains, totals] = await Promise.all([lake.readGains(account.network, account.id), lake.readTotals(account.network, account.id)]);
      return { account, coverage: accountCoverage(account.network, account.id, gains, totals, boundsOf(account)) };
    }),
  );
}

export async function collectStatus(services: StatusServices): Promise<StatusReport> {
  const { settings, now } = services;
  const state = await new StateStore(services.home).get();
  const sources = services.sources ?? SOURCES;
  const accounts = (await readCoverage(services)).map(({ account, coverage }): AccountStatus => ({
    network: account.network,
    accountId: account.id,
    name: account.name,
    enabled: account.enabled,
    firstDay: coverage.firstDay,
    lastDay: coverage.lastDay,
    daysCovered: coverage.daysCovered,
    missingDays: daysOfRanges(coverage.missingRanges),
    totalFollowers: coverage.totalFollowers,
    tokenExpiresAt: findSource(account.network, sources)?.token.info(state)?.expiresAt ?? null,
  }));
  const recentRuns = await new RunHistory(services.home).list({ limit: 5 });
  return {
    home: services.home,
    lakeDir: services.lakeDir,
    accounts,
    lastRun: recentRuns[0] ?? null,
    recentRuns,
    nextRunAt: settings.schedule.enabled ? nextDailyRun(now, settings.schedule.dailyAt).toISOString() : null,
    destinations: [`local data folder ${services.lakeDir}`, ...(settings.s3.enabled ? [`s3://${settings.s3.bucket}/${settings.s3.prefix}`] : [])],
    tokens: tokenStatuses(state, sources),
  };
}

function tokenStatuses(state: AppState, sources: readonly SourceDescription[]): TokenStatus[] {
  return sources.flatMap((source) => {
    const info = source.token.info(state);
    if (!info) return [];
    return [{ network: source.id, displayName: source.displayName, expiresAt: info.expiresAt ?? null, estimate: info.expiresAtIsEstimate ?? false }];
  });
}

/**
 * lake.coverage: the coverage strip and the last 90 days' gains of every tracked account, as
 * counts and ranges (200 pages × 3 years: ~0.2 MB, not the 1.9 MB of every day listed).
 */
export async function coverageViews(services: StatusServices): Promise<CoverageView[]> {
  return (await readCoverage(services)).map(({ account, coverage }) => {
    return {
      network: account.network,
      accountId: account.id,
      name: account.name,
      firstDay: coverage.firstDay,
      lastDay: coverage.lastDay,
      windowStart: coverage.windowStart,
      windowEnd: coverage.windowEnd,
      presentCount: coverage.presentCount,
      missingRanges: coverage.missingRanges,
      missingCount: coverage.missingCount,
      totalFollowers: coverage.totalFollowers,
      recentGains: coverage.recentGains,
    };
  });
}
