import type { RunRecord } from '../../../../shared/run-record';
import type { AccountSettings, Settings } from '../../../../shared/settings-schema';
import type { CoverageView } from '../../../../shared/ui-api';
import { addDays } from '../../dates';
import { RunHistory } from '../../history/run-history';
import { LocalLake } from '../../lake/local-lake';
import { nextDailyRun } from '../../schedule/next-run';
import { type AppState, StateStore } from '../../settings/state-store';
import { findSource, SOURCES } from '../../sources/registry';
import type { SourceDescription } from '../../sources/source';
import { planBounds } from '../../sync/sync-planner';
import { accountCoverage, type AccountCoverage } from './coverage';

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

const RECENT_GAIN_DAYS = 90;

/** Every tracked account's coverage, read from the local lake, in settings order. */
async function readCoverage(services: StatusServices): Promise<{ account: AccountSettings; coverage: AccountCoverage }[]> {
  const lake = new LocalLake(services.lakeDir);
  const sources = services.sources ?? SOURCES;
  return Promise.all(
    services.settings.accounts.map(async (account) => {
      const [gains, totals] = await Promise.all([lake.readGains(account.network, account.id), lake.readTotals(account.network, account.id)]);
      const source = findSource(account.network, sources) ?? sources[0];
      const bounds = planBounds(services.now, source.planSettings(services.settings));
      return { account, coverage: accountCoverage(gains, totals, bounds) };
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
    missingDays: coverage.missingDays,
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

/** lake.coverage: the coverage strip and the last 90 days' gains of every tracked account. */
export async function coverageViews(services: StatusServices): Promise<CoverageView[]> {
  return (await readCoverage(services)).map(({ account, coverage }) => {
    const recentFrom = addDays(coverage.windowEnd, -(RECENT_GAIN_DAYS - 1));
    return {
      network: account.network,
      accountId: account.id,
      name: account.name,
      firstDay: coverage.firstDay,
      lastDay: coverage.lastDay,
      windowStart: coverage.windowStart,
      windowEnd: coverage.windowEnd,
      presentDays: coverage.presentDays,
      missingDays: coverage.missingDays,
      totalFollowers: coverage.totalFollowers,
      recentGains: coverage.gains
        .filter((row) => row.day >= recentFrom && row.day <= coverage.windowEnd)
        .map((row) => ({ day: row.day, organic: row.organicGain, paid: row.paidGain, total: row.totalGain })),
    };
  });
}
