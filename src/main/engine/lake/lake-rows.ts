import { isDay, monthOf, type Day } from '../dates';
import { AppError } from '../errors';
import { isNetwork, type Network } from '../../../shared/networks';
import { CsvSyntaxError, encodeCsv, parseCsv, type CsvField } from './csv';
import { GAINS_COLUMNS, TOTALS_COLUMNS, isLakeSource, isSafeAccountId, type LakeSource } from './lake-layout';

/** One day's follower gains of one account from one source (a `follower_gains` row). */
export interface GainRow {
  day: Day;
  network: Network;
  accountId: string;
  organicGain: number;
  /** null where the network has no organic/paid split. */
  paidGain: number | null;
  /** Always organicGain + (paidGain ?? 0). */
  totalGain: number;
  source: LakeSource;
  /** ISO-8601 UTC instant the numbers were read. */
  fetchedAt: string;
}

/** One day's follower count of one account from one source (a `follower_totals` row). */
export interface TotalRow {
  day: Day;
  network: Network;
  accountId: string;
  followers: number;
  source: LakeSource;
  fetchedAt: string;
}

export type LakeRow = GainRow | TotalRow;

/** The partition a month file belongs to, taken from its key. */
export interface MonthFileIdentity {
  month: string;
  network: string;
  accountId: string;
  source: LakeSource;
}

const ISO_UTC_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

// A run stamps all its rows with one instant, so the last valid one is remembered: every row
// read is checked, and parsing the same instant for each showed in profiles of large lakes.
let lastIsoUtc = '';

function isIsoUtc(value: string): boolean {
  if (value === lastIsoUtc) return true;
  const valid = ISO_UTC_RE.test(value) && !Number.isNaN(Date.parse(value));
  if (valid) lastIsoUtc = value;
  return valid;
}

/** A reason the row is invalid, or null when it is fine. Shared by reading and writing. */
function identityProblem(row: LakeRow): string | null {
  if (!isDay(row.day)) return `day ${JSON.stringify(row.day)} is not a date (YYYY-MM-DD)`;
  if (!isNetwork(row.network)) return `network ${JSON.stringify(row.network)} is unknown`;
  if (!isSafeAccountId(row.accountId)) return `account_id ${JSON.stringify(row.accountId)} is not a page id`;
  if (!isLakeSource(row.source)) return `source ${JSON.stringify(row.source)} is neither api nor import`;
  if (!isIsoUtc(row.fetchedAt)) return `fetched_at ${JSON.stringify(row.fetchedAt)} is not an ISO-8601 UTC time`;
  return null;
}

export function gainRowProblem(row: GainRow): string | null {
  const identity = identityProblem(row);
  if (identity) return identity;
  if (!Number.isSafeInteger(row.organicGain)) return `organic_gain ${row.organicGain} is not an integer`;
  if (row.paidGain !== null && !Number.isSafeInteger(row.paidGain)) return `paid_gain ${row.paidGain} is not an integer`;
  if (row.totalGain !== row.organicGain + (row.paidGain ?? 0)) {
    return `total_gain ${row.totalGain} is not organic_gain + paid_gain`;
  }
  return null;
}

export function totalRowProblem(row: TotalRow): string | null {
  const identity = identityProblem(row);
  if (identity) return identity;
  if (!Number.isSafeInteger(row.followers) || row.followers < 0) return `followers ${row.followers} is not a count`;
  return null;
}

// ---- encode ---------------------------------------------------------------------------------

function gainFields(row: GainRow): CsvField[] {
  return [row.day, row.network, row.accountId, row.organicGain, row.paidGain, row.totalGain, row.source, row.fetchedAt];
}

function totalFields(row: TotalRow): CsvField[] {
  return [row.day, row.network, row.accountId, row.followers, row.source, row.fetchedAt];
}

export function encodeGains(rows: readonly GainRow[]): string {
  return encodeCsv(GAINS_COLUMNS, sortByDay(rows).map(gainFields));
}

export function encodeTotals(rows: readonly TotalRow[]): string {
  return encodeCsv(TOTALS_COLUMNS, sortByDay(rows).map(totalFields));
}

// ---- decode ---------------------------------------------------------------------------------

class RowProblem extends Error {}

function damagedFile(file: string, detail: string, cause?: unknown): AppError {
  return new AppError('LAKE_WRITE_FAILED', `The local data file ${file} is damaged: ${detail}`, {
    hint: 'restore it from S3 with: follower-pulse mirror, or re-fetch its month with: follower-pulse sync --from DAY --to DAY while LinkedIn still serves it',
    cause,
  });
}

