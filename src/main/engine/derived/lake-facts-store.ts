import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Network } from '../../../shared/networks';
import { writePrivateFileAtomic } from '../atomic-write';
import { dayNumber, emptyFacts, finishFacts, setGain, type AccountFacts } from '../analytics/daily-facts';
import { parseCsv } from '../lake/csv';
import { ACCOUNTS_KEY, parseLakeKey, type LakeSource } from '../lake/lake-layout';
import { decodeGains, decodeTotals } from '../lake/lake-rows';
import { toLakeError } from '../lake/local-lake';

/**
 * A derived, compact copy of the lake's fact tables for the analytics (architecture: "the lake
 * is the truth; fast views are derived"). It remembers each month file's rows with the file's
 * mtime and size, and each month folder's mtime: every writer of the lake renames a finished
 * file into place, which changes its folder's mtime, so an unchanged folder needs no file stat.
 * Only files whose mtime or size changed are read again. The copy lives in memory and, when
 * given a path, in one JSON file under the home (never in the lake) so a fresh CLI process
 * starts warm. Deleting that file only costs one full read of the lake.
 */

const CACHE_VERSION = 2;
/** Stands for an empty paid_gain in the packed rows. */
const NO_VALUE = -2147483648;
const FACT_TABLES = ['follower_gains', 'follower_totals'] as const;
type FactTable = (typeof FACT_TABLES)[number];
/** A time stamp this recent may still be shared by a write we have not seen; look again next time. */
const SETTLE_MS = 2000;

interface FileEntry {
  /** mtimeMs, or -1 when it was too fresh to trust. */
  m: number;
  s: number;
  /** gains: [dayOfMonth, organic, paid or NO_VALUE]…; totals: [dayOfMonth, followers]… */
  r: Int32Array;
}

/**
 * All files' rows travel as one base64 Int32Array, so a cold start parses a few strings
 * instead of thousands of small arrays.
 */
interface CacheFile {
  version: number;
  lakeDir: string;
  dirs: Record<string, number>;
  keys: string[];
  mtimes: number[];
  sizes: number[];
  /** offsets[i] … offsets[i + 1] is file i's slice of rows. */
  offsets: number[];
  rows: string;
}

export interface LakeFacts {
  /** `network:accountId` → facts, for every account with a gains or totals file. */
  accounts: Map<string, AccountFacts>;
  /** Names from the lake's accounts table (settings names take precedence in the app layer). */
  names: Map<string, string>;
}

export interface RefreshStats {
  foldersScanned: number;
  filesRead: number;
  accountsRebuilt: number;
}

function trusted(mtimeMs: number, now: number): number {
  return now - mtimeMs > SETTLE_MS ? mtimeMs : -1;
}

function accountKeyOf(key: string): { account: string; network: Network; accountId: string; source: LakeSource; month: string; table: FactTable } | null {
  const info = parseLakeKey(key);
  if (!info || (info.table !== 'follower_gains' && info.table !== 'follower_totals')) return null;
  return { account: `${info.network}:${info.accountId}`, network: info.network!, accountId: info.accountId!, source: info.source!, month: info.month!, table: info.table };
}

export class LakeFactsStore {
  readonly lakeDir: string;
  readonly #cachePath: string | null;
  #dirs = new Map<string, number>();
  #files = new Map<string, FileEntry>();
  #facts = new Map<string, AccountFacts>();
  #sorted: Map<string, AccountFacts> | null = null;
  /** Every account with files has its facts built (nothing changed since). */
  #complete = false;
  #names: { m: number; s: number; names: Map<string, string> } | null = null;
  #loaded = false;
  #dirty = false;
  #running: Promise<LakeFacts> | null = null;
  lastRefresh: RefreshStats = { foldersScanned: 0, filesRead: 0, accountsRebuilt: 0 };

  constructor(lakeDir: string, cachePath: string | null) {
    this.lakeDir = lakeDir;
    this.#cachePath = cachePath;
  }

