import { readFileSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Day } from '../dates';
import { AppError, isAppError } from '../errors';
import type { RunRecord } from '../../../shared/run-record';
import { describeIoError, isErrnoError, removeStaleTemporaryFiles, writeFileAtomic } from '../atomic-write';
import { CoverageMemo, daysOfMask, maskOfDays, type MonthCoverage } from './coverage-memo';
import { encodeCsv, encodeQuotedCsv, type CsvField } from './csv';
import {
  ACCOUNTS_COLUMNS,
  ACCOUNTS_KEY,
  COMPANY_EVENTS_COLUMNS,
  COMPANY_EVENTS_KEY,
  LAKE_SOURCES,
  SYNC_RUNS_COLUMNS,
  gainsKey,
  isMonth,
  parseLakeKey,
  syncRunKey,
  totalsKey,
  type LakeKeyInfo,
  type LakeSource,
} from './lake-layout';
import {
  decodeGains,
  decodeTotals,
  encodeGains,
  encodeTotals,
  gainRowProblem,
  groupByMonth,
  mergeRows,
  salvageGains,
  salvageTotals,
  totalRowProblem,
  type SalvagedRows,
  type GainRow,
  type LakeRow,
  type MonthFileIdentity,
  type TotalRow,
} from './lake-rows';

/** What one write did; a run adds these up for its record (contract §7). */
export interface LakeWriteResult {
  /** Lake-relative keys of the files (re)written; unchanged files are not listed. */
  filesWritten: string[];
  /** Rows added or replaced (not the rows a rewritten file merely kept). */
  rowsWritten: number;
  /** Days added or replaced, sorted, each once. */
  daysWritten: Day[];
  bytesWritten: number;
}

export function emptyLakeWriteResult(): LakeWriteResult {
  return { filesWritten: [], rowsWritten: 0, daysWritten: [], bytesWritten: 0 };
}

export function mergeLakeWriteResults(a: LakeWriteResult, b: LakeWriteResult): LakeWriteResult {
  return combineLakeWriteResults([a, b]);
}

/** All of `results` at once: a 200-page run has thousands of files, so pairwise merging is quadratic. */
export function combineLakeWriteResults(results: readonly LakeWriteResult[]): LakeWriteResult {
  const files = new Set<string>();
  const days = new Set<Day>();
  let rowsWritten = 0;
  let bytesWritten = 0;
  for (const result of results) {
    for (const file of result.filesWritten) files.add(file);
    for (const day of result.daysWritten) days.add(day);
    rowsWritten += result.rowsWritten;
    bytesWritten += result.bytesWritten;
  }
  return { filesWritten: [...files], rowsWritten, daysWritten: [...days].sort(), bytesWritten };
}

export interface AccountRow {
  network: string;
  accountId: string;
  name: string;
  url: string | null;
}

export interface CompanyEventRow {
  id: string;
  day: Day;
  /** null for a one-day event. */
  endDay: Day | null;
  /** null = every network. */
  network: string | null;
  category: string;
  title: string;
  notes: string | null;
  /** null (or absent) = every account of `network` (contract §6). */
  accountId?: string | null;
}

export interface LakeCoverage {
  /** Days with a gains row from any source. */
  days: Set<Day>;
  firstDay: Day | null;
  lastDay: Day | null;
  /** Gains month files that are damaged; their good rows still count in `days`. */
  damagedFiles: DamagedLakeFile[];
}

export interface DamagedLakeFile {
  /** Lake-relative key. */
  key: string;
  /** Local path, for messages. */
  path: string;
  month: string;
  /** What is wrong, e.g. `line 4: 3 fields instead of 8`. */
  problem: string;
}

export interface MergeOptions {
  /**
   * Rebuild a damaged month file from its good rows plus the incoming ones instead of failing:
   * for an explicit re-fetch of a range, which is how the user repairs such a file.
   */
  replaceDamaged?: boolean;
}

// ---- I/O errors -----------------------------------------------------------------------------

type LakeAction = 'read' | 'write';

