import type { DuckDBConnection, DuckDBInstance, DuckDBResultReader } from '@duckdb/node-api';
import { AppError, isAppError } from '../errors';
import { LAKE_TABLES, parseLakeKey, type LakeTable } from '../lake/lake-layout';
import { LocalLake } from '../lake/local-lake';
import { damagedFileFix } from '../lake/damaged-files';
import { duckValueConverter, type DuckValueConverter } from './duckdb-values';
import { duckPath, lakeViewStatements, sqlString, type LakeFiles } from './lake-views';
import { rowObject, type QueryEngine, type QueryOptions, type QueryResult } from './query-types';
import { QUERY_TABLES_HINT, checkReadOnlySql } from './sql-guard';

/**
 * The local query engine: an in-memory DuckDB whose views (lake-views.ts) read the lake's CSV
 * files under the table names Athena uses.
 *
 * Locked down in three layers, because the SQL comes from users (CLI, UI):
 * 1. sql-guard refuses anything but one read-only query before DuckDB sees it;
 * 2. DuckDB's own statement type must be SELECT (DESCRIBE and SHOW are SELECTs to DuckDB);
 * 3. after the views exist, file access is limited to the lake folder
 *    (`allowed_directories` + `enable_external_access=false`, which also stops extensions from
 *    being installed or loaded) and `lock_configuration` stops a query from undoing that.
 *    `enable_external_access=false` alone would also block the views' own reads, hence the
 *    lake folder as the one allowed directory.
 *
 * The views are rebuilt before a query whenever the set of lake files changed, so a long-lived
 * engine (the UI) sees months and accounts written after it opened.
 */

interface Duck {
  connection: DuckDBConnection;
  instance: DuckDBInstance;
  convert: DuckValueConverter;
  isSelect: (statementType: number) => boolean;
}

function emptyFiles(): Record<LakeTable, string[]> {
  return Object.fromEntries(LAKE_TABLES.map((t) => [t, [] as string[]])) as Record<LakeTable, string[]>;
}

