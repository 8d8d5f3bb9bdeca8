import type { Network } from '../../../shared/networks';
import type { Day } from '../dates';
import type { GainRow, TotalRow } from '../lake/lake-rows';
import { problemOf, rejectionOf, type GainDraft, type ImportRejection, type ParsedFile, type TotalDraft } from './import-types';

/**
 * The rows of every file of one import, one per day and table. A day given twice with the
 * same numbers is taken once (a folder of daily files overlaps harmlessly); with different
 * numbers both lines are rejected, since nothing says which is right.
 */

interface Draft {
  day: Day;
  line: number;
  file: string;
}

function where(draft: Draft): string {
  return `${draft.file}:${draft.line}`;
}

function dedupe<T extends Draft>(drafts: readonly T[], same: (a: T, b: T) => boolean, describe: (d: T) => string): { rows: T[]; rejections: ImportRejection[] } {
  const byDay = new Map<Day, T[]>();
  for (const draft of drafts) byDay.set(draft.day, [...(byDay.get(draft.day) ?? []), draft]);
  const rows: T[] = [];
  const rejections: ImportRejection[] = [];
  for (const [day, group] of byDay) {
    const first = group[0];
    if (group.every((d) => same(d, first))) {
      rows.push(first);
      continue;
    }
    for (const draft of group) {
      const others = group.filter((d) => d !== draft && !same(d, draft)).map(where);
      rejections.push(rejectionOf(draft.file, draft.line, problemOf('duplicateDay', { day, values: describe(draft), others: others.join(', ') })));
    }
  }
  return { rows: rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)), rejections };
}

export interface CombinedImport {
  gains: GainDraft[];
  totals: TotalDraft[];
  rejections: ImportRejection[];
  rowsRead: number;
}

export function combineParsedFiles(files: readonly ParsedFile[]): CombinedImport {
  const gains = dedupe(
    files.flatMap((f) => f.gains),
    (a, b) => a.organicGain === b.organicGain && a.paidGain === b.paidGain,
    (d) => `${d.organicGain} + ${d.paidGain ?? '—'}`,
  );
  const totals = dedupe(
    files.flatMap((f) => f.totals),
    (a, b) => a.followers === b.followers,
    (d) => String(d.followers),
  );
  const rejections = [...files.flatMap((f) => f.rejections), ...gains.rejections, ...totals.rejections];
  rejections.sort((a, b) => a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0));
  return { gains: gains.rows, totals: totals.rows, rejections, rowsRead: files.reduce((n, f) => n + f.rowsRead, 0) };
}

export interface RowIdentity {
  network: Network;
  accountId: string;
  /** The import's time, as every row's fetched_at. */
  fetchedAt: string;
}

export function toGainRows(drafts: readonly GainDraft[], id: RowIdentity): GainRow[] {
  return drafts.map((d) => ({
    day: d.day,
    network: id.network,
    accountId: id.accountId,
    organicGain: d.organicGain,
    paidGain: d.paidGain,
    totalGain: d.organicGain + (d.paidGain ?? 0),
    source: 'import',
    fetchedAt: id.fetchedAt,
  }));
}

export function toTotalRows(drafts: readonly TotalDraft[], id: RowIdentity): TotalRow[] {
  return drafts.map((d) => ({ day: d.day, network: id.network, accountId: id.accountId, followers: d.followers, source: 'import', fetchedAt: id.fetchedAt }));
}