function integer(text: string, column: string): number {
  if (!/^-?\d+$/.test(text)) throw new RowProblem(`${column} ${JSON.stringify(text)} is not an integer`);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RowProblem(`${column} ${text} is too large`);
  return value;
}

function gainFromFields(f: readonly string[]): GainRow {
  const [day, network, accountId, organic, paid, total, source, fetchedAt] = f as [string, string, string, string, string, string, string, string];
  return {
    day,
    network: network as Network,
    accountId,
    organicGain: integer(organic, 'organic_gain'),
    paidGain: paid === '' ? null : integer(paid, 'paid_gain'),
    totalGain: integer(total, 'total_gain'),
    source: source as LakeSource,
    fetchedAt,
  };
}

function totalFromFields(f: readonly string[]): TotalRow {
  const [day, network, accountId, followers, source, fetchedAt] = f as [string, string, string, string, string, string];
  return {
    day,
    network: network as Network,
    accountId,
    followers: integer(followers, 'followers'),
    source: source as LakeSource,
    fetchedAt,
  };
}

function partitionProblem(row: LakeRow, expected: MonthFileIdentity | undefined): string | null {
  if (!expected) return null;
  if (monthOf(row.day) !== expected.month) return `day ${row.day} does not belong to month ${expected.month}`;
  if (row.network !== expected.network || row.accountId !== expected.accountId || row.source !== expected.source) {
    return `row is for ${row.network}-${row.accountId}-${row.source}, not ${expected.network}-${expected.accountId}-${expected.source}`;
  }
  return null;
}

interface RowCodec<T extends LakeRow> {
  columns: readonly string[];
  fromFields: (fields: readonly string[]) => T;
  problem: (row: T) => string | null;
}

const GAIN_CODEC: RowCodec<GainRow> = { columns: GAINS_COLUMNS, fromFields: gainFromFields, problem: gainRowProblem };
const TOTAL_CODEC: RowCodec<TotalRow> = { columns: TOTALS_COLUMNS, fromFields: totalFromFields, problem: totalRowProblem };

function parseOrExplain(text: string, file: string): string[][] {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw damagedFile(file, error.message, error);
    throw error;
  }
}

function checkHeader(header: readonly string[] | undefined, columns: readonly string[], file: string): void {
  if (!header || header.join(',') !== columns.join(',')) {
    throw damagedFile(file, `line 1 should be the header ${columns.join(',')}`);
  }
}

function decodeLine<T extends LakeRow>(codec: RowCodec<T>, fields: readonly string[], expected?: MonthFileIdentity): T {
  if (fields.length !== codec.columns.length) {
    throw new RowProblem(`${fields.length} fields instead of ${codec.columns.length}`);
  }
  const row = codec.fromFields(fields);
  const problem = codec.problem(row) ?? partitionProblem(row, expected);
  if (problem) throw new RowProblem(problem);
  return row;
}

function decodeRows<T extends LakeRow>(codec: RowCodec<T>, text: string, file: string, expected?: MonthFileIdentity): T[] {
  const [header, ...lines] = parseOrExplain(text, file);
  checkHeader(header, codec.columns, file);
  const seen = new Set<Day>();
  return lines.map((fields, index) => {
    const lineNo = index + 2;
    try {
      const row = decodeLine(codec, fields, expected);
      if (seen.has(row.day)) throw new RowProblem(`day ${row.day} appears twice`);
      seen.add(row.day);
      return row;
    } catch (error) {
      if (error instanceof RowProblem) throw damagedFile(file, `line ${lineNo}: ${error.message}`, error);
      throw error;
    }
  });
}

/**
 * Reads a `follower_gains` month file. `file` names it in errors; `expected` (from its key)
 * also checks every row belongs to that month, account and source.
 * @throws AppError LAKE_WRITE_FAILED when the file is not what the lake writes.
 */
export function decodeGains(text: string, file: string, expected?: MonthFileIdentity): GainRow[] {
  return decodeRows(GAIN_CODEC, text, file, expected);
}

/** Reads a `follower_totals` month file; see `decodeGains`. */
export function decodeTotals(text: string, file: string, expected?: MonthFileIdentity): TotalRow[] {
  return decodeRows(TOTAL_CODEC, text, file, expected);
}

/** What could still be read from a month file, and its first problem (null when intact). */
export interface SalvagedRows<T extends LakeRow> {
  rows: T[];
  problem: string | null;
}

/**
 * Reads every good row of a month file and names its first problem instead of throwing, so a
 * damaged old file can be reported without stopping a run that does not need to rewrite it.
 * Fact files hold no multi-line fields, so a line that does not parse is skipped on its own.
 */