/**
 * Turns a file-system error into the one-line LAKE_WRITE_FAILED users see, naming the folder
 * and the reason in words. Anything that is not an I/O error (a bug) is returned unchanged.
 */
export function toLakeError(dir: string, error: unknown, action: LakeAction = 'write'): unknown {
  if (isAppError(error) || !isErrnoError(error)) return error;
  const { reason, hint } = describeIoError(error);
  return new AppError('LAKE_WRITE_FAILED', `Could not ${action} the local data folder ${dir}: ${reason}`, {
    hint: `${hint}, or choose another data folder in Settings.`,
    cause: error,
  });
}

// ---- pure helpers ---------------------------------------------------------------------------

interface FactTable<T extends LakeRow> {
  name: 'follower_gains' | 'follower_totals';
  keyFor: (month: string, network: string, accountId: string, source: LakeSource) => string;
  decode: (text: string, file: string, expected: MonthFileIdentity) => T[];
  salvage: (text: string, expected: MonthFileIdentity) => SalvagedRows<T>;
  encode: (rows: readonly T[]) => string;
  problem: (row: T) => string | null;
}

const GAINS_TABLE: FactTable<GainRow> = {
  name: 'follower_gains',
  keyFor: gainsKey,
  decode: decodeGains,
  salvage: salvageGains,
  encode: encodeGains,
  problem: gainRowProblem,
};

const TOTALS_TABLE: FactTable<TotalRow> = {
  name: 'follower_totals',
  keyFor: totalsKey,
  decode: decodeTotals,
  salvage: salvageTotals,
  encode: encodeTotals,
  problem: totalRowProblem,
};

/** One merge writes one account's files of one source; mixing would break contract §6. */
function checkRows<T extends LakeRow>(table: FactTable<T>, rows: readonly T[]): void {
  const first = rows[0];
  if (!first) return;
  for (const row of rows) {
    if (row.network !== first.network || row.accountId !== first.accountId || row.source !== first.source) {
      throw new RangeError(
        `One ${table.name} merge must hold one network, account and source; got ${first.network}-${first.accountId}-${first.source} and ${row.network}-${row.accountId}-${row.source}`,
      );
    }
    const problem = table.problem(row);
    if (problem) throw new RangeError(`Refusing to write an invalid ${table.name} row for ${row.day}: ${problem}`);
  }
}

function compareDayThenSource(a: LakeRow, b: LakeRow): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return a.source === b.source ? 0 : a.source < b.source ? -1 : 1;
}

// OpenCSVSerDe cannot read a line break inside a field, so dimension text is kept on one line.
function oneLine(text: string | null): string | null {
  return text === null ? null : text.replace(/\r\n|\r|\n/g, ' ');
}

function accountFields(row: AccountRow): CsvField[] {
  return [row.network, row.accountId, oneLine(row.name), oneLine(row.url)];
}

function eventFields(row: CompanyEventRow): CsvField[] {
  return [row.id, row.day, row.endDay, row.network, oneLine(row.category), oneLine(row.title), oneLine(row.notes), row.accountId ?? null];
}

// One collator: `localeCompare(x, 'en')` builds one per call, 10 ms to sort 200 pages.
const byEnglish = new Intl.Collator('en').compare;

function compareAccounts(a: AccountRow, b: AccountRow): number {
  return byEnglish(a.network, b.network) || byEnglish(a.accountId, b.accountId);
}

function compareEvents(a: CompanyEventRow, b: CompanyEventRow): number {
  return byEnglish(a.day, b.day) || byEnglish(a.id, b.id);
}

function runMonth(startedAt: string): string {
  const ms = Date.parse(startedAt);
  if (Number.isNaN(ms)) throw new RangeError(`Run startedAt is not a time: ${startedAt}`);
  return new Date(ms).toISOString().slice(0, 7);
}

