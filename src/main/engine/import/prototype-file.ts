import { findColumn } from './cell-values';
import type { ParseContext, ParsedFile, RawTable } from './import-types';
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
    return { ...base, rowsRead: table.rows.length, gains: [], accountId: null, rejections: [{ file: ctx.file, line: 1, reason: `not a prototype follower_stats file: expected the columns ${PROTOTYPE_COLUMNS}` }] };
  }
  const result = readTableRows(table, { day: columns.day, organic: columns.organic, paid: columns.paid, dateOrder: 'dmy' }, ctx);
  let accountId = expectedAccountId;
  const badLines = new Map<number, string>();
  for (const row of table.rows) {
    const urn = String(row.cells[columns.entity] ?? '').trim();
    const id = ORG_URN_RE.exec(urn)?.[1];
    if (!id) {
      if (row.cells.some((c) => c !== null && String(c).trim() !== '')) badLines.set(row.line, `organizationalEntity ${JSON.stringify(urn.slice(0, 60))} is not urn:li:organization:ID`);
      continue;
    }
    accountId ??= id;
    if (id !== accountId) badLines.set(row.line, `the line is for organization ${id}, not ${accountId}`);
  }
  const rejections = [...result.rejections];
  for (const [line, reason] of badLines) if (!rejections.some((r) => r.line === line)) rejections.push({ file: ctx.file, line, reason });
  rejections.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...base, rowsRead: result.rowsRead, gains: result.gains.filter((g) => !badLines.has(g.line)), rejections, accountId };
}
