import { isMonth } from '../lake/lake-layout';
import { normalizePrefix } from '../lake/s3-plan';
import { ATHENA_TABLES, type AthenaColumn, type AthenaTableShape } from './athena-tables';

/**
 * Athena DDL for the lake (contract §6), and the decision whether an existing table must be
 * replaced. Pure: `athena setup` runs the statements and fetches table metadata.
 *
 * Partition projection on `month` means no crawler and no MSCK REPAIR: a month folder is
 * queryable the moment its first file lands. Tables are EXTERNAL, so DROP TABLE + CREATE
 * (the update path when a definition changed) never touches the data on S3.
 */

export interface AthenaDdlInput {
  database: string;
  bucket: string;
  /** The lake's key prefix in the bucket, as settings hold it ('' = bucket root). */
  prefix: string;
  /** First month of the projection range (YYYY-MM): the oldest month the lake holds. */
  oldestMonth: string;
}

export interface AthenaTableDefinition extends AthenaTableShape {
  database: string;
  location: string;
  serdeLibrary: string;
  serdeProperties: Record<string, string>;
  tableProperties: Record<string, string>;
}

const LAZY_SIMPLE_SERDE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe';
const OPEN_CSV_SERDE = 'org.apache.hadoop.hive.serde2.OpenCSVSerde';

// Fact tables hold no free text (contract §6): plain commas, and an empty field is NULL (not
// the empty string LazySimpleSerDe would give a string column, nor an error for a bigint).
const LAZY_SIMPLE_PROPERTIES = { 'field.delim': ',', 'serialization.format': ',', 'serialization.null.format': '' };
const OPEN_CSV_PROPERTIES = { separatorChar: ',', quoteChar: '"', escapeChar: '\\' };

/** `s3://bucket/prefix/` with exactly one slash between parts, the prefix normalised as the S3 uploader does. */
export function lakeS3Url(bucket: string, prefix: string): string {
  return `s3://${bucket.trim()}/${normalizePrefix(prefix)}`;
}

function projectionProperties(location: string, oldestMonth: string): Record<string, string> {
  return {
    'projection.enabled': 'true',
    'projection.month.type': 'date',
    'projection.month.format': 'yyyy-MM',
    'projection.month.interval': '1',
    'projection.month.interval.unit': 'MONTHS',
    'projection.month.range': `${oldestMonth},NOW`,
    'storage.location.template': `${location}month=\${month}/`,
  };
}

function checkInput(input: AthenaDdlInput): void {
  if (!isMonth(input.oldestMonth)) throw new RangeError(`oldestMonth is not YYYY-MM: ${input.oldestMonth}`);
  if (!/^[a-z0-9_]{1,255}$/.test(input.database)) throw new RangeError(`Not an Athena database name: ${input.database}`);
  // Legacy us-east-1 buckets may hold capitals and underscores; no bucket holds a quote or a slash.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/.test(input.bucket.trim())) throw new RangeError(`Not an S3 bucket name: ${input.bucket}`);
}

/** Every lake table as Athena should define it, in creation order. */
export function athenaTableDefinitions(input: AthenaDdlInput): AthenaTableDefinition[] {
  checkInput(input);
  const root = lakeS3Url(input.bucket, input.prefix);
  return ATHENA_TABLES.map((shape) => {
    const location = `${root}${shape.name}/`;
    const lazy = shape.format === 'lazy-simple';
    return {
      ...shape,
      database: input.database,
      location,
      serdeLibrary: lazy ? LAZY_SIMPLE_SERDE : OPEN_CSV_SERDE,
      serdeProperties: lazy ? { ...LAZY_SIMPLE_PROPERTIES } : { ...OPEN_CSV_PROPERTIES },
      tableProperties: {
        ...(shape.partition ? projectionProperties(location, input.oldestMonth) : {}),
        'skip.header.line.count': '1',
      },
    };
  });
}

// ---- rendering ------------------------------------------------------------------------------

