import type { ErrorCode } from '../../../shared/error-codes';
import type { AccountRunResult, RunRecord, RunWarning } from '../../../shared/run-record';
import { addDays, type Day, daysBetween, isDay, utcDay } from '../dates';
import type { Settings } from '../../../shared/settings-schema';
import { findSource, SOURCES } from '../sources/registry';

/**
 * Which alert e-mails a finished run calls for (pure). Each alert carries the condition keys
 * it covers; a key already sent today is not sent again, so a run repeated the same day (tray
 * "Sync now" after the scheduled run) does not mail the same news twice, while the next day
 * reminds again.
 */

export interface AlertPage {
  network: string;
  accountId: string;
  /** The page's name as the user entered it; may be empty. */
  name: string;
}

export interface NoDataAlert {
  kind: 'no-data';
  keys: string[];
  runId: string;
  /** The day LinkedIn did not return. */
  day: Day;
  /** Empty only for a record that says no-data without naming an account. */
  pages: AlertPage[];
}

export interface FailureProblem {
  code: ErrorCode;
  /** The engine's English one-line message (kept as technical detail). */
  message: string;
  /** Null for run-wide failures (local lake, S3). */
  page: AlertPage | null;
}

export interface FailureAlert {
  kind: 'failure';
  keys: string[];
  runId: string;
  status: 'failed' | 'partial';
  /** The UTC day the run started. */
  runDay: Day;
  /** At least one; the first is the main one. */
  problems: FailureProblem[];
}

export interface TokenExpiryAlert {
  kind: 'token-expiry';
  keys: string[];
  runId: string;
  expired: boolean;
  /** Null when only a warning without a date is known. */
  expiresOn: Day | null;
  /** Days from today to expiresOn; negative once expired. */
  daysLeft: number | null;
  /** LinkedIn did not say when the token expires: expiresOn is 60 days after it was stored. */
  isEstimate: boolean;
  storedOn: Day | null;
}

export interface VersionSunsetAlert {
  kind: 'version-sunset';
  keys: string[];
  runId: string;
  /** LinkedIn refused the configured version and the run fell back to `used`. */
  fallback: boolean;
  configured: string;
  used: string;
  /** Around when LinkedIn retires the configured version. */
  sunsetOn: Day | null;
}

/** A damaged lake file the run left alone (issue 9 item 7): new days landed, its days did not. */
export interface DamagedFileAlert {
  kind: 'damaged-file';
  keys: string[];
  runId: string;
  /** The run's LAKE_FILE_DAMAGED warnings: each names the file and the fix. */
  messages: string[];
}

export type PendingAlert = NoDataAlert | FailureAlert | TokenExpiryAlert | VersionSunsetAlert | DamagedFileAlert;

export interface TokenInfo {
  storedAt?: string;
  expiresAt?: string | null;
  expiresAtIsEstimate?: boolean;
}

export interface AlertContext {
  settings: Settings;
  /** `${network}:${id}` → page name; settings.accounts is the fallback. */
  accountNames: Record<string, string>;
  /** Condition key → the day it was last sent. */
  alertsSent: Record<string, string>;
  today: Day;
  tokenInfo?: TokenInfo;
}

export function decideAlerts(record: RunRecord, ctx: AlertContext): PendingAlert[] {
  const wasSentToday = (key: string): boolean => ctx.alertsSent[key] === ctx.today;
  const failure = ctx.settings.alerts.onFailure ? failureAlert(record, ctx, wasSentToday) : null;
  const noData = ctx.settings.alerts.onNoData ? noDataAlerts(record, ctx, wasSentToday) : [];
  const token = tokenExpiryAlert(record, ctx, wasSentToday);
  const version = versionSunsetAlert(record, ctx, wasSentToday);
  const damaged = ctx.settings.alerts.onFailure ? damagedFileAlert(record, wasSentToday) : null;
  return [failure, ...noData, token, version, damaged].filter((a): a is PendingAlert => a !== null);
}

// ---------------------------------------------------------------- no data

