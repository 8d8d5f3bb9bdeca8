import type { AccountRunResult, RunRecord, RunTrigger, RunWarning } from '../../../shared/run-record';
import { type Day, dayRange, utcDay } from '../dates';
import { AppError, toAppError } from '../errors';
import type { RunHistory } from '../history/run-history';
import type { LakeDestination } from '../lake/lake-destination';
import type { GainRow, TotalRow } from '../lake/lake-rows';
import { emptyLakeWriteResult, type LakeWriteResult, type LocalLake, mergeLakeWriteResults } from '../lake/local-lake';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { AccountSettings, Settings } from '../../../shared/settings-schema';
import { LinkedInClient } from '../sources/linkedin/linkedin-client';
import type { LinkedInClientOptions } from '../sources/linkedin/types';
import { forEachLimited } from '../lake/for-each-limited';
import { newRunId } from './run-id';
import { deliverRun } from './deliver-run';
import { runStatus } from './run-status';
import { type AccountPlan, missingDays, planAccount, planBounds, planRange, type PlanWindowBounds } from './sync-planner';
import { tokenExpiryWarnings, versionWarnings } from './sync-warnings';

/** Fetch → validate → rows → local lake → run record (contract §5–§7). The lock is the caller's. */
export interface SyncDeps {
  settings: Settings;
  now: () => Date;
  secrets: SecretStore;
  lake: LocalLake;
  history: RunHistory;
  logger: Logger;
  /** One human line per step, for stderr or a progress bar. */
  progress?: (event: SyncProgress) => void;
  createLinkedInClient?: (options: LinkedInClientOptions) => LinkedInClient;
  tokenInfo?: { expiresAt?: string | null; expiresAtIsEstimate?: boolean };
  /** Extra destinations after the local lake (S3); each reports its own failure. */
  destinations?: LakeDestination[];
  /** Sends the alerts the finished run calls for; never throws (an SMTP failure is recorded). */
  alerter?: (record: RunRecord) => Promise<RunRecord['alerts']>;
}

const ACCOUNT_CONCURRENCY = 3;

export interface SyncRequest {
  trigger: RunTrigger;
  accountId?: string;
  range?: { from: Day; to: Day };
}

export interface SyncProgress {
  kind: 'account-start' | 'account-done' | 'account-failed' | 'note';
  message: string;
  accountIndex?: number;
  accountCount?: number;
}

interface AccountOutcome {
  result: AccountRunResult;
  written: LakeWriteResult;
  newestMissing: boolean;
}


export function selectAccounts(settings: Settings, accountId?: string): AccountSettings[] {
  const enabled = settings.accounts.filter((a) => a.enabled && a.network === 'linkedin');
  if (accountId === undefined) {
    if (enabled.length === 0) {
      throw new AppError('NO_ACCOUNTS', 'No LinkedIn page is set up to sync', {
        hint: 'add one in Settings › Pages or run: follower-pulse accounts add linkedin ORG_ID',
      });
    }
    return enabled;
  }
  const match = settings.accounts.filter((a) => a.id === accountId);
  if (match.length === 0) {
    throw new AppError('USAGE', `No tracked page has the id ${accountId}`, { hint: 'see: follower-pulse accounts list' });
  }
  return match;
}

