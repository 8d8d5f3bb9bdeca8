import { isNetwork, type Network } from '../../../shared/networks';

/**
 * The lake's layout (contract §6). Keys are lake-relative and always use `/`, so the same key
 * names a local file (under the lake folder) and an S3 object (under bucket/prefix).
 */

export const LAKE_SOURCES = ['api', 'import'] as const;
export type LakeSource = (typeof LAKE_SOURCES)[number];

export const LAKE_TABLES = ['follower_gains', 'follower_totals', 'accounts', 'company_events', 'sync_runs'] as const;
export type LakeTable = (typeof LAKE_TABLES)[number];

export const GAINS_COLUMNS = [
  'day',
  'network',
  'account_id',
  'organic_gain',
  'paid_gain',
  'total_gain',
  'source',
  'fetched_at',
] as const;
export const TOTALS_COLUMNS = ['day', 'network', 'account_id', 'followers', 'source', 'fetched_at'] as const;
export const ACCOUNTS_COLUMNS = ['network', 'account_id', 'name', 'url'] as const;
export const COMPANY_EVENTS_COLUMNS = ['id', 'day', 'end_day', 'network', 'category', 'title', 'notes', 'account_id'] as const;
export const SYNC_RUNS_COLUMNS = [
  'run_id',
  'started_at',
  'finished_at',
  'trigger',
  'status',
  'accounts',
  'days_written',
  'rows_written',
  'api_calls',
  'error_code',
] as const;

export const ACCOUNTS_KEY = 'accounts/accounts.csv';
export const COMPANY_EVENTS_KEY = 'company_events/company_events.csv';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
// Same shape settings accept for a page id; it never contains a path separator.
const ACCOUNT_ID_RE = /^[A-Za-z0-9_.-]{1,64}$/;
// Run ids become file names; a leading dot would hide the file from Athena and DuckDB.
const RUN_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

export function isMonth(value: string): boolean {
  return MONTH_RE.test(value);
}

export function isSafeAccountId(value: string): boolean {
  return ACCOUNT_ID_RE.test(value);
}

export function isSafeRunId(value: string): boolean {
  return RUN_ID_RE.test(value);
}

export function isLakeSource(value: unknown): value is LakeSource {
  return typeof value === 'string' && (LAKE_SOURCES as readonly string[]).includes(value);
}

function checkMonth(month: string): void {
  if (!isMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
}

function accountFileName(network: string, accountId: string, source: string): string {
  if (!isNetwork(network)) throw new RangeError(`Unknown network: ${network}`);
  if (!isSafeAccountId(accountId)) throw new RangeError(`Not a usable account id: ${JSON.stringify(accountId)}`);
  if (!isLakeSource(source)) throw new RangeError(`Unknown source: ${source}`);
  return `${network}-${accountId}-${source}.csv`;
}

function factKey(table: 'follower_gains' | 'follower_totals', month: string, network: string, accountId: string, source: string): string {
  checkMonth(month);
  return `${table}/month=${month}/${accountFileName(network, accountId, source)}`;
}

export function gainsKey(month: string, network: string, accountId: string, source: LakeSource): string {
  return factKey('follower_gains', month, network, accountId, source);
}

export function totalsKey(month: string, network: string, accountId: string, source: LakeSource): string {
  return factKey('follower_totals', month, network, accountId, source);
}

export function syncRunKey(month: string, runId: string): string {
  checkMonth(month);
  if (!isSafeRunId(runId)) throw new RangeError(`Not a usable run id: ${JSON.stringify(runId)}`);
  return `sync_runs/month=${month}/${runId}.csv`;
}

export interface LakeKeyInfo {
  table: LakeTable;
  month?: string;
  network?: Network;
  accountId?: string;
  source?: LakeSource;
  runId?: string;
}

const FACT_KEY_RE = /^(follower_gains|follower_totals)\/month=([^/]+)\/([a-z]+)-([^/]+)-([a-z]+)\.csv$/;
const SYNC_RUN_KEY_RE = /^sync_runs\/month=([^/]+)\/([^/]+)\.csv$/;

function parseFactKey(key: string): LakeKeyInfo | null {
  const m = FACT_KEY_RE.exec(key);
  if (!m) return null;
  const [, table, month, network, accountId, source] = m as unknown as [string, LakeTable, string, string, string, string];
  if (!isMonth(month) || !isNetwork(network) || !isSafeAccountId(accountId) || !isLakeSource(source)) return null;
  return { table, month, network, accountId, source };
}

function parseSyncRunKey(key: string): LakeKeyInfo | null {
  const m = SYNC_RUN_KEY_RE.exec(key);
  if (!m) return null;
  const [, month, runId] = m as unknown as [string, string, string];
  if (!isMonth(month) || !isSafeRunId(runId)) return null;
  return { table: 'sync_runs', month, runId };
}

/**
 * What a lake key holds, or null for anything that is not a lake data file (temporary
 * dot-files, stray files a user dropped in, other extensions).
 */
export function parseLakeKey(key: string): LakeKeyInfo | null {
  if (key === ACCOUNTS_KEY) return { table: 'accounts' };
  if (key === COMPANY_EVENTS_KEY) return { table: 'company_events' };
  return parseFactKey(key) ?? parseSyncRunKey(key);
}
