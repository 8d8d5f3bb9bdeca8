import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dayRange } from '../../src/main/engine/dates';
import { encodeQuotedCsv } from '../../src/main/engine/lake/csv';
import { ACCOUNTS_COLUMNS, ACCOUNTS_KEY, gainsKey, totalsKey } from '../../src/main/engine/lake/lake-layout';
import { encodeGains, encodeTotals, groupByMonth, type GainRow, type TotalRow } from '../../src/main/engine/lake/lake-rows';

export interface GeneratedLakeOptions {
  pages: number;
  from: string;
  to: string;
  /** Every page misses this share of days (deterministic). */
  missingShare?: number;
  /** A follower count every this many days (plus the last day); LinkedIn's snapshot of a daily sync is 1. */
  snapshotEvery?: number;
  seed?: number;
}

const FETCHED_AT = '2026-12-01T07:00:00.000Z';

/** A small deterministic generator (mulberry32), so the same options give the same lake. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pageId(index: number): string {
  return String(1_000_000 + index);
}

/**
 * Writes a lake of many pages straight into the contract's layout (one file per page, source and
 * month), fast enough for 200 pages × 3 years. Gains have a weekday rhythm, noise, sponsored days
 * and some losses; counts drift below the summed gains now and then, as LinkedIn's do.
 */
export async function writeGeneratedLake(dir: string, options: GeneratedLakeOptions): Promise<{ files: number }> {
  const rand = random(options.seed ?? 42);
  const days = dayRange(options.from, options.to);
  const every = options.snapshotEvery ?? 7;
  let files = 0;
  const folders = new Set<string>();
  const write = async (key: string, text: string): Promise<void> => {
    const path = join(dir, ...key.split('/'));
    const folder = path.slice(0, path.lastIndexOf('/'));
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(path, text);
    files++;
  };
  const accounts: string[][] = [];
  for (let p = 0; p < options.pages; p++) {
    const id = pageId(p);
    accounts.push(['linkedin', id, `Page ${p + 1}`, `https://www.linkedin.com/company/${id}/`]);
    const base = 2 + Math.floor(rand() * 20);
    let followers = 1000 + Math.floor(rand() * 50_000);
    const gains: GainRow[] = [];
    const totals: TotalRow[] = [];
    days.forEach((day, i) => {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const missing = rand() < (options.missingShare ?? 0.01);
      const organic = Math.round(base * (weekday === 0 || weekday === 6 ? 0.5 : 1.2) + (rand() - 0.5) * base) - (rand() < 0.05 ? 3 : 0);
      const paid = rand() < 0.2 ? Math.floor(rand() * base) : 0;
      followers += organic + paid - (rand() < 0.03 ? 2 : 0);
      if (!missing) gains.push({ day, network: 'linkedin', accountId: id, organicGain: organic, paidGain: paid, totalGain: organic + paid, source: 'api', fetchedAt: FETCHED_AT });
      if (i % every === every - 1 || i === days.length - 1) totals.push({ day, network: 'linkedin', accountId: id, followers, source: 'api', fetchedAt: FETCHED_AT });
    });
    for (const [month, rows] of groupByMonth(gains)) await write(gainsKey(month, 'linkedin', id, 'api'), encodeGains(rows));
    for (const [month, rows] of groupByMonth(totals)) await write(totalsKey(month, 'linkedin', id, 'api'), encodeTotals(rows));
  }
  await write(ACCOUNTS_KEY, encodeQuotedCsv(ACCOUNTS_COLUMNS, accounts));
  return { files };
}