function salvageRows<T extends LakeRow>(codec: RowCodec<T>, text: string, expected?: MonthFileIdentity): SalvagedRows<T> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let problem: string | null = null;
  const note = (detail: string): void => {
    problem ??= detail;
  };
  const parse = (line: string, lineNo: number): string[] | null => {
    // The lake writes fact rows without quotes; only a quoted line needs the full parser.
    if (!line.includes('"')) return line.split(',');
    try {
      return parseCsv(line)[0] ?? [''];
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        note(`line ${lineNo}: ${error.message.replace(/ \(line \d+\)$/, '')}`);
        return null;
      }
      throw error;
    }
  };
  const header = lines.length === 0 ? null : parse(lines[0].replace(/\r$/, ''), 1);
  if (!header || header.join(',') !== codec.columns.join(',')) {
    return { rows: [], problem: problem ?? `line 1 should be the header ${codec.columns.join(',')}` };
  }
  const byDay = new Map<Day, T>();
  lines.slice(1).forEach((raw, index) => {
    const lineNo = index + 2;
    const fields = parse(raw.replace(/\r$/, ''), lineNo);
    if (fields === null) return;
    try {
      const row = decodeLine(codec, fields, expected);
      if (byDay.has(row.day)) throw new RowProblem(`day ${row.day} appears twice`);
      byDay.set(row.day, row);
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      note(`line ${lineNo}: ${error.message}`);
    }
  });
  return { rows: [...byDay.values()], problem };
}

/** `decodeGains` that keeps the good rows of a damaged file and names its first problem. */
export function salvageGains(text: string, expected?: MonthFileIdentity): SalvagedRows<GainRow> {
  return salvageRows(GAIN_CODEC, text, expected);
}

/** `decodeTotals` that keeps the good rows of a damaged file and names its first problem. */
export function salvageTotals(text: string, expected?: MonthFileIdentity): SalvagedRows<TotalRow> {
  return salvageRows(TOTAL_CODEC, text, expected);
}

// ---- merge ----------------------------------------------------------------------------------

export interface MergeResult<T extends LakeRow> {
  /** Every row of the file after the merge, sorted by day. */
  rows: T[];
  /** Days added or whose numbers changed, sorted; empty means the file need not be written. */
  changedDays: Day[];
}

export function sortByDay<T extends { day: Day }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Same numbers and identity; `fetchedAt` is ignored because re-reading a day is not a change. */
function sameValues(a: LakeRow, b: LakeRow): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('fetchedAt');
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  return [...keys].every((key) => left[key] === right[key]);
}

/**
 * Merges freshly read rows into a file's rows, one row per day. A day whose numbers did not
 * change keeps its existing row and `fetchedAt` (contract §5: an unchanged file is neither
 * rewritten nor re-uploaded); a changed or new day takes the incoming row. When `incoming`
 * holds a day twice, the later row wins.
 */
export function mergeRows<T extends LakeRow>(existing: readonly T[], incoming: readonly T[]): MergeResult<T> {
  const byDay = new Map<Day, T>(existing.map((row) => [row.day, row]));
  const latestIncoming = new Map<Day, T>(incoming.map((row) => [row.day, row]));
  const changedDays: Day[] = [];
  for (const [day, row] of latestIncoming) {
    const current = byDay.get(day);
    if (current && sameValues(current, row)) continue;
    byDay.set(day, row);
    changedDays.push(day);
  }
  return { rows: sortByDay([...byDay.values()]), changedDays: changedDays.sort() };
}

/** Splits rows into their month partitions (`YYYY-MM` → rows), months in ascending order. */
export function groupByMonth<T extends { day: Day }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of sortByDay(rows)) {
    const month = monthOf(row.day);
    const group = groups.get(month);
    if (group) group.push(row);
    else groups.set(month, [row]);
  }
  return groups;
}

/**
 * Contract §6's precedence, its one implementation: of the rows that share a key (a network,
 * account and day), the `api` row wins over the `import` row; between rows of the same source
 * the first one stays. `keyOf` lets a caller holding one account's rows key by day alone
 * (`analytics/daily-facts.apiOverImport`). Pure; returns the chosen rows in first-seen key order.
 */
export function chooseApiOverImport<T extends { source: string }, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T> {
  const chosen = new Map<K, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const current = chosen.get(key);
    if (!current || (current.source !== 'api' && row.source === 'api')) chosen.set(key, row);
  }
  return chosen;
}

/** One row per (network, account, day) after api-over-import, sorted by day. */
export function preferApiRows<T extends LakeRow>(rows: readonly T[]): T[] {
  return sortByDay([...chooseApiOverImport(rows, (row) => `${row.network}\u0000${row.accountId}\u0000${row.day}`).values()]);
}
