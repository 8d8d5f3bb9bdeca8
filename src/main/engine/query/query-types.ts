/**
 * One result shape for both query engines, so the CLI, the UI and scripts (`query --json`,
 * contract §3) never care whether DuckDB or Athena answered.
 *
 * Values are typed the same way on both sides: integers as numbers (a BIGINT beyond 2^53 as
 * its decimal string, so no digit is silently lost), other numbers as numbers, booleans as
 * booleans, dates as 'YYYY-MM-DD', timestamps as ISO-8601 UTC strings, NULL as null and
 * anything else (lists, intervals, …) as its text.
 */
export type QueryValue = string | number | boolean | null;

export type QueryEngineName = 'local' | 'athena';

export interface QueryResult {
  columns: string[];
  rows: Record<string, QueryValue>[];
  engine: QueryEngineName;
  /** Bytes Athena scanned (what it bills); null for the local engine. */
  scannedBytes: number | null;
  /** Athena's price of the query in US dollars (5 USD per TB, 10 MB minimum); absent locally. */
  costUsd?: number | null;
  /** True when `maxRows` cut the result short. */
  truncated?: boolean;
}

export interface QueryOptions {
  /** Aborting cancels the query (Ctrl-C): DuckDB is interrupted, Athena's query stopped. */
  signal?: AbortSignal;
  /** Keep at most this many rows; `truncated` says whether more existed. */
  maxRows?: number;
}

export interface QueryEngine {
  query(sql: string, options?: QueryOptions): Promise<QueryResult>;
  close(): Promise<void>;
}

/** Integers beyond 2^53 keep every digit as text rather than being rounded. */
export function integerValue(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** Row objects with one key per column, in column order. */
export function rowObject(columns: readonly string[], values: readonly QueryValue[]): Record<string, QueryValue> {
  const row: Record<string, QueryValue> = {};
  columns.forEach((column, index) => {
    row[column] = values[index] ?? null;
  });
  return row;
}
