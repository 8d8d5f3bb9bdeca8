import { findColumn } from './cell-values';
import { noteOf, problemOf, rejectionOf, type ParseContext, type ParsedFile, type RawTable } from './import-types';
import { readTableRows, type ColumnPlan } from './table-rows';

/**
 * LinkedIn's page-analytics follower export ("New followers"): Date, Sponsored followers,
 * Organic followers, Auto-invited followers, Total followers — or the pt-BR export's names.
 * Each line is one day's new followers; auto-invited followers count as organic (they were
 * not paid for), so total_gain matches the export's Total. Dates are MM/DD/YYYY in the
 * English export and DD/MM/YYYY in the Portuguese one unless the file's own dates say which.
 *
 * A few exports carry the running follower count in "Total followers" instead of the day's
 * sum; when every line's Total exceeds the day's sum the column is read as follower totals.
 */

const EN = {
  day: ['date'],
  sponsored: ['sponsored followers'],
  organic: ['organic followers'],
  autoInvited: ['auto invited followers'],
  total: ['total followers'],
};

const PT = {
  day: ['data'],
  sponsored: ['seguidores patrocinados'],
  organic: ['seguidores organicos'],
  autoInvited: ['seguidores convidados automaticamente', 'seguidores auto convidados', 'seguidores convidados'],
  total: ['total de seguidores', 'seguidores totais', 'total seguidores'],
};

interface ExportColumns {
  language: 'en' | 'pt-BR';
  day: number;
  sponsored: number;
  organic: number;
  autoInvited: number;
  total: number;
}

export const LINKEDIN_EXPORT_COLUMNS = 'Date, Sponsored followers, Organic followers (Auto-invited followers and Total followers optional)';

function columnsIn(header: readonly string[], names: typeof EN, language: ExportColumns['language']): ExportColumns | null {
  const day = findColumn(header, names.day);
  const sponsored = findColumn(header, names.sponsored);
  const organic = findColumn(header, names.organic);
  if (day === -1 || sponsored === -1 || organic === -1) return null;
  return { language, day, sponsored, organic, autoInvited: findColumn(header, names.autoInvited), total: findColumn(header, names.total) };
}

export function recognizeLinkedInExport(header: readonly string[]): ExportColumns | null {
  return columnsIn(header, EN, 'en') ?? columnsIn(header, PT, 'pt-BR');
}

function optional(index: number): number | undefined {
  return index === -1 ? undefined : index;
}

export function parseLinkedInExport(table: RawTable, ctx: ParseContext): ParsedFile {
  const base = { file: ctx.file, format: 'linkedin-export' as const, warnings: [], accountId: null };
  const columns = recognizeLinkedInExport(table.header);
  if (!columns) {
    return { ...base, rowsRead: table.rows.length, gains: [], totals: [], rejections: [rejectionOf(ctx.file, 1, problemOf('notLinkedInExport', { columns: LINKEDIN_EXPORT_COLUMNS }))] };
  }
  const gainsPlan: ColumnPlan = {
    day: columns.day,
    organic: columns.organic,
    organicExtra: optional(columns.autoInvited),
    paid: columns.sponsored,
    dateOrder: columns.language === 'en' ? 'mdy' : 'dmy',
  };
  const asDailyTotal = readTableRows(table, { ...gainsPlan, gain: optional(columns.total) }, ctx);
  if (columns.total === -1 || asDailyTotal.rejections.length === 0) return { ...base, ...asDailyTotal };
  // Totals that never match the day's sum may be running follower counts.
  const asRunningCount = readTableRows(table, { ...gainsPlan, followers: columns.total }, ctx);
  const everyTotalBigger =
    asRunningCount.rejections.length === 0 &&
    asRunningCount.totals.every((t) => {
      const gain = asRunningCount.gains.find((g) => g.line === t.line);
      return !gain || t.followers > gain.organicGain + (gain.paidGain ?? 0);
    });
  if (everyTotalBigger && asRunningCount.totals.length > 0) {
    return { ...base, ...asRunningCount, warnings: [noteOf(problemOf('runningTotals'))] };
  }
  return { ...base, ...asDailyTotal };
}