function noDataAlerts(record: RunRecord, ctx: AlertContext, wasSentToday: (key: string) => boolean): NoDataAlert[] {
  const newest = newestSettledDay(record, ctx);
  const healthy = record.accounts.filter((a) => a.error === null);
  let missing: { account: AccountRunResult; day: Day }[] = healthy
    .map((account) => ({ account, day: newestSettledDay(record, ctx, account.network) }))
    .filter(({ account, day }) => account.missingDays.includes(day));
  // The record is the authority on its status: if it says no-data but our newest day differs
  // (settings changed since the run), alert on each account's newest missing day instead.
  if (missing.length === 0 && record.status === 'no-data') {
    missing = healthy
      .filter((a) => a.missingDays.length > 0)
      .map((account) => ({ account, day: [...account.missingDays].sort().at(-1) ?? newest }));
  }
  if (missing.length === 0) {
    if (record.status !== 'no-data') return [];
    const key = `no-data:${newest}`;
    return wasSentToday(key) ? [] : [{ kind: 'no-data', keys: [key], runId: record.runId, day: newest, pages: [] }];
  }
  const byDay = new Map<Day, NoDataAlert>();
  for (const { account, day } of missing) {
    const key = `no-data:${account.network}:${account.accountId}:${day}`;
    if (wasSentToday(key)) continue;
    const alert = byDay.get(day) ?? { kind: 'no-data', keys: [], runId: record.runId, day, pages: [] };
    alert.keys.push(key);
    alert.pages.push(pageOf(account, ctx));
    byDay.set(day, alert);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** today − lagDays (of the account's network) as of the run's start, the same day the runner judged "no data" on. */
export function newestSettledDay(record: Pick<RunRecord, 'startedAt'>, ctx: Pick<AlertContext, 'settings' | 'today'>, network?: string): Day {
  const started = new Date(record.startedAt);
  const runDay = Number.isNaN(started.getTime()) ? ctx.today : utcDay(started);
  const source = (network === undefined ? undefined : findSource(network)) ?? SOURCES[0];
  return addDays(runDay, -source.planSettings(ctx.settings).lagDays);
}

// ---------------------------------------------------------------- failure

function failureAlert(record: RunRecord, ctx: AlertContext, wasSentToday: (key: string) => boolean): FailureAlert | null {
  if (record.status !== 'failed' && record.status !== 'partial') return null;
  const problems = failureProblems(record, ctx).filter((p) => !wasSentToday(failureKey(p.code)));
  if (problems.length === 0) return null;
  return {
    kind: 'failure',
    keys: [...new Set(problems.map((p) => failureKey(p.code)))],
    runId: record.runId,
    status: record.status,
    runDay: runDayOf(record, ctx.today),
    problems,
  };
}

function failureKey(code: string): string {
  return `failure:${code}`;
}

function failureProblems(record: RunRecord, ctx: AlertContext): FailureProblem[] {
  const problems: FailureProblem[] = record.accounts
    .filter((a) => a.error !== null)
    .map((a) => ({ code: a.error!.code, message: a.error!.message, page: pageOf(a, ctx) }));
  // A run-wide error (lake, S3) is not tied to an account; skip it when it only repeats one.
  const runError = record.error;
  if (runError && !problems.some((p) => p.code === runError.code && p.message === runError.message)) {
    problems.push({ code: runError.code, message: runError.message, page: null });
  }
  if (problems.length === 0) problems.push({ code: 'INTERNAL', message: `The run ended with status ${record.status}`, page: null });
  return problems;
}

// ---------------------------------------------------------------- token expiry

const TOKEN_WARNINGS = new Set(['LINKEDIN_TOKEN_EXPIRED', 'LINKEDIN_TOKEN_EXPIRES_SOON']);

function tokenExpiryAlert(record: RunRecord, ctx: AlertContext, wasSentToday: (key: string) => boolean): TokenExpiryAlert | null {
  const warning = record.warnings.find((w) => TOKEN_WARNINGS.has(w.code));
  const fromInfo = tokenFromInfo(ctx.tokenInfo, ctx.today);
  const withinWindow = fromInfo !== null && fromInfo.daysLeft !== null && fromInfo.daysLeft <= ctx.settings.alerts.tokenExpiryWarningDays;
  if (!warning && !withinWindow) return null;
  const facts = fromInfo ?? tokenFromWarning(warning!, ctx.today);
  // A run that failed on the expired token already mails it as a failure.
  const failureCovers =
    facts.expired &&
    ctx.settings.alerts.onFailure &&
    (record.status === 'failed' || record.status === 'partial') &&
    failureProblems(record, ctx).some((p) => p.code === 'LINKEDIN_TOKEN_EXPIRED');
  if (failureCovers) return null;
  const key = `token-expiry:linkedin:${facts.expired ? 'expired' : 'expires-soon'}`;
  if (wasSentToday(key)) return null;
  return { kind: 'token-expiry', keys: [key], runId: record.runId, ...facts };
}

type TokenFacts = Pick<TokenExpiryAlert, 'expired' | 'expiresOn' | 'daysLeft' | 'isEstimate' | 'storedOn'>;

function tokenFromInfo(info: TokenInfo | undefined, today: Day): TokenFacts | null {
  const expiresOn = dayOfInstant(info?.expiresAt ?? null);
  if (expiresOn === null) return null;
  const daysLeft = daysBetween(today, expiresOn);
  return {
    expired: daysLeft < 0,
    expiresOn,
    daysLeft,
    isEstimate: info?.expiresAtIsEstimate === true,
    storedOn: dayOfInstant(info?.storedAt ?? null),
  };
}

/** The run's warning is English prose; the date and the estimate flag are all it tells. */
function tokenFromWarning(warning: RunWarning, today: Day): TokenFacts {
  const expiresOn = firstDayIn(warning.message);
  return {
    expired: warning.code === 'LINKEDIN_TOKEN_EXPIRED',
    expiresOn,
    daysLeft: expiresOn === null ? null : daysBetween(today, expiresOn),
    isEstimate: /\bestimat/i.test(warning.message),
    storedOn: null,
  };
}

// ---------------------------------------------------------------- API version

function versionSunsetAlert(record: RunRecord, ctx: AlertContext, wasSentToday: (key: string) => boolean): VersionSunsetAlert | null {
  const fallback = record.warnings.find((w) => w.code === 'LINKEDIN_VERSION_FALLBACK');
  const sunset = record.warnings.find((w) => w.code === 'LINKEDIN_VERSION_SUNSET_SOON');
  const warning = fallback ?? sunset;
  if (!warning) return null;
  const versions = [...warning.message.matchAll(/\b(\d{6}(?:\.\d{2})?)\b/g)].map((m) => m[1]);
  // The warning names the version the run actually had; settings are the fallback.
  const configured = versions[0] ?? ctx.settings.linkedin.apiVersion;
  const used = fallback ? (versions[1] ?? configured) : configured;
  const key = `version-sunset:linkedin:${configured}:${fallback ? 'fallback' : 'sunset-soon'}`;
  if (wasSentToday(key)) return null;
  return {
    kind: 'version-sunset',
    keys: [key],
    runId: record.runId,
    fallback: fallback !== undefined,
    configured,
    used,
    sunsetOn: versionSunsetDay(configured),
  };
}

/** The networks that version their API say when a version retires; the first that knows wins. */
function versionSunsetDay(version: string): Day | null {
  for (const source of SOURCES) {
    const day = source.apiVersionSunsetDay?.(version) ?? null;
    if (day !== null) return day;
  }
  return null;
}

// ---------------------------------------------------------------- damaged lake file

function damagedFileAlert(record: RunRecord, wasSentToday: (key: string) => boolean): DamagedFileAlert | null {
  const fresh = record.warnings
    .filter((w) => w.code === 'LAKE_FILE_DAMAGED')
    .map((w) => ({ key: `damaged-file:${/data file (.+?) is damaged/.exec(w.message)?.[1] ?? w.message}`, message: w.message }))
    .filter((w) => !wasSentToday(w.key));
  if (fresh.length === 0) return null;
  return { kind: 'damaged-file', keys: fresh.map((w) => w.key), runId: record.runId, messages: fresh.map((w) => w.message) };
}

// ---------------------------------------------------------------- de-duplication state

/** How long sent keys are remembered; no-data keys carry their day, so they would pile up. */
export const ALERTS_SENT_KEEP_DAYS = 30;

/** The alertsSent map after `keys` went out today, with entries older than the window dropped. */
export function markAlertsSent(alertsSent: Record<string, string>, keys: readonly string[], today: Day): Record<string, string> {
  const oldest = addDays(today, -ALERTS_SENT_KEEP_DAYS);
  const next: Record<string, string> = {};
  for (const [key, day] of Object.entries(alertsSent)) if (isDay(day) && day >= oldest) next[key] = day;
  for (const key of keys) next[key] = today;
  return next;
}

// ---------------------------------------------------------------- helpers

function pageOf(account: Pick<AccountRunResult, 'network' | 'accountId'>, ctx: AlertContext): AlertPage {
  const named = ctx.accountNames[`${account.network}:${account.accountId}`];
  const configured = ctx.settings.accounts.find((a) => a.network === account.network && a.id === account.accountId)?.name;
  return { network: account.network, accountId: account.accountId, name: named ?? configured ?? '' };
}

function runDayOf(record: RunRecord, today: Day): Day {
  return dayOfInstant(record.startedAt) ?? today;
}

function dayOfInstant(value: string | null): Day | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : utcDay(date);
}

function firstDayIn(text: string): Day | null {
  const match = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text);
  return match && isDay(match[1]) ? match[1] : null;
}