/** A Hive DDL string literal: backslash escapes, as Athena's DDL parser expects. */
export function hiveString(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function quoteName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

function qualified(database: string, table: string): string {
  return `${quoteName(database)}.${quoteName(table)}`;
}

function columnLine(column: AthenaColumn): string {
  return `  ${quoteName(column.name)} ${column.type} COMMENT ${hiveString(column.comment)}`;
}

function propertyLines(properties: Record<string, string>): string {
  return Object.entries(properties)
    .map(([key, value]) => `  ${hiveString(key)} = ${hiveString(value)}`)
    .join(',\n');
}

export function createDatabaseSql(database: string): string {
  return `CREATE DATABASE IF NOT EXISTS ${quoteName(database)}\nCOMMENT 'Follower Pulse: daily social follower statistics'`;
}

export function createTableSql(table: AthenaTableDefinition): string {
  const lines = [
    `CREATE EXTERNAL TABLE IF NOT EXISTS ${qualified(table.database, table.name)} (`,
    table.columns.map(columnLine).join(',\n'),
    ')',
    `COMMENT ${hiveString(table.comment)}`,
  ];
  if (table.partition) lines.push('PARTITIONED BY (', columnLine(table.partition), ')');
  lines.push(
    `ROW FORMAT SERDE ${hiveString(table.serdeLibrary)}`,
    'WITH SERDEPROPERTIES (',
    propertyLines(table.serdeProperties),
    ')',
    'STORED AS TEXTFILE',
    `LOCATION ${hiveString(table.location)}`,
    'TBLPROPERTIES (',
    propertyLines(table.tableProperties),
    ')',
  );
  return lines.join('\n');
}

export function dropTableSql(database: string, table: string): string {
  return `DROP TABLE IF EXISTS ${qualified(database, table)}`;
}

/** The whole setup in order: the database, then one CREATE EXTERNAL TABLE per lake folder. */
export function athenaDdl(input: AthenaDdlInput): string[] {
  return [createDatabaseSql(input.database), ...athenaTableDefinitions(input).map(createTableSql)];
}

// ---- update decision ------------------------------------------------------------------------

/** The parts of Athena's GetTableMetadata answer the decision reads (the SDK's TableMetadata fits). */
export interface AthenaTableMetadata {
  Columns?: { Name?: string; Type?: string; Comment?: string }[];
  PartitionKeys?: { Name?: string; Type?: string; Comment?: string }[];
  Parameters?: Record<string, string>;
}

export type TableChange = { action: 'create' } | { action: 'unchanged' } | { action: 'replace'; reasons: string[] };

function columnKey(c: { Name?: string; Type?: string; Comment?: string }): string {
  return `${(c.Name ?? '').toLowerCase()} ${(c.Type ?? '').toLowerCase()} ${c.Comment ?? ''}`;
}

function wantedColumns(columns: readonly AthenaColumn[]): string[] {
  return columns.map((c) => columnKey({ Name: c.name, Type: c.type, Comment: c.comment }));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function storageReasons(table: AthenaTableDefinition, parameters: Record<string, string>): string[] {
  const reasons: string[] = [];
  const location = parameters.location;
  if (location === undefined || withSlash(location) !== table.location) reasons.push('location changed');
  // Catalogs report the SerDe as serde.serialization.lib / serde.param.*; one that leaves them
  // out has not shown a difference, so only a value that is present and different counts.
  const serde = parameters['serde.serialization.lib'];
  if (serde !== undefined && serde !== table.serdeLibrary) reasons.push('SerDe changed');
  for (const [key, value] of Object.entries(table.serdeProperties)) {
    const actual = parameters[`serde.param.${key}`];
    if (actual !== undefined && actual !== value) reasons.push(`${key} changed`);
  }
  return reasons;
}

/**
 * Whether `athena setup` must create the table, leave it, or replace it (DROP + CREATE: the
 * table is external, so no data is lost) because its definition differs from `table`.
 */
export function planTableChange(table: AthenaTableDefinition, actual: AthenaTableMetadata | null): TableChange {
  if (actual === null) return { action: 'create' };
  const parameters = actual.Parameters ?? {};
  const reasons: string[] = [];
  if (!sameList((actual.Columns ?? []).map(columnKey), wantedColumns(table.columns))) reasons.push('columns changed');
  if (!sameList((actual.PartitionKeys ?? []).map(columnKey), wantedColumns(table.partition ? [table.partition] : []))) {
    reasons.push('partitioning changed');
  }
  reasons.push(...storageReasons(table, parameters));
  for (const [key, value] of Object.entries(table.tableProperties)) {
    if (parameters[key] !== value) reasons.push(`${key} changed`);
  }
  if (parameters.comment !== undefined && parameters.comment !== table.comment) reasons.push('table comment changed');
  return reasons.length === 0 ? { action: 'unchanged' } : { action: 'replace', reasons };
}