/** The lake's data files per table; temporary dot-files and stray files are not data. */
async function listLakeFiles(lake: LocalLake): Promise<LakeFiles> {
  const files = emptyFiles();
  for (const key of await lake.listFiles()) {
    const info = parseLakeKey(key);
    if (info) files[info.table].push(lake.pathOf(key));
  }
  return files;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

function queryFailed(error: unknown, cancelled: boolean): AppError {
  if (isAppError(error)) return error;
  if (cancelled) return new AppError('QUERY_FAILED', 'The query was cancelled', { hint: 'run it again when you want the result', cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('QUERY_FAILED', `The local query failed: ${firstLine(message)}`, {
    hint: `check the SQL; ${QUERY_TABLES_HINT}`,
    cause: error,
  });
}

async function openDuck(): Promise<Duck> {
  const duckdb = await import('@duckdb/node-api');
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    // No extension may be fetched or loaded behind the user's back; the CSV reader is built in.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    // DuckDB 1.5.6 fails with "INTERNAL Error: Failed to cast expression to type" when this
    // optimizer meets a range filter (day BETWEEN …) over a row_number() = 1 filter, which is
    // how the fact views apply the api-over-import rule. Our tables are small; skip it.
    disabled_optimizers: 'top_n_window_elimination',
  });
  const connection = await instance.connect();
  const selectType: number = duckdb.StatementType.SELECT;
  return { connection, instance, convert: duckValueConverter(duckdb.DuckDBTypeId), isSelect: (t) => t === selectType };
}

/** Limits file access to the lake folder and locks the configuration so no query can undo it. */
export async function lockDownDuckDb(connection: DuckDBConnection, lakeDir: string): Promise<void> {
  const dir = duckPath(lakeDir).replace(/\/*$/, '/');
  await connection.run(`SET allowed_directories = [${sqlString(dir)}]`);
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}

function toResult(reader: DuckDBResultReader, convert: DuckValueConverter, maxRows: number | undefined): QueryResult {
  const columns = reader.columnNames();
  const typeIds = reader.columnTypes().map((t) => t.typeId);
  const all = reader.getRows();
  const kept = maxRows === undefined ? all : all.slice(0, maxRows);
  const rows = kept.map((values) => rowObject(columns, values.map((v, i) => convert(v, typeIds[i]))));
  return { columns, rows, engine: 'local', scannedBytes: null, ...(kept.length < all.length ? { truncated: true } : {}) };
}

class LocalQueryEngine implements QueryEngine {
  private queue: Promise<unknown> = Promise.resolve();
  private appliedViews = '';
  private closed = false;

  constructor(
    private readonly duck: Duck,
    private readonly lake: LocalLake,
  ) {}

  async refreshViews(): Promise<void> {
    const statements = lakeViewStatements(await listLakeFiles(this.lake));
    const signature = statements.join(';\n');
    if (signature === this.appliedViews) return;
    for (const statement of statements) await this.duck.connection.run(statement);
    this.appliedViews = signature;
  }

  query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    // One connection runs one statement at a time; queue so concurrent UI requests never interleave.
    const run = this.queue.then(() => this.runQuery(sql, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    this.duck.connection.closeSync();
    this.duck.instance.closeSync();
  }

  /** DuckDB names the line of a CSV it cannot read but not the file; find and name it. */
  private async namedCsvFailure(error: unknown): Promise<AppError | null> {
    if (isAppError(error) || !/CSV Error/i.test(error instanceof Error ? error.message : String(error))) return null;
    const [file] = await this.lake.findDamagedFiles().catch(() => []);
    if (file === undefined) return null;
    return new AppError('QUERY_FAILED', `The local data file ${file.path} is damaged (${file.problem}), so the query cannot read it`, {
      hint: damagedFileFix(file),
      cause: error,
    });
  }

  private async runQuery(sql: string, options: QueryOptions): Promise<QueryResult> {
    if (this.closed) throw new AppError('QUERY_FAILED', 'The local query engine is closed', { hint: 'open a new one' });
    checkReadOnlySql(sql, { dialect: 'duckdb' });
    const { signal, maxRows } = options;
    if (signal?.aborted) throw queryFailed(signal.reason, true);
    const interrupt = (): void => this.duck.connection.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      await this.refreshViews();
      const prepared = await this.duck.connection.prepare(sql);
      try {
        if (!this.duck.isSelect(prepared.statementType)) {
          throw new AppError('QUERY_REFUSED', 'Only read-only queries over the lake tables are allowed: DuckDB did not read it as a SELECT', {
            hint: QUERY_TABLES_HINT,
          });
        }
        const reader = maxRows === undefined ? await prepared.runAndReadAll() : await prepared.streamAndReadUntil(maxRows + 1);
        return toResult(reader, this.duck.convert, maxRows);
      } finally {
        prepared.destroySync();
      }
    } catch (error) {
      throw (await this.namedCsvFailure(error)) ?? queryFailed(error, signal?.aborted === true);
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }
}

/**
 * Opens an in-memory DuckDB over the lake at `lakeDir` (which may be empty or not exist yet:
 * every table is then an empty view with the right columns).
 * @throws AppError LAKE_WRITE_FAILED when the folder cannot be read, QUERY_FAILED when DuckDB cannot start.
 */
export async function openLocalEngine(lakeDir: string): Promise<QueryEngine> {
  const lake = new LocalLake(lakeDir);
  let duck: Duck;
  try {
    duck = await openDuck();
  } catch (error) {
    throw new AppError('QUERY_FAILED', `Could not start DuckDB for local queries: ${firstLine(error instanceof Error ? error.message : String(error))}`, {
      hint: 'reinstall Follower Pulse (the @duckdb/node-api module is missing or does not fit this machine)',
      cause: error,
    });
  }
  const engine = new LocalQueryEngine(duck, lake);
  try {
    await engine.refreshViews();
    await lockDownDuckDb(duck.connection, lake.dir);
  } catch (error) {
    await engine.close();
    throw queryFailed(error, false);
  }
  return engine;
}