export async function runSync(deps: SyncDeps, request: SyncRequest): Promise<RunRecord> {
  const startedAt = deps.now();
  const runId = newRunId(startedAt);
  const accounts = selectAccounts(deps.settings, request.accountId);
  deps.logger.info('sync.start', { runId, trigger: request.trigger, accounts: accounts.length });
  await deps.lake.cleanupTemporaryFiles();

  const client = createClient(deps);
  // A few pages at a time: the run's wall time is LinkedIn's latency, not our work, and a
  // small limit stays well inside LinkedIn's throttling.
  const outcomes: AccountOutcome[] = new Array<AccountOutcome>(accounts.length);
  await forEachLimited([...accounts.entries()], ACCOUNT_CONCURRENCY, async ([index, account]) => {
    outcomes[index] = await syncAccount(deps, client, account, request, startedAt, { index, count: accounts.length });
  });

  let written = outcomes.reduce((sum, o) => mergeLakeWriteResults(sum, o.written), emptyLakeWriteResult());
  let lakeError: AppError | null = null;
  try {
    written = mergeLakeWriteResults(written, await deps.lake.writeAccounts(accountRows(deps.settings)));
  } catch (error) {
    lakeError = toAppError(error, 'LAKE_WRITE_FAILED');
  }
  const lakeFailedForAccount = outcomes.find((o) => o.result.error?.code === 'LAKE_WRITE_FAILED')?.result.error;
  if (lakeError === null && lakeFailedForAccount) lakeError = new AppError('LAKE_WRITE_FAILED', lakeFailedForAccount.message);

  const warnings: RunWarning[] = [
    ...versionWarnings(deps.settings.linkedin.apiVersion, client.versionFallbackUsed?.used ?? null, startedAt),
    ...tokenExpiryWarnings(deps.tokenInfo, deps.settings.alerts.tokenExpiryWarningDays, startedAt),
  ];
  const results = outcomes.map((o) => o.result);
  const statusInputs = {
    accounts: results,
    accountsWithoutNewestDay: outcomes.filter((o) => o.newestMissing && o.result.error === null).length,
    lakeFailed: lakeError !== null,
  };
  const firstError = lakeError ?? results.find((r) => r.error !== null)?.error ?? null;
  const record: RunRecord = {
    runId,
    trigger: request.trigger,
    startedAt: startedAt.toISOString(),
    finishedAt: deps.now().toISOString(),
    status: runStatus({ ...statusInputs, destinationFailures: 0 }),
    accounts: results,
    apiCalls: client.apiCalls,
    bytesWritten: written.bytesWritten,
    destinations: ['local'],
    alerts: [],
    warnings,
    error: firstError === null ? null : { code: firstError.code, message: firstError.message },
  };
  return deliverRun(deps, { record, written, status: statusInputs });
}

function createClient(deps: SyncDeps): LinkedInClient {
  let token: Promise<string> | undefined;
  const options: LinkedInClientOptions = {
    apiBaseUrl: deps.settings.linkedin.apiBaseUrl,
    apiVersion: deps.settings.linkedin.apiVersion,
    now: deps.now,
    getAccessToken: () => (token ??= loadToken(deps.secrets)),
  };
  return (deps.createLinkedInClient ?? ((o) => new LinkedInClient(o)))(options);
}

async function loadToken(secrets: SecretStore): Promise<string> {
  const value = await secrets.get('linkedin.accessToken');
  if (value === null || value.trim() === '') {
    throw new AppError('LINKEDIN_TOKEN_MISSING', 'No LinkedIn access token is stored', {
      hint: 'open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken',
    });
  }
  return value.trim();
}

