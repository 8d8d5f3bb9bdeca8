import { findColumn, normalizeHeader } from './cell-values';
import { problemOf, rejectionOf, type ColumnMapping, type ParseContext, type ParsedFile, type Problem, type RawTable } from './import-types';
import { readTableRows, type ColumnPlan } from './table-rows';

/**
 * Any table with a day column and followers and/or gains. Columns are named by the mapping
 * (`--day-column` …) or found among common English and Portuguese headers, compared without
 * case, accents or punctuation (`organic_gain` = `Organic gain`).
 */

type Role = keyof ColumnMapping;

export const KNOWN_HEADERS: Record<Role, readonly string[]> = {
  day: ['day', 'date', 'data', 'dia'],
  followers: ['followers', 'total followers', 'followers count', 'follower count', 'seguidores', 'total de seguidores', 'seguidores totais'],
  organic: ['organic gain', 'organic', 'organic followers', 'organic follower gain', 'ganho organico', 'ganhos organicos', 'organico', 'organicos', 'seguidores organicos'],
  paid: ['paid gain', 'paid', 'sponsored', 'sponsored followers', 'paid follower gain', 'ganho pago', 'ganhos pagos', 'pago', 'patrocinado', 'patrocinados', 'seguidores patrocinados'],
  gain: ['total gain', 'gain', 'gains', 'net gain', 'new followers', 'ganho', 'ganhos', 'ganho total', 'ganho liquido', 'novos seguidores'],
};

const ROLE_OPTION: Record<Role, string> = {
  day: '--day-column',
  followers: '--followers-column',
  organic: '--organic-column',
  paid: '--paid-column',
  gain: '--gain-column',
};

export interface ResolvedColumns {
  plan: ColumnPlan | null;
  /** Role → the header it was taken from, for the preview. */
  used: Partial<Record<Role, string>>;
  problem: Problem | null;
}

function describeHeader(header: readonly string[]): string {
  const names = header.map((h) => JSON.stringify(h)).join(', ');
  return names.length > 200 ? `${names.slice(0, 200)}…` : names;
}

/** Finds each role's column: the mapping's name when given (it must exist), else a known header. */
export function resolveGenericColumns(header: readonly string[], mapping: ColumnMapping): ResolvedColumns {
  const index: Partial<Record<Role, number>> = {};
  const used: Partial<Record<Role, string>> = {};
  for (const role of Object.keys(KNOWN_HEADERS) as Role[]) {
    const named = mapping[role];
    const at = named === undefined ? findColumn(header, KNOWN_HEADERS[role]) : findColumn(header, [normalizeHeader(named)]);
    if (named !== undefined && at === -1) {
      return { plan: null, used, problem: problemOf('mappedColumnMissing', { column: JSON.stringify(named), option: ROLE_OPTION[role], header: describeHeader(header) }) };
    }
    if (at !== -1 && !Object.values(index).includes(at)) {
      index[role] = at;
      used[role] = header[at];
    }
  }
  if (index.day === undefined) {
    return { plan: null, used, problem: problemOf('noDayColumn', { header: describeHeader(header) }) };
  }
  if (index.followers === undefined && index.organic === undefined && index.gain === undefined) {
    return { plan: null, used, problem: problemOf('noValueColumn', { header: describeHeader(header) }) };
  }
  const plan: ColumnPlan = { day: index.day, followers: index.followers, organic: index.organic, paid: index.paid, gain: index.gain, dateOrder: 'dmy' };
  return { plan, used, problem: null };
}

export function parseGenericTable(table: RawTable, ctx: ParseContext, mapping: ColumnMapping): ParsedFile {
  const base = { file: ctx.file, format: 'generic' as const, accountId: null };
  const resolved = resolveGenericColumns(table.header, mapping);
  if (!resolved.plan) {
    const rejection = rejectionOf(ctx.file, 1, resolved.problem ?? problemOf('noDayColumn', { header: describeHeader(table.header) }));
    return { ...base, rowsRead: table.rows.length, gains: [], totals: [], rejections: [rejection], warnings: [] };
  }
  return { ...base, ...readTableRows(table, resolved.plan, ctx), warnings: [], columns: resolved.used };
}
