import { integerValue, type QueryValue } from './query-types';

/**
 * Athena's GetQueryResults cells (every value a string, NULL an absent VarCharValue) → the
 * same typed values DuckDB gives (query-types.ts), using the column types Athena reports in
 * ResultSetMetadata.ColumnInfo. Pure.
 */

export interface AthenaColumnInfo {
  Name?: string;
  Label?: string;
  Type?: string;
}

export interface AthenaResultRow {
  Data?: { VarCharValue?: string }[];
}

const INTEGER_TYPES = new Set(['tinyint', 'smallint', 'integer', 'int', 'bigint']);
const FLOAT_TYPES = new Set(['double', 'float', 'real', 'decimal']);
// Trino prints '2026-11-02 03:04:05.123' (and for a zoned value ' UTC' or another zone after it).
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: (UTC|Z|\+00:00))?$/;

function numberValue(text: string): QueryValue {
  const value = Number(text);
  // JSON has no NaN or Infinity; DuckDB's side gives their text too.
  return Number.isFinite(value) ? value : String(value);
}

function integerCell(text: string): QueryValue {
  return /^-?\d+$/.test(text) ? integerValue(BigInt(text)) : text;
}

function timestampCell(text: string): string {
  const match = TIMESTAMP.exec(text);
  if (!match) return text;
  const ms = Date.parse(`${match[1]}T${match[2]}Z`);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

/** Athena reports types such as 'decimal(10,2)' or 'varchar(20)': the base name decides. */
function baseType(type: string | undefined): string {
  return (type ?? 'varchar').toLowerCase().replace(/\(.*$/, '').trim();
}

export function athenaCellValue(text: string | undefined, type: string | undefined): QueryValue {
  if (text === undefined) return null;
  const base = baseType(type);
  if (base === 'boolean') return text === 'true';
  if (INTEGER_TYPES.has(base)) return integerCell(text);
  if (FLOAT_TYPES.has(base)) return numberValue(text);
  if (base === 'timestamp' || base === 'timestamp with time zone') return timestampCell(text);
  return text;
}

export function athenaColumnNames(columns: readonly AthenaColumnInfo[]): string[] {
  return columns.map((c, i) => c.Name ?? c.Label ?? `_col${i}`);
}

/** The typed values of each row, one per column; a short row is padded with nulls. */
export function athenaRowValues(columns: readonly AthenaColumnInfo[], rows: readonly AthenaResultRow[]): QueryValue[][] {
  return rows.map((row) => columns.map((column, i) => athenaCellValue(row.Data?.[i]?.VarCharValue, column.Type)));
}

/** Whether a row is the header Athena puts first on the first page of a SELECT's results. */
export function isHeaderRow(columns: readonly AthenaColumnInfo[], row: AthenaResultRow | undefined): boolean {
  const names = athenaColumnNames(columns);
  return row !== undefined && names.length > 0 && names.every((name, i) => row.Data?.[i]?.VarCharValue === name);
}

const MIN_BILLED_BYTES = 10_000_000;
const USD_PER_BYTE = 5 / 1e12;

/** Athena bills 5 USD per TB scanned, rounded up to the megabyte with a 10 MB minimum; DDL is free. */
export function athenaCostUsd(scannedBytes: number, statementType: string | undefined): number {
  if (statementType === 'DDL') return 0;
  const billed = Math.max(Math.ceil(scannedBytes / 1e6) * 1e6, MIN_BILLED_BYTES);
  return billed * USD_PER_BYTE;
}