function syncRunFields(record: RunRecord): CsvField[] {
  const sum = (pick: (a: RunRecord['accounts'][number]) => number): number => record.accounts.reduce((n, a) => n + pick(a), 0);
  return [
    record.runId,
    record.startedAt,
    record.finishedAt,
    record.trigger,
    record.status,
    record.accounts.map((a) => `${a.network}:${a.accountId}`).join(';'),
    sum((a) => a.daysWritten),
    sum((a) => a.rowsWritten),
    record.apiCalls,
    record.error?.code ?? null,
  ];
}

function identityOfKey(parsed: LakeKeyInfo): MonthFileIdentity | null {
  const { month, network, accountId, source } = parsed;
  if (month === undefined || network === undefined || accountId === undefined || source === undefined) return null;
  return { month, network, accountId, source };
}

function monthOfFolder(name: string): string | null {
  const month = name.startsWith('month=') ? name.slice('month='.length) : '';
  return isMonth(month) ? month : null;
}

// ---- the lake -------------------------------------------------------------------------------

export interface LocalLakeOptions {
  /** Where the coverage memo lives (under the home's `derived/`); none: coverage reads every file. */
  coverageMemoPath?: string;
}

/**
 * The local lake folder (contract §6). Every write goes through a temporary dot-file and a
 * rename, and a file is only rewritten when its content changes, so an unchanged month keeps
 * its bytes and mtime and is not re-uploaded. Callers hold the sync lock while writing.
 */
export class LocalLake {
  readonly dir: string;
  readonly #coverageMemoPath: string | undefined;
  #coverageMemo: Promise<CoverageMemo> | null = null;

  constructor(dir: string, options: LocalLakeOptions = {}) {
    this.dir = resolve(dir);
    this.#coverageMemoPath = options.coverageMemoPath;
  }

  /** The local path of a lake key. */
  pathOf(key: string): string {
    return join(this.dir, ...key.split('/'));
  }

  /** Gains rows of one account from one source (or both), all months, sorted by day then source. */
  readGains(network: string, accountId: string, source?: LakeSource): Promise<GainRow[]> {
    return this.guard('read', () => this.readFacts(GAINS_TABLE, network, accountId, source));
  }

  /** Totals rows of one account from one source (or both), all months, sorted by day then source. */
  readTotals(network: string, accountId: string, source?: LakeSource): Promise<TotalRow[]> {
    return this.guard('read', () => this.readFacts(TOTALS_TABLE, network, accountId, source));
  }

  /**
   * Merges gains rows of one account and source into their month files. Only month files
   * whose content changes are written; the other source's files are never touched.
   */
  mergeGains(rows: readonly GainRow[], options: MergeOptions = {}): Promise<LakeWriteResult> {
    return this.guard('write', () => this.mergeFacts(GAINS_TABLE, rows, options));
  }

  /** Merges totals rows of one account and source; see `mergeGains`. */
  mergeTotals(rows: readonly TotalRow[], options: MergeOptions = {}): Promise<LakeWriteResult> {
    return this.guard('write', () => this.mergeFacts(TOTALS_TABLE, rows, options));
  }

  /** Replaces the `accounts` dimension table; written only when its content changes. */
  writeAccounts(rows: readonly AccountRow[]): Promise<LakeWriteResult> {
    const text = encodeQuotedCsv(ACCOUNTS_COLUMNS, [...rows].sort(compareAccounts).map(accountFields));
    return this.guard('write', () => this.writeWholeFile(ACCOUNTS_KEY, text, rows.length));
  }

  /** Replaces the `company_events` dimension table; written only when its content changes. */
  writeCompanyEvents(rows: readonly CompanyEventRow[]): Promise<LakeWriteResult> {
    const text = encodeQuotedCsv(COMPANY_EVENTS_COLUMNS, [...rows].sort(compareEvents).map(eventFields));
    return this.guard('write', () => this.writeWholeFile(COMPANY_EVENTS_KEY, text, rows.length));
  }

