import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { writePrivateFileAtomic } from '../atomic-write';

/** What one gains month file says about coverage. */
export interface MonthCoverage {
  /** Bit `d − 1` is set when day `d` of the month has a good row. */
  days: number;
  /** The file's first problem (a damaged file still counts its good rows), or null. */
  problem: string | null;
}

interface Entry extends MonthCoverage {
  /** mtimeMs, or -1 when it was too fresh to trust. */
  m: number;
  s: number;
}

interface MemoFile {
  version: number;
  lakeDir: string;
  entries: Record<string, Entry>;
}

const MEMO_VERSION = 1;
/** A time stamp this recent may still be shared by a write we have not seen; look again next time. */
const SETTLE_MS = 2000;

/**
 * Each gains month file's days and problem, remembered with the file's mtime and size. A sync
 * plans from every account's coverage, which meant reading and checking every gains file of
 * the lake on every run: its CPU grew with the history kept (a year of 200 pages is 73,000 rows).
 * Every writer renames a finished file into place, so a file whose mtime and size are unchanged
 * holds what it held; only changed files are read again. The memo is derived and disposable:
 * it lives under the home's `derived/` folder, never in the lake, and a missing or damaged memo
 * only costs one full read.
 */
export class CoverageMemo {
  readonly #path: string;
  readonly #lakeDir: string;
  #entries = new Map<string, Entry>();
  #dirty = false;

  private constructor(path: string, lakeDir: string) {
    this.#path = path;
    this.#lakeDir = lakeDir;
  }

  static async open(path: string, lakeDir: string): Promise<CoverageMemo> {
    const memo = new CoverageMemo(path, lakeDir);
    try {
      const file = JSON.parse(await readFile(path, 'utf8')) as MemoFile;
      if (file.version === MEMO_VERSION && file.lakeDir === lakeDir && typeof file.entries === 'object') {
        memo.#entries = new Map(Object.entries(file.entries));
      }
    } catch {
      // Missing or unreadable: every file is read once and the memo written anew.
    }
    return memo;
  }

  /** The remembered coverage of `key`, when the file is still the one it was read from. */
  get(key: string, stats: Pick<Stats, 'mtimeMs' | 'size'>): MonthCoverage | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.m !== stats.mtimeMs || entry.s !== stats.size) return undefined;
    return { days: entry.days, problem: entry.problem };
  }

  set(key: string, stats: Pick<Stats, 'mtimeMs' | 'size'>, coverage: MonthCoverage, now = Date.now()): void {
    const m = now - stats.mtimeMs > SETTLE_MS ? stats.mtimeMs : -1;
    this.#entries.set(key, { m, s: stats.size, days: coverage.days, problem: coverage.problem });
    this.#dirty = true;
  }

  /** Writes the memo when something was learnt; a memo that cannot be written only costs time. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    this.#dirty = false;
    const file: MemoFile = { version: MEMO_VERSION, lakeDir: this.#lakeDir, entries: Object.fromEntries(this.#entries) };
    await writePrivateFileAtomic(this.#path, JSON.stringify(file)).catch(() => undefined);
  }
}

/** The days of a month (`YYYY-MM`) a coverage bit mask holds, in order. */
export function daysOfMask(month: string, days: number): string[] {
  const out: string[] = [];
  for (let d = 1; d <= 31; d++) if (days & (1 << (d - 1))) out.push(`${month}-${d < 10 ? '0' : ''}${d}`);
  return out;
}

/** The bit mask of days (`YYYY-MM-DD`, all in one month). */
export function maskOfDays(days: Iterable<string>): number {
  let mask = 0;
  for (const day of days) mask |= 1 << (Number(day.slice(8, 10)) - 1);
  return mask;
}
