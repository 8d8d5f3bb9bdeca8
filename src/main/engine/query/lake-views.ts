import {
  ACCOUNTS_COLUMNS,
  COMPANY_EVENTS_COLUMNS,
  GAINS_COLUMNS,
  LAKE_TABLES,
  SYNC_RUNS_COLUMNS,
  TOTALS_COLUMNS,
  type LakeTable,
} from '../lake/lake-layout';

/**
 * DuckDB views that show the local lake under the same table names, columns and types as the
 * Athena tables (athena-ddl.ts), so one SQL text means the same on both engines. Pure: the
 * engine passes in the data files it found, and re-applies these statements whenever that set
 * changes.
 *
 * Files are listed explicitly rather than globbed: a glob would also match a temporary
 * `.x.csv` being written, and cannot be empty (read_csv fails on no match), while an explicit
 * list of the lake's own files is neither.
 */

type DuckType = 'DATE' | 'VARCHAR' | 'BIGINT';

interface ViewSpec {
  columns: readonly (readonly [string, DuckType])[];
  /** Month-partitioned (`<table>/month=YYYY-MM/…`): a `month` column comes from the path. */
  partitioned: boolean;
  /** Facts from two sources: keep the `api` row where `import` has the same day (contract §6). */
  preferApi: boolean;
  /** The quoted dimension tables: every column text, "" is an empty string as OpenCSVSerDe reads it. */
  quoted: boolean;
}

const text = (names: readonly string[]): (readonly [string, DuckType])[] => names.map((n) => [n, 'VARCHAR'] as const);

function typed(names: readonly string[], types: Record<string, DuckType>): (readonly [string, DuckType])[] {
  return names.map((n) => [n, types[n] ?? 'VARCHAR'] as const);
}

const BIGINT = 'BIGINT' as const;

export const VIEW_SPECS: Readonly<Record<LakeTable, ViewSpec>> = {
  follower_gains: {
    columns: typed(GAINS_COLUMNS, { day: 'DATE', organic_gain: BIGINT, paid_gain: BIGINT, total_gain: BIGINT }),
    partitioned: true,
    preferApi: true,
    quoted: false,
  },
  follower_totals: {
    columns: typed(TOTALS_COLUMNS, { day: 'DATE', followers: BIGINT }),
    partitioned: true,
    preferApi: true,
    quoted: false,
  },
  accounts: { columns: text(ACCOUNTS_COLUMNS), partitioned: false, preferApi: false, quoted: true },
  company_events: { columns: text(COMPANY_EVENTS_COLUMNS), partitioned: false, preferApi: false, quoted: true },
  sync_runs: {
    columns: typed(SYNC_RUNS_COLUMNS, { days_written: BIGINT, rows_written: BIGINT, api_calls: BIGINT }),
    partitioned: true,
    preferApi: false,
    quoted: false,
  },
};

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** DuckDB accepts `/` on every platform; one separator keeps paths and allowed_directories comparable. */
export function duckPath(path: string): string {
  return path.replaceAll('\\', '/');
}

function ident(name: string): string {
  return `"${name}"`;
}

function outputColumns(spec: ViewSpec): string[] {
  return [...spec.columns.map(([name]) => ident(name)), ...(spec.partitioned ? [ident('month')] : [])];
}

function emptySelect(spec: ViewSpec): string {
  const columns = spec.columns.map(([name, type]) => `CAST(NULL AS ${type}) AS ${ident(name)}`);
  if (spec.partitioned) columns.push(`CAST(NULL AS VARCHAR) AS ${ident('month')}`);
  return `SELECT ${columns.join(', ')} WHERE false`;
}

function readCsv(spec: ViewSpec, files: readonly string[]): string {
  const list = `[${files.map((f) => sqlString(duckPath(f))).join(', ')}]`;
  const columns = `{${spec.columns.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ')}}`;
  const options = [
    'header = true',
    'auto_detect = false',
    "delim = ','",
    `quote = '"'`,
    `escape = '"'`,
    `columns = ${columns}`,
  ];
  if (spec.partitioned) options.push('hive_partitioning = true', "hive_types = {'month': 'VARCHAR'}");
  if (spec.quoted) options.push('allow_quoted_nulls = false');
  // A company_events file written before account_id existed reads as "every account" (contract §6).
  if (spec.quoted) options.push('null_padding = true');
  return `read_csv(${list}, ${options.join(', ')})`;
}

function viewBody(spec: ViewSpec, files: readonly string[]): string {
  if (files.length === 0) return emptySelect(spec);
  const select = `SELECT ${outputColumns(spec).join(', ')} FROM ${readCsv(spec, files)}`;
  if (!spec.preferApi) return select;
  return `${select} QUALIFY row_number() OVER (PARTITION BY day, network, account_id ORDER BY CASE WHEN source = 'api' THEN 0 ELSE 1 END) = 1`;
}

export type LakeFiles = Readonly<Record<LakeTable, readonly string[]>>;

/** One CREATE OR REPLACE VIEW per lake table over the given absolute file paths (sorted by the caller). */
export function lakeViewStatements(files: LakeFiles): string[] {
  return LAKE_TABLES.map((table) => `CREATE OR REPLACE VIEW ${ident(table)} AS ${viewBody(VIEW_SPECS[table], files[table])}`);
}
