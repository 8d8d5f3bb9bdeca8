import type { QueryResult, QueryValue } from '../engine/query/query-types';

/** `query`'s text output: an aligned table and a summary line. Pure. */

const MAX_CELL = 60;

function cellText(value: QueryValue): string {
  if (value === null) return 'NULL';
  // One table row per result row: line breaks in text would tear the table apart.
  const text = String(value).replace(/\r\n|\r|\n/g, ' ');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
}

function isNumeric(result: QueryResult, column: string): boolean {
  const values = result.rows.map((r) => r[column] ?? null).filter((v) => v !== null);
  return values.length > 0 && values.every((v) => typeof v === 'number');
}

export function formatResultTable(result: QueryResult): string[] {
  const { columns, rows } = result;
  const cells = rows.map((row) => columns.map((c) => cellText(row[c] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const rightAligned = columns.map((c) => isNumeric(result, c));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (rightAligned[i] ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}

function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return mb < 10 ? mb.toFixed(2) : mb.toFixed(0);
}

export function formatResultSummary(result: QueryResult, maxRows: number): string {
  const count = `${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'}`;
  const parts = [result.truncated ? `${count} (cut at --max-rows ${maxRows}; more exist)` : count];
  if (result.engine === 'athena' && result.scannedBytes !== null) {
    parts.push(`scanned ${megabytes(result.scannedBytes)} MB`, `~$${(result.costUsd ?? 0).toFixed(4)}`);
  }
  return parts.join(' · ');
}
