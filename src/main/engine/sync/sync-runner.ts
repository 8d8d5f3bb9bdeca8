import type { AccountRunResult, RunRecord, RunTrigger, RunWarning } from '../../../shared/run-record';
import { type Day, dayRange, utcDay } from '../dates';
import { AppError, toAppError } from '../errors';
import type { RunHistory } from '../history/run-history';
import type { LakeDestination } from '../lake/lake-destination';
import type { GainRow, TotalRow } from '../lake/lake-rows';
import { combineLakeWriteResults, emptyLakeWriteResult, type LakeWriteResult, type LocalLake, mergeLakeWriteResults } from '../lake/local-lake';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { AccountSettings, Settings } from '../../../shared/settings-schema';
import { forEachLimited, Limiter } from '../lake/for-each-limited';
import { findSource, SOURCES, sourceFor } from '../sources/registry';
import { SharedBackoff } from '../sources/shared-backoff';
import type { SourceClient, SourceDescription, TokenInfo } from '../sources/source';
import { damagedFileWarning, monthsToLeaveAlone } from '../lake/damaged-files';
import { monthOf } from '../dates';
import { newRunId } from './run-id';
import { deliverRun } from './deliver-run';
import { runStatus } from './run-status';
import { type AccountPlan, missingDays, planAccount, planBounds, planRange, type PlanSettings, type PlanWindowBounds, requestWindows } from './sync-planner';
import { type ProgressText, progressText } from './sync-progress';

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
  /** The networks this run knows; default every registered source (tests add fakes). */
  sources?: readonly SourceDescription[];
  /** What state.json knows of each network's token, by network id. */
  tokenInfo?: Record<string, TokenInfo | undefined>;
  /** Extra destinations after the local lake (S3); each reports its own failure. */
  destinations?: LakeDestination[];
  /** Sends the alerts the finished run calls for; never throws (an SMTP failure is recorded). */
  alerter?: (record: RunRecord) => Promise<RunRecord['alerts']>;
}

export interface SyncRequest {
  trigger: RunTrigger;
  accountId?: string;
  range?: { from: Day; to: Day };
}

export interface SyncProgress {
  kind: 'account-start' | 'account-done' | 'account-failed';
  /** English, for the CLI and the logs. */
  message: string;
  /** The same news as a catalog key and its parameters, for a localised UI. */
  text: ProgressText;
  accountIndex?: number;
  accountCount?: number;
}

interface AccountOutcome {
  result: AccountRunResult;
  written: LakeWriteResult;
  newestMissing: boolean;
  warnings?: RunWarning[];
}