  /** The facts as the lake holds them now; concurrent callers share one refresh. */
  facts(): Promise<LakeFacts> {
    this.#running ??= this.#refresh().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #refresh(): Promise<LakeFacts> {
    try {
      if (!this.#loaded) await this.#loadCache();
      const stats: RefreshStats = { foldersScanned: 0, filesRead: 0, accountsRebuilt: 0 };
      const changedAccounts = new Set<string>();
      for (const table of FACT_TABLES) this.#refreshTable(table, stats, changedAccounts);
      for (const account of changedAccounts) this.#facts.delete(account);
      if (changedAccounts.size > 0) {
        this.#sorted = null;
        this.#complete = false;
      }
      const accounts = this.#buildFacts(stats);
      const names = this.#accountNames();
      this.lastRefresh = stats;
      if (this.#dirty) await this.#saveCache();
      return { accounts, names };
    } catch (error) {
      throw toLakeError(this.lakeDir, error, 'read');
    }
  }

  // Synchronous on purpose: a warm refresh is ~80 stat calls, far cheaper without a thread-pool
  // round trip each, and the folders are local.
  #refreshTable(table: FactTable, stats: RefreshStats, changed: Set<string>): void {
    const months = (listDir(join(this.lakeDir, table))).filter((e) => e.isDirectory() && e.name.startsWith('month=')).map((e) => `${table}/${e.name}`);
    const present = new Set(months);
    for (const dir of [...this.#dirs.keys()].filter((d) => d.startsWith(`${table}/`) && !present.has(d))) {
      this.#dirs.delete(dir);
      this.#dropFilesUnder(dir, new Set(), changed);
    }
    const now = Date.now();
    for (const dir of months) {
      const info = statSync(join(this.lakeDir, ...dir.split('/')));
      if (this.#dirs.get(dir) === info.mtimeMs) continue;
      stats.foldersScanned++;
      const seen = this.#refreshFolder(dir, stats, changed);
      this.#dropFilesUnder(dir, seen, changed);
      this.#dirs.set(dir, trusted(info.mtimeMs, now));
      this.#dirty = true;
    }
  }

  #refreshFolder(dir: string, stats: RefreshStats, changed: Set<string>): Set<string> {
    const seen = new Set<string>();
    const now = Date.now();
    for (const entry of listDir(join(this.lakeDir, ...dir.split('/')))) {
      if (!entry.isFile() || entry.name.startsWith('.')) continue;
      const key = `${dir}/${entry.name}`;
      const identity = accountKeyOf(key);
      if (!identity) continue;
      seen.add(key);
      const path = join(this.lakeDir, ...key.split('/'));
      const info = statSync(path);
      const held = this.#files.get(key);
      if (held && held.m === info.mtimeMs && held.s === info.size) continue;
      const text = readFileSync(path, 'utf8');
      const rows = compactRows(identity.table, text, path, identity);
      this.#files.set(key, { m: trusted(info.mtimeMs, now), s: info.size, r: rows });
      stats.filesRead++;
      changed.add(identity.account);
      this.#dirty = true;
    }
    return seen;
  }

  #dropFilesUnder(dir: string, keep: Set<string>, changed: Set<string>): void {
    for (const key of [...this.#files.keys()]) {
      if (!key.startsWith(`${dir}/`) || keep.has(key)) continue;
      this.#files.delete(key);
      const identity = accountKeyOf(key);
      if (identity) changed.add(identity.account);
      this.#dirty = true;
    }
  }

  #buildFacts(stats: RefreshStats): Map<string, AccountFacts> {
    if (this.#complete && this.#sorted) return this.#sorted;
    const missing = new Map<string, { network: Network; accountId: string; files: { table: FactTable; first: number; source: LakeSource; rows: Int32Array }[] }>();
    for (const [key, entry] of this.#files) {
      const identity = accountKeyOf(key)!;
      if (this.#facts.has(identity.account)) continue;
      let group = missing.get(identity.account);
      if (!group) missing.set(identity.account, (group = { network: identity.network, accountId: identity.accountId, files: [] }));
      group.files.push({ table: identity.table, first: dayNumber(`${identity.month}-01`), source: identity.source, rows: entry.r });
    }
    if (missing.size > 0) {
      for (const [account, group] of missing) {
        this.#facts.set(account, factsOfFiles(group.network, group.accountId, group.files));
        stats.accountsRebuilt++;
      }
      this.#sorted = null;
    }
    if (!this.#sorted || this.#sorted.size !== this.#facts.size) this.#sorted = new Map([...this.#facts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.#complete = true;
    return this.#sorted;
  }

  #accountNames(): Map<string, string> {
    const path = join(this.lakeDir, ...ACCOUNTS_KEY.split('/'));
    let info;
    try {
      info = statSync(path);
    } catch {
      return new Map();
    }
    if (!info) return new Map();
    if (this.#names && this.#names.m === info.mtimeMs && this.#names.s === info.size) return this.#names.names;
    const names = new Map<string, string>();
    try {
      const [, ...rows] = parseCsv(readFileSync(path, 'utf8'));
      for (const [network, accountId, name] of rows) if (network && accountId && name) names.set(`${network}:${accountId}`, name);
    } catch {
      // Names are a convenience; a damaged accounts table leaves ids in their place.
    }
    this.#names = { m: trusted(info.mtimeMs, Date.now()), s: info.size, names };
    return names;
  }

  async #loadCache(): Promise<void> {
    this.#loaded = true;
    if (!this.#cachePath) return;
    try {
      const cache = JSON.parse(await readFile(this.#cachePath, 'utf8')) as CacheFile;
      if (cache.version !== CACHE_VERSION || cache.lakeDir !== this.lakeDir) return;
      // Copied so the Int32Array is aligned: a small Buffer may sit at any offset of a shared pool.
      const rows = new Int32Array(new Uint8Array(Buffer.from(cache.rows, 'base64')).buffer);
      const files = new Map<string, FileEntry>();
      cache.keys.forEach((key, i) => files.set(key, { m: cache.mtimes[i], s: cache.sizes[i], r: rows.subarray(cache.offsets[i], cache.offsets[i + 1]) }));
      this.#files = files;
      this.#dirs = new Map(Object.entries(cache.dirs));
    } catch {
      // Missing or unreadable: the lake is read in full and the cache written anew.
    }
  }

  async #saveCache(): Promise<void> {
    this.#dirty = false;
    if (!this.#cachePath) return;
    const entries = [...this.#files];
    const offsets = [0];
    for (const [, entry] of entries) offsets.push(offsets[offsets.length - 1] + entry.r.length);
    const packed = new Int32Array(offsets[offsets.length - 1]);
    entries.forEach(([, entry], i) => packed.set(entry.r, offsets[i]));
    const cache: CacheFile = {
      version: CACHE_VERSION,
      lakeDir: this.lakeDir,
      dirs: Object.fromEntries(this.#dirs),
      keys: entries.map(([key]) => key),
      mtimes: entries.map(([, e]) => e.m),
      sizes: entries.map(([, e]) => e.s),
      offsets,
      rows: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64'),
    };
    try {
      await writePrivateFileAtomic(this.#cachePath, JSON.stringify(cache));
    } catch {
      // A cache that cannot be written only makes the next start slower.
    }
  }
}

function listDir(path: string): Dirent[] {
  try {
    return readdirSync(path, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

function compactRows(table: FactTable, text: string, path: string, identity: { month: string; network: string; accountId: string; source: LakeSource }): Int32Array {
  const out: number[] = [];
  if (table === 'follower_gains') {
    for (const row of decodeGains(text, path, identity)) out.push(Number(row.day.slice(8)), row.organicGain, row.paidGain ?? NO_VALUE);
  } else {
    for (const row of decodeTotals(text, path, identity)) out.push(Number(row.day.slice(8)), row.followers);
  }
  // 32 bits hold any page's gains and followers (the largest pages have tens of millions).
  return Int32Array.from(out);
}

/**
 * One account's facts straight from its compact month files: import files first, then api files
 * over them, which is contract §6's api-over-import rule for day slots (the same rule as
 * `apiOverImport`, applied without building a row object per day).
 */
function factsOfFiles(network: Network, accountId: string, files: { table: FactTable; first: number; source: LakeSource; rows: Int32Array }[]): AccountFacts {
  const ordered = [...files].sort((a, b) => (a.source === b.source ? 0 : a.source === 'import' ? -1 : 1));
  let min = Infinity;
  let max = -Infinity;
  for (const { table, first, rows } of ordered) {
    if (table !== 'follower_gains') continue;
    for (let i = 0; i + 2 < rows.length; i += 3) {
      const n = first + rows[i] - 1;
      if (n < min) min = n;
      if (n > max) max = n;
    }
  }
  const facts = emptyFacts(network, accountId, min === Infinity ? 0 : min, min === Infinity ? 0 : max - min + 1);
  const totals = new Map<number, number>();
  for (const { table, first, rows } of ordered) {
    if (table === 'follower_gains') {
      for (let i = 0; i + 2 < rows.length; i += 3) setGain(facts, first + rows[i] - 1, rows[i + 1], rows[i + 2] === NO_VALUE ? null : rows[i + 2]);
    } else {
      for (let i = 0; i + 1 < rows.length; i += 2) totals.set(first + rows[i] - 1, rows[i + 1]);
    }
  }
  return finishFacts(facts, totals);
}
