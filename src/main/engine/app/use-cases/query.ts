import type { QueryResultDto } from '../../../../shared/ui-api';
import type { Settings } from '../../../../shared/settings-schema';
import { AppError } from '../../errors';
import type { QueryEngine, QueryEngineName, QueryResult } from '../../query/query-types';
import { checkReadOnlySql } from '../../query/sql-guard';

/** Rows kept when the caller does not say: a table to read, not an export. */
export const DEFAULT_QUERY_ROWS = 1000;

export interface QueryRequest {
  sql: string;
  engine: QueryEngineName;
  maxRows?: number;
  /** Aborting cancels the query (Ctrl-C in the CLI); Athena stops scanning too. */
  signal?: AbortSignal;
  /** Called once the engine is open and the query is about to run (the CLI says "Running on Athena…"). */
  onRunning?: (engine: QueryEngineName) => void;
}

export interface QueryServices {
  settings: Settings;
  lakeDir: string;
  /**
   * A local engine the caller keeps open between queries (the UI; see KeptLocalEngine). Without
   * one, a local engine is opened for this query and closed after it.
   */
  localEngine?: (lakeDir: string) => Promise<QueryEngine>;
}

/** What `query --json` prints and the UI's data.query returns (contract §3). */
export type QueryAnswer = QueryResultDto;

/**
 * `query` and the UI's data.query: the engine is chosen, the SQL checked read-only, the query run
 * and its rows shaped here, so the CLI and the app give the same rows and the same error code
 * for the same cause. Athena left off is a settings problem (SETTINGS_INVALID: exit 2 in the CLI).
 *
 * @throws AppError USAGE (empty SQL, bad maxRows), QUERY_REFUSED, QUERY_FAILED, SETTINGS_INVALID, ATHENA_FAILED.
 */
export async function runQuery(request: QueryRequest, services: QueryServices): Promise<QueryAnswer> {
  const sql = request.sql.trim();
  if (sql === '') throw new AppError('USAGE', 'The query is empty', { hint: 'write one SELECT over the lake tables, e.g. SELECT * FROM follower_gains LIMIT 10' });
  const maxRows = request.maxRows ?? DEFAULT_QUERY_ROWS;
  if (!Number.isSafeInteger(maxRows) || maxRows < 1) throw new AppError('USAGE', `The row limit must be a whole number of at least 1, not ${maxRows}`, { hint: `leave it out for the first ${DEFAULT_QUERY_ROWS} rows` });
  if (request.engine === 'athena') requireAthena(services.settings);
  // Refused before an engine is opened: a write never loads DuckDB or reaches AWS.
  checkReadOnlySql(sql, { dialect: request.engine === 'athena' ? 'athena' : 'duckdb' });
  const kept = request.engine === 'local' ? services.localEngine : undefined;
  const engine = kept ? await kept(services.lakeDir) : request.engine === 'athena' ? await openAthena(services.settings) : await openLocal(services.lakeDir);
  try {
    request.onRunning?.(request.engine);
    return answerOf(await engine.query(sql, { maxRows, ...(request.signal ? { signal: request.signal } : {}) }));
  } finally {
    if (!kept) await engine.close();
  }
}

function requireAthena(settings: Settings): void {
  if (settings.athena.enabled) return;
  throw new AppError('SETTINGS_INVALID', 'Athena is not set up: athena.enabled is off', {
    hint: 'set athena.enabled to true, with athena.workgroup and athena.outputLocation, in Settings › Athena or settings.json; then run: follower-pulse athena setup',
  });
}

// The engines are imported on first use: a command or a UI that never queries never loads DuckDB or the AWS SDK.
async function openAthena(settings: Settings): Promise<QueryEngine> {
  const { openAthenaEngine } = await import('../../query/athena-engine');
  return openAthenaEngine(settings);
}

async function openLocal(lakeDir: string): Promise<QueryEngine> {
  const { openLocalEngine } = await import('../../query/local-engine');
  return openLocalEngine(lakeDir);
}

function answerOf(result: QueryResult): QueryAnswer {
  return {
    columns: result.columns,
    rows: result.rows,
    engine: result.engine,
    scannedBytes: result.scannedBytes,
    ...(result.costUsd === undefined ? {} : { costUsd: result.costUsd }),
    ...(result.truncated ? { truncated: true } : {}),
  };
}

/**
 * One local engine kept open between queries (it rebuilds its views when lake files change),
 * replaced when the lake folder changes. A failed open is not kept: the next query tries again
 * (e.g. once the folder exists).
 */
export class KeptLocalEngine {
  #kept: { dir: string; engine: Promise<QueryEngine> } | null = null;

  readonly get = (lakeDir: string): Promise<QueryEngine> => {
    if (this.#kept?.dir === lakeDir) return this.#kept.engine;
    const previous = this.#kept;
    const engine = (async (): Promise<QueryEngine> => {
      if (previous) await closeQuietly(previous.engine);
      return openLocal(lakeDir);
    })();
    engine.catch(() => {
      if (this.#kept?.engine === engine) this.#kept = null;
    });
    this.#kept = { dir: lakeDir, engine };
    return engine;
  };

  async close(): Promise<void> {
    const kept = this.#kept;
    this.#kept = null;
    if (kept) await closeQuietly(kept.engine);
  }
}

async function closeQuietly(engine: Promise<QueryEngine>): Promise<void> {
  await (await engine.catch(() => null))?.close();
}