  /** Writes the run's one `sync_runs` row, in the month (UTC) the run started. */
  writeSyncRun(record: RunRecord): Promise<LakeWriteResult> {
    const key = syncRunKey(runMonth(record.startedAt), record.runId);
    const text = encodeCsv(SYNC_RUNS_COLUMNS, [syncRunFields(record)]);
    return this.guard('write', () => this.writeWholeFile(key, text, 1));
  }

  /**
   * The days an account has gains for, from the API or an import. A damaged month file does
   * not make this fail: its good rows count and it is listed in `damagedFiles`, so one bad
   * line in an old month cannot stop new days from landing.
   */
  async coverage(network: string, accountId: string): Promise<LakeCoverage> {
    return this.guard('read', async () => {
      const memo = this.#coverageMemoPath === undefined ? null : await (this.#coverageMemo ??= CoverageMemo.open(this.#coverageMemoPath, this.dir));
      const days = new Set<Day>();
      const damagedFiles: DamagedLakeFile[] = [];
      for (const month of await this.months(GAINS_TABLE.name)) {
        for (const source of LAKE_SOURCES) {
          const key = GAINS_TABLE.keyFor(month, network, accountId, source);
          const found = this.monthCoverage(key, { month, network, accountId, source }, memo);
          if (found === null) continue;
          for (const day of daysOfMask(month, found.days)) days.add(day);
          if (found.problem !== null) damagedFiles.push({ key, path: this.pathOf(key), month, problem: found.problem });
        }
      }
      const sorted = [...days].sort();
      return { days: new Set(sorted), firstDay: sorted[0] ?? null, lastDay: sorted[sorted.length - 1] ?? null, damagedFiles };
    });
  }

  /** Writes what `coverage` learnt for the next process; a no-op without a memo or news. */
  async saveCoverageMemo(): Promise<void> {
    if (this.#coverageMemo) await (await this.#coverageMemo).save();
  }

  /** Every damaged gains or totals month file in the lake, for messages that must name them. */
  findDamagedFiles(): Promise<DamagedLakeFile[]> {
    return this.guard('read', async () => {
      const damaged: DamagedLakeFile[] = [];
      for (const key of await this.listFiles()) {
        const parsed = parseLakeKey(key);
        if (parsed === null || (parsed.table !== 'follower_gains' && parsed.table !== 'follower_totals')) continue;
        const salvage = parsed.table === 'follower_gains' ? GAINS_TABLE.salvage : TOTALS_TABLE.salvage;
        const text = this.readText(key);
        const identity = identityOfKey(parsed);
        if (text === null || identity === null) continue;
        const { problem } = salvage(text, identity);
        if (problem !== null) damaged.push({ key, path: this.pathOf(key), month: identity.month, problem });
      }
      return damaged;
    });
  }

  /** Lake-relative keys of every data file, sorted; temporary dot-files and stray files are left out. */
  listFiles(): Promise<string[]> {
    return this.guard('read', async () => {
      const keys = await this.walk('');
      return keys.filter((key) => parseLakeKey(key) !== null).sort();
    });
  }

  /** Removes temporary files a killed process left behind; returns their lake-relative keys. */
  cleanupTemporaryFiles(): Promise<string[]> {
    return this.guard('write', async () => {
      const removed = await removeStaleTemporaryFiles(this.dir);
      return removed.map((path) => path.slice(this.dir.length + 1).split(/[\\/]/).join('/'));
    });
  }

  // ---- internals ----------------------------------------------------------------------------

  private async guard<T>(action: LakeAction, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toLakeError(this.dir, error, action);
    }
  }

