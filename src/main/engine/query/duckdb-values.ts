import type { DuckDBTypeId } from '@duckdb/node-api';
import { integerValue, type QueryValue } from './query-types';

/**
 * DuckDB values → the engine-neutral values of query-types.ts. The type-id enum is passed in
 * by the caller that loaded @duckdb/node-api, so importing this module never loads DuckDB.
 */
export type DuckTypeIds = typeof DuckDBTypeId;

export type DuckValueConverter = (value: unknown, typeId: DuckDBTypeId) => QueryValue;

interface WithToString {
  toString(): string;
}

function finiteNumber(value: number): QueryValue {
  // JSON has no NaN or Infinity; Athena spells them the same way.
  return Number.isFinite(value) ? value : String(value);
}

function isoFromEpoch(value: bigint, perMillisecond: bigint, divide: boolean): string {
  const ms = divide ? value / perMillisecond : value * perMillisecond;
  const date = new Date(Number(ms));
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

function timestampValue(value: unknown, typeId: DuckDBTypeId, ids: DuckTypeIds): QueryValue {
  const v = value as { micros?: bigint; millis?: bigint; seconds?: bigint; nanos?: bigint } & WithToString;
  // ±infinity timestamps have no ISO form; their own text ('infinity') says what they are.
  const asIso = (epoch: bigint | undefined, factor: bigint, divide: boolean): string =>
    epoch === undefined || !('isFinite' in v && v.isFinite) ? v.toString() : isoFromEpoch(epoch, factor, divide);
  switch (typeId) {
    case ids.TIMESTAMP_S:
      return asIso(v.seconds, 1000n, false);
    case ids.TIMESTAMP_MS:
      return asIso(v.millis, 1n, false);
    case ids.TIMESTAMP_NS:
      return asIso(v.nanos, 1_000_000n, true);
    default:
      return asIso(v.micros, 1000n, true);
  }
}

export function duckValueConverter(ids: DuckTypeIds): DuckValueConverter {
  const timestamps = new Set<DuckDBTypeId>([ids.TIMESTAMP, ids.TIMESTAMP_TZ, ids.TIMESTAMP_S, ids.TIMESTAMP_MS, ids.TIMESTAMP_NS]);
  return (value, typeId) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'bigint') return integerValue(value);
    if (typeof value === 'number') return finiteNumber(value);
    if (typeof value === 'boolean' || typeof value === 'string') return value;
    if (typeId === ids.DECIMAL) return finiteNumber((value as { toDouble(): number }).toDouble());
    if (timestamps.has(typeId)) return timestampValue(value, typeId, ids);
    // DATE prints as YYYY-MM-DD; lists, structs, intervals, UUIDs… as DuckDB writes them.
    return (value as WithToString).toString();
  };
}