function selectAccounts(settings: Settings, accountId?: string, sources: readonly SourceDescription[] = SOURCES): AccountSettings[] {
  const enabled = settings.accounts.filter((a) => a.enabled && findSource(a.network, sources) !== undefined);
  if (accountId === undefined) {
    if (enabled.length === 0) {
      const commands = sources.map((s) => `follower-pulse accounts add ${s.id} ${s.accountIdPlaceholder}`).join(' or ');
      throw new AppError('NO_ACCOUNTS', 'No page is set up to sync', { hint: `add one in Settings › Pages or run: ${commands}` });
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
  const sources = deps.sources ?? SOURCES;
  const accounts = selectAccounts(deps.settings, request.accountId, sources);
  deps.logger.info('sync.start', { runId, trigger: request.trigger, accounts: accounts.length });
  // A killed run's leftovers are removed while this run works (the walk of a large lake would
  // delay the first request); its failure is the lake's, reported with the run.
  const cleanup = deps.lake.cleanupTemporaryFiles().then(
    () => null,
    (error: unknown) => toAppError(error, 'LAKE_WRITE_FAILED'),
  );

  const clients = new RunClients(deps, sources);
  // A bounded pool: the run's wall time is the APIs' latency, not our work, and the bound
  // (sync.concurrency) keeps hundreds of pages inside the networks' throttling. It bounds the
  // pages being fetched; twice as many pages are in flight, so one page's lake reads and
  // writes overlap the next page's requests instead of holding its network slot.
  const concurrency = deps.settings.sync.concurrency;
  const network = new Limiter(concurrency);
  const outcomes: AccountOutcome[] = new Array<AccountOutcome>(accounts.length);
  await forEachLimited([...accounts.entries()], concurrency * 2, async ([index, account]) => {
    outcomes[index] = await syncAccount(deps, clients, network, account, request, startedAt, { index, count: accounts.length });
  });

  let written = combineLakeWriteResults(outcomes.map((o) => o.written));
  let lakeError: AppError | null = await cleanup;
  try {
    written = mergeLakeWriteResults(written, await deps.lake.writeAccounts(accountRows(deps.settings, sources)));
  } catch (error) {
    lakeError = toAppError(error, 'LAKE_WRITE_FAILED');
  }
  const lakeFailedForAccount = outcomes.find((o) => o.result.error?.code === 'LAKE_WRITE_FAILED')?.result.error;
  if (lakeError === null && lakeFailedForAccount) lakeError = new AppError('LAKE_WRITE_FAILED', lakeFailedForAccount.message);

  const warnings: RunWarning[] = [...clients.warnings(accounts, startedAt), ...outcomes.flatMap((o) => o.warnings ?? [])];
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
    apiCalls: clients.apiCalls,
    bytesWritten: written.bytesWritten,
    destinations: ['local'],
    alerts: [],
    warnings,
    error: firstError === null ? null : { code: firstError.code, message: firstError.message },
  };
  return deliverRun(deps, { record, written, status: statusInputs });
}

/**
 * One client per network for the whole run, created on first use: it remembers what the run
 * learnt (a daily limit, a fallback API version), and one backoff slows every request.
 */
class RunClients {
  readonly #deps: SyncDeps;
  readonly #sources: readonly SourceDescription[];
  readonly #clients = new Map<string, SourceClient>();
  readonly #backoff = new SharedBackoff();

  constructor(deps: SyncDeps, sources: readonly SourceDescription[]) {
    this.#deps = deps;
    this.#sources = sources;
  }

  for(source: SourceDescription): SourceClient {
    let client = this.#clients.get(source.id);
    if (!client) {
      client = source.createClient({ settings: this.#deps.settings, secrets: this.#deps.secrets, now: this.#deps.now, backoff: this.#backoff });
      this.#clients.set(source.id, client);
    }
    return client;
  }

  get apiCalls(): number {
    return [...this.#clients.values()].reduce((sum, c) => sum + c.apiCalls, 0);
  }

  /** Each synced network's own warnings (its API version, its token's expiry). */
  warnings(accounts: readonly AccountSettings[], now: Date): RunWarning[] {
    const networks = new Set(accounts.map((a) => a.network));
    return this.#sources
      .filter((s) => networks.has(s.id))
      .flatMap((s) => s.runWarnings?.({ settings: this.#deps.settings, client: this.#clients.get(s.id) ?? null, now, token: this.#deps.tokenInfo?.[s.id] }) ?? []);
  }
}

async function syncAccount(
  deps: SyncDeps,
  clients: RunClients,
  network: Limiter,
  account: AccountSettings,
  request: SyncRequest,
  startedAt: Date,
  position: { index: number; count: number },
): Promise<AccountOutcome> {
  const label = accountLabel(account, deps.sources ?? SOURCES);
  const name = account.name || account.id;
  const base = { network: account.network, accountId: account.id };
  const progress = (kind: SyncProgress['kind'], [message, text]: [string, ProgressText]): void =>
    deps.progress?.({ kind, message, text, accountIndex: position.index, accountCount: position.count });
  let plan: AccountPlan = { daysRequested: [], window: null };
  const known = findSource(account.network, deps.sources ?? SOURCES);
  try {
    // An account of a network this build cannot sync fails alone, with a USAGE error saying so.
    const source = known ?? sourceFor(account.network, deps.sources ?? SOURCES);
    const client = clients.for(source);
    const planSettings = source.planSettings(deps.settings);
    const coverage = await deps.lake.coverage(account.network, account.id);
    const bounds = planBounds(startedAt, planSettings);
    const gainsStream = source.streams.gains;
    if (gainsStream !== undefined) plan = request.range ? planForRange(request.range, planSettings, startedAt) : planAccount(coverage, planSettings, startedAt);
    const fetchedAt = startedAt.toISOString();
    const wanted = new Set(plan.daysRequested);
    const leaveAlone = request.range ? new Set<string>() : monthsToLeaveAlone(coverage.damagedFiles, bounds.newest, planSettings.lookbackDays);
    const gains: GainRow[] = [];
    // The total is independent of the daily gains: ask for both at once. A range re-fetch
    // touches exactly its range, so it takes no totals snapshot.
    // Decided before any request starts, so no rejection can wait unobserved meanwhile.
    const skipTotal = request.range !== undefined || (await totalAlreadyTaken(deps, source, account, startedAt));
    const [fetched, followers] = await network.run(() => {
      progress('account-start', describePlan(label, name, plan));
      return Promise.all([
        Promise.all(requestWindows(plan.window, gainsStream?.maxWindowDays ?? 1).map((w) => client.fetchGains(account.id, w))),
        skipTotal ? Promise.resolve(null) : client.fetchTotal(account.id),
      ]);
    });
    for (const gain of fetched.flat()) {
      if (!wanted.has(gain.day) || leaveAlone.has(monthOf(gain.day))) continue;
      gains.push({
        day: gain.day,
        network: account.network,
        accountId: account.id,
        organicGain: gain.organicGain,
        paidGain: gain.paidGain,
        totalGain: gain.organicGain + (gain.paidGain ?? 0),
        source: 'api',
        fetchedAt,
      });
    }
    const totals: TotalRow[] =
      followers === null ? [] : [{ day: utcDay(startedAt), network: account.network, accountId: account.id, followers, source: 'api', fetchedAt }];
    const gainsWritten = await deps.lake.mergeGains(gains, { replaceDamaged: request.range !== undefined });
    const written = mergeLakeWriteResults(gainsWritten, await deps.lake.mergeTotals(totals));
    const present = new Set([...coverage.days, ...gains.map((g) => g.day)]);
    const firstDay = earliest(coverage.firstDay, gains[0]?.day ?? null);
    const snapshotsOnly = gainsStream === undefined || client.gainsUnavailable === true;
    const missing = snapshotsOnly
      ? []
      : request.range
        ? plan.daysRequested.filter((d) => !present.has(d))
        : missingDays(present, firstDay, bounds);
    const newestMissing = !snapshotsOnly && !request.range && !present.has(bounds.newest);
    progress('account-done', describeDone(label, name, gainsWritten, missing, bounds));
    return {
      result: { ...base, daysRequested: plan.daysRequested, daysWritten: gainsWritten.daysWritten.length, rowsWritten: written.rowsWritten, missingDays: missing, error: null },
      written,
      newestMissing,
      warnings: coverage.damagedFiles.filter((f) => !written.filesWritten.includes(f.key)).map(damagedFileWarning),
    };
  } catch (error) {
    // The network says what its failures mean (contract §7 codes).
    const appError = known ? known.classifyError(error) : toAppError(error);
    const message = `${label}: ${appError.oneLine()}`;
    deps.logger.error('sync.account-failed', { network: account.network, accountId: account.id, code: appError.code, message: appError.message });
    progress('account-failed', [message, progressText('progress.failed', { account: name, code: appError.code })]);
    return {
      result: { ...base, daysRequested: plan.daysRequested, daysWritten: 0, rowsWritten: 0, missingDays: [], error: { code: appError.code, message } },
      written: emptyLakeWriteResult(),
      newestMissing: false,
    };
  }
}

/** A network whose reads are billed takes one total per account and UTC day: a second run skips it. */
async function totalAlreadyTaken(deps: SyncDeps, source: SourceDescription, account: AccountSettings, startedAt: Date): Promise<boolean> {
  if (source.streams.totals.kind !== 'snapshot-per-utc-day') return false;
  const today = utcDay(startedAt);
  return (await deps.lake.readTotals(account.network, account.id, 'api')).some((row) => row.day === today);
}

function planForRange(range: { from: Day; to: Day }, settings: PlanSettings, now: Date): AccountPlan {
  const plan = planRange(range.from, range.to, settings, now);
  if (plan.window === null) return { daysRequested: [], window: null };
  return { daysRequested: dayRange(plan.window.from, plan.window.to), window: plan.window };
}

function earliest(a: Day | null, b: Day | null): Day | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function accountLabel(account: { network: string; id: string; name?: string }, sources: readonly SourceDescription[] = SOURCES): string {
  const network = findSource(account.network, sources)?.displayName ?? account.network;
  return account.name ? `${account.name} (${network} ${account.id})` : `${network} page ${account.id}`;
}

function describePlan(label: string, account: string, plan: AccountPlan): [string, ProgressText] {
  const n = plan.daysRequested.length;
  if (n === 0) return [`${label}: nothing to fetch`, progressText('progress.nothingToFetch', { account })];
  const from = plan.daysRequested[0];
  const to = plan.daysRequested[n - 1];
  return [`${label}: fetching ${n} day${n === 1 ? '' : 's'} (${from} → ${to})`, progressText('progress.fetching', { account, days: n, from, to })];
}

function describeDone(label: string, account: string, written: LakeWriteResult, missing: Day[], bounds: PlanWindowBounds): [string, ProgressText] {
  const days = written.daysWritten.length;
  const changed = days === 0 ? 'no day changed' : `${days} day${days === 1 ? '' : 's'} written`;
  const gaps = missing.length === 0 ? '' : `; missing: ${summarizeDays(missing)}`;
  const newest = missing.includes(bounds.newest) ? ` (no data for ${bounds.newest})` : '';
  return [`${label}: ${changed}${gaps}${newest}`, progressText('progress.done', { account, written: days, missing: missing.length })];
}

export function summarizeDays(days: readonly Day[]): string {
  if (days.length <= 5) return days.join(', ');
  return `${days.slice(0, 3).join(', ')} … ${days[days.length - 1]} (${days.length} days)`;
}

function accountRows(settings: Settings, sources: readonly SourceDescription[]): { network: string; accountId: string; name: string; url: string }[] {
  return settings.accounts.map((a) => ({
    network: a.network,
    accountId: a.id,
    name: a.name,
    url: findSource(a.network, sources)?.accountUrl(a.id, a.name) ?? '',
  }));
}