async function syncAccount(
  deps: SyncDeps,
  client: LinkedInClient,
  account: AccountSettings,
  request: SyncRequest,
  startedAt: Date,
  position: { index: number; count: number },
): Promise<AccountOutcome> {
  const label = accountLabel(account);
  const base = { network: account.network, accountId: account.id };
  const progress = (kind: SyncProgress['kind'], message: string): void =>
    deps.progress?.({ kind, message, accountIndex: position.index, accountCount: position.count });
  let plan: AccountPlan = { daysRequested: [], windows: [] };
  try {
    const coverage = await deps.lake.coverage(account.network, account.id);
    const bounds = planBounds(startedAt, deps.settings.linkedin);
    plan = request.range ? planForRange(request.range, deps.settings, startedAt) : planAccount(coverage, deps.settings.linkedin, startedAt);
    progress('account-start', describePlan(label, plan));
    const fetchedAt = startedAt.toISOString();
    const wanted = new Set(plan.daysRequested);
    const gains: GainRow[] = [];
    // The total is independent of the daily gains: ask for both at once. A range re-fetch
    // touches exactly its range, so it takes no totals snapshot.
    const [fetched, followers] = await Promise.all([
      Promise.all(plan.windows.map((w) => client.fetchFollowerGains(account.id, w.from, w.to))),
      request.range ? Promise.resolve(null) : client.fetchFollowerCount(account.id),
    ]);
    for (const windowGains of fetched) {
      for (const gain of windowGains) {
        if (!wanted.has(gain.day)) continue;
        gains.push({
          day: gain.day,
          network: account.network,
          accountId: account.id,
          organicGain: gain.organic,
          paidGain: gain.paid,
          totalGain: gain.organic + gain.paid,
          source: 'api',
          fetchedAt,
        });
      }
    }
    const totals: TotalRow[] =
      followers === null ? [] : [{ day: utcDay(startedAt), network: account.network, accountId: account.id, followers, source: 'api', fetchedAt }];
    const gainsWritten = await deps.lake.mergeGains(gains);
    const written = mergeLakeWriteResults(gainsWritten, await deps.lake.mergeTotals(totals));
    const present = new Set([...coverage.days, ...gains.map((g) => g.day)]);
    const firstDay = earliest(coverage.firstDay, gains[0]?.day ?? null);
    const missing = request.range
      ? plan.daysRequested.filter((d) => !present.has(d))
      : missingDays(present, firstDay, bounds);
    const newestMissing = !request.range && !present.has(bounds.newest);
    progress('account-done', describeDone(label, gainsWritten, missing, bounds));
    return {
      result: { ...base, daysRequested: plan.daysRequested, daysWritten: gainsWritten.daysWritten.length, rowsWritten: written.rowsWritten, missingDays: missing, error: null },
      written,
      newestMissing,
    };
  } catch (error) {
    const appError = toAppError(error);
    const message = `${label}: ${appError.oneLine()}`;
    deps.logger.error('sync.account-failed', { network: account.network, accountId: account.id, code: appError.code, message: appError.message });
    progress('account-failed', message);
    return {
      result: { ...base, daysRequested: plan.daysRequested, daysWritten: 0, rowsWritten: 0, missingDays: [], error: { code: appError.code, message } },
      written: emptyLakeWriteResult(),
      newestMissing: false,
    };
  }
}

function planForRange(range: { from: Day; to: Day }, settings: Settings, now: Date): AccountPlan {
  const plan = planRange(range.from, range.to, settings.linkedin, now);
  if (plan.window === null) return { daysRequested: [], windows: [] };
  return { daysRequested: dayRange(plan.window.from, plan.window.to), windows: [plan.window] };
}

function earliest(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function accountLabel(account: { network: string; id: string; name?: string }): string {
  const network = account.network === 'linkedin' ? 'LinkedIn' : account.network;
  return account.name ? `${account.name} (${network} ${account.id})` : `${network} page ${account.id}`;
}

function describePlan(label: string, plan: AccountPlan): string {
  const n = plan.daysRequested.length;
  if (n === 0) return `${label}: nothing to fetch`;
  return `${label}: fetching ${n} day${n === 1 ? '' : 's'} (${plan.daysRequested[0]} → ${plan.daysRequested[n - 1]})`;
}

function describeDone(label: string, written: LakeWriteResult, missing: Day[], bounds: PlanWindowBounds): string {
  const days = written.daysWritten.length;
  const changed = days === 0 ? 'no day changed' : `${days} day${days === 1 ? '' : 's'} written`;
  const gaps = missing.length === 0 ? '' : `; missing: ${summarizeDays(missing)}`;
  const newest = missing.includes(bounds.newest) ? ` (no data for ${bounds.newest})` : '';
  return `${label}: ${changed}${gaps}${newest}`;
}

export function summarizeDays(days: readonly Day[]): string {
  if (days.length <= 5) return days.join(', ');
  return `${days.slice(0, 3).join(', ')} … ${days[days.length - 1]} (${days.length} days)`;
}

function accountRows(settings: Settings): { network: string; accountId: string; name: string; url: string }[] {
  return settings.accounts.map((a) => ({
    network: a.network,
    accountId: a.id,
    name: a.name,
    url: a.network === 'linkedin' ? `https://www.linkedin.com/company/${a.id}/` : '',
  }));
}
