import { appendFile, mkdir, open, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, isAppError } from '../errors';
import { describeIoError, isErrnoError } from '../atomic-write';
import type { RunRecord, RunStatus } from '../../../shared/run-record';

/**
 * Run history (contract §7): one JSON object per line in `<home>/runs/YYYY-MM.jsonl`, the month
 * (UTC) the run started. Appending one whole line per write means a killed process can at worst
 * leave a torn last line, which reading skips.
 */

export interface RunHistoryQuery {
  /** At most this many records (newest first). */
  limit?: number;
  /** Only runs with this status (or one of these). */
  status?: RunStatus | readonly RunStatus[];
}

const MONTH_FILE_RE = /^\d{4}-(0[1-9]|1[0-2])\.jsonl$/;

function monthFileName(startedAt: string): string {
  const ms = Date.parse(startedAt);
  if (Number.isNaN(ms)) throw new RangeError(`Run startedAt is not a time: ${startedAt}`);
  return `${new Date(ms).toISOString().slice(0, 7)}.jsonl`;
}

function looksLikeRunRecord(value: unknown): value is RunRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<Record<keyof RunRecord, unknown>>;
  return typeof record.runId === 'string' && typeof record.startedAt === 'string' && typeof record.status === 'string';
}

/** Parses one line; a torn or hand-damaged line yields null instead of failing the whole file. */
function parseLine(line: string): RunRecord | null {
  if (line.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(line);
    return looksLikeRunRecord(value) ? value : null;
  } catch {
    return null;
  }
}

/** Newest first: by start time, then by position in the file (later lines were appended later). */
function newestFirst(records: readonly RunRecord[]): RunRecord[] {
  const time = (record: RunRecord): number => {
    const ms = Date.parse(record.startedAt);
    return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
  };
  return records
    .map((record, index) => ({ record, index, ms: time(record) }))
    .sort((a, b) => b.ms - a.ms || b.index - a.index)
    .map((entry) => entry.record);
}

function statusFilter(status: RunHistoryQuery['status']): (record: RunRecord) => boolean {
  if (status === undefined) return () => true;
  const wanted = new Set<string>(typeof status === 'string' ? [status] : status);
  return (record) => wanted.has(record.status);
}

function historyError(dir: string, error: unknown, action: 'read' | 'write'): unknown {
  if (isAppError(error) || !isErrnoError(error)) return error;
  const { reason, hint } = describeIoError(error);
  return new AppError('LAKE_WRITE_FAILED', `Could not ${action} the run history in ${dir}: ${reason}`, {
    hint: `${hint}.`,
    cause: error,
  });
}

export class RunHistory {
  /** `<home>/runs` */
  readonly dir: string;

  constructor(home: string) {
    this.dir = join(home, 'runs');
  }

  /** Adds a run; one appendFile of the whole line so concurrent readers never see half a record. */
  async append(record: RunRecord): Promise<void> {
    const path = join(this.dir, monthFileName(record.startedAt));
    const line = `${JSON.stringify(record)}\n`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      // After a torn last line, start on a fresh line so this record stays readable.
      const prefix = (await endsWithNewline(path)) ? '' : '\n';
      await appendFile(path, prefix + line, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      throw historyError(this.dir, error, 'write');
    }
  }

  /** Runs, newest first, across month files; unreadable lines are skipped. */
  async list(query: RunHistoryQuery = {}): Promise<RunRecord[]> {
    const limit = query.limit ?? Number.POSITIVE_INFINITY;
    const matches = statusFilter(query.status);
    const out: RunRecord[] = [];
    for (const file of await this.monthFilesNewestFirst()) {
      if (out.length >= limit) break;
      const records = newestFirst(await this.readMonth(file)).filter(matches);
      out.push(...records.slice(0, limit - out.length));
    }
    return out;
  }

  async last(): Promise<RunRecord | null> {
    const [newest] = await this.list({ limit: 1 });
    return newest ?? null;
  }

  async get(runId: string): Promise<RunRecord | null> {
    for (const file of await this.monthFilesNewestFirst()) {
      const found = (await this.readMonth(file)).filter((record) => record.runId === runId).pop();
      if (found) return found;
    }
    return null;
  }

  private async monthFilesNewestFirst(): Promise<string[]> {
    try {
      const names = await readdir(this.dir);
      return names.filter((name) => MONTH_FILE_RE.test(name)).sort().reverse();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw historyError(this.dir, error, 'read');
    }
  }

  private async readMonth(file: string): Promise<RunRecord[]> {
    try {
      const text = await readFile(join(this.dir, file), 'utf8');
      return text.split('\n').map(parseLine).filter((record): record is RunRecord => record !== null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw historyError(this.dir, error, 'read');
    }
  }
}

/** True for a missing or empty file too: both can take a new line as is. */
async function endsWithNewline(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}
