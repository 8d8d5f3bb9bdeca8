import { findColumn } from './cell-values';
import { problemOf, rejectionOf, type ParseContext, type ParsedFile, type Problem, type RawTable } from './import-types';
import { readTableRows } from './table-rows';

/**
 * The old prototype's `follower_stats_YYYYMMDD.csv`: pandas on Windows wrote
 * `organizationalEntity, Data, Ganhos de seguidores orgânicos, Ganhos de seguidores
 * patrocinados` with CRLF line ends, sometimes with a BOM or its index as an unnamed first
 * column. The page is named on every line as `urn:li:organization:ID`.
 */

export const PROTOTYPE_COLUMNS = 'organizationalEntity, Data, Ganhos de seguidores orgânicos, Ganhos de seguidores patrocinados';
const ORG_URN_RE = /^urn:li:organization:(\d{1,20})$/;

interface PrototypeColumns {
  entity: number;
  day: number;
  organic: number;
  paid: number;
}

export function recognizePrototype(header: readonly string[]): PrototypeColumns | null {
  const columns = {
    entity: findColumn(header, ['organizationalentity']),
    day: findColumn(header, ['data']),
    organic: findColumn(header, ['ganhos de seguidores organicos']),
    paid: findColumn(header, ['ganhos de seguidores patrocinados']),
  };
  return Object.values(columns).includes(-1) ? null : columns;
}

/** @param expectedAccountId the account the import is for, when the user named one. */
export function parsePrototypeFile(table: RawTable, ctx: ParseContext, expectedAccountId: string | null): ParsedFile {
  const base = { file: ctx.file, format: 'prototype' as const, warnings: [], totals: [] };
  const columns = recognizePrototype(table.header);
  if (!columns) {
    return { ...base, rowsRead: table.rows.length, gains: [], accountId: null, rejections: [rejectionOf(ctx.file, 1, problemOf('notPrototype', { columns: PROTOTYPE_COLUMNS }))] };
  }
  const result = readTableRows(table, { day: columns.day, organic: columns.organic, paid: columns.paid, dateOrder: 'dmy' }, ctx);
  let accountId = expectedAccountId;
  const badLines = new Map<number, Problem>();
  for (const row of table.rows) {
    const urn = String(row.cells[columns.entity] ?? '').trim();
    const id = ORG_URN_RE.exec(urn)?.[1];
    if (!id) {
      if (row.cells.some((c) => c !== null && String(c).trim() !== '')) badLines.set(row.line, problemOf('badUrn', { value: JSON.stringify(urn.slice(0, 60)) }));
      continue;
    }
    accountId ??= id;
    if (id !== accountId) badLines.set(row.line, problemOf('otherOrganization', { id, expected: accountId }));
  }
  const rejections = [...result.rejections];
  for (const [line, problem] of badLines) if (!rejections.some((r) => r.line === line)) rejections.push(rejectionOf(ctx.file, line, problem));
  rejections.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...base, rowsRead: result.rowsRead, gains: result.gains.filter((g) => !badLines.has(g.line)), rejections, accountId };
}