  /**
   * Lake files are small and local: a synchronous read costs one call where a promise read
   * costs four thread-pool round trips, which made up most of a 200-page sync's CPU time.
   * A missing file is asked about first, since most reads of an `import` source find none
   * and a thrown ENOENT is the expensive way to learn it.
   */
  private readText(key: string): string | null {
    const path = this.pathOf(key);
    try {
      if (statSync(path, { throwIfNoEntry: false }) === undefined) return null;
      return readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private async listDir(relative: string): Promise<Dirent[]> {
    try {
      return await readdir(this.pathOf(relative), { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw error;
    }
  }

  private async months(table: string): Promise<string[]> {
    const entries = await this.listDir(table);
    const months = entries.filter((e) => e.isDirectory()).map((e) => monthOfFolder(e.name));
    return months.filter((m): m is string => m !== null).sort();
  }

  private readMonthFile<T extends LakeRow>(table: FactTable<T>, identity: MonthFileIdentity): T[] {
    const key = table.keyFor(identity.month, identity.network, identity.accountId, identity.source);
    const text = this.readText(key);
    return text === null ? [] : table.decode(text, this.pathOf(key), identity);
  }

  /** One gains month file's days and first problem, from the memo when the file is unchanged. */
  private monthCoverage(key: string, identity: MonthFileIdentity, memo: CoverageMemo | null): MonthCoverage | null {
    const path = this.pathOf(key);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats === undefined) return null;
    const known = memo?.get(key, stats);
    if (known) return known;
    const text = this.readText(key);
    if (text === null) return null;
    const { rows, problem } = GAINS_TABLE.salvage(text, identity);
    const found = { days: maskOfDays(rows.map((row) => row.day)), problem };
    memo?.set(key, stats, found);
    return found;
  }

  private async readFacts<T extends LakeRow>(table: FactTable<T>, network: string, accountId: string, source?: LakeSource): Promise<T[]> {
    const sources = source ? [source] : LAKE_SOURCES;
    const files = (await this.months(table.name)).flatMap((month) => sources.map((s) => ({ month, network, accountId, source: s })));
    return files.flatMap((identity) => this.readMonthFile(table, identity)).sort(compareDayThenSource);
  }

  private async mergeFacts<T extends LakeRow>(table: FactTable<T>, rows: readonly T[], options: MergeOptions): Promise<LakeWriteResult> {
    checkRows(table, rows);
    const first = rows[0];
    if (!first) return emptyLakeWriteResult();
    const { network, accountId, source } = first;
    // Month files are independent: a year's backfill writes its twelve at once.
    const months = [...groupByMonth(rows)];
    return combineLakeWriteResults(await Promise.all(months.map(([month, monthRows]) => this.mergeMonth(table, { month, network, accountId, source }, monthRows, options))));
  }

  private async mergeMonth<T extends LakeRow>(
    table: FactTable<T>,
    identity: MonthFileIdentity,
    incoming: T[],
    options: MergeOptions,
  ): Promise<LakeWriteResult> {
    const key = table.keyFor(identity.month, identity.network, identity.accountId, identity.source);
    let existing: T[];
    let repairing = false;
    if (options.replaceDamaged) {
      const text = this.readText(key);
      const salvaged = text === null ? { rows: [], problem: null } : table.salvage(text, identity);
      existing = salvaged.rows;
      repairing = salvaged.problem !== null;
    } else {
      existing = this.readMonthFile(table, identity);
    }
    const merged = mergeRows(existing, incoming);
    if (merged.changedDays.length === 0 && !repairing) return emptyLakeWriteResult();
    const text = table.encode(merged.rows);
    await writeFileAtomic(this.pathOf(key), text);
    return {
      filesWritten: [key],
      rowsWritten: merged.changedDays.length,
      daysWritten: merged.changedDays,
      bytesWritten: Buffer.byteLength(text),
    };
  }

  private async writeWholeFile(key: string, text: string, rowCount: number): Promise<LakeWriteResult> {
    if (this.readText(key) === text) return emptyLakeWriteResult();
    await writeFileAtomic(this.pathOf(key), text);
    return { filesWritten: [key], rowsWritten: rowCount, daysWritten: [], bytesWritten: Buffer.byteLength(text) };
  }

  private async walk(relative: string): Promise<string[]> {
    const keys: string[] = [];
    for (const entry of await this.listDir(relative)) {
      if (entry.name.startsWith('.')) continue;
      const key = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) keys.push(...(await this.walk(key)));
      else if (entry.isFile()) keys.push(key);
    }
    return keys;
  }
}
