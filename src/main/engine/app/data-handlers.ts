import type { CoverageView, QueryResultDto } from '../../../shared/ui-api';
import type { Settings } from '../../../shared/settings-schema';
import { AppError } from '../errors';
import type { QueryEngine, QueryResult } from '../query/query-types';
import { planBounds } from '../sync/sync-planner';
import type { AppContext } from './app-context';
import { lakeFactsCachePath } from '../derived/derived-paths';
import { lakeFactsStoreFor } from '../derived/shared-store';
import { coverageFromFacts } from './insights-coverage';
import type { MethodGroup } from './method-table';

/** Rows sent to the UI when it does not say: a table view, not an export. */
const DEFAULT_MAX_ROWS = 1000;

/**
 * lake.coverage, data.previews, data.query. The query engines are imported on first use, so
 * a UI that never opens the Data view never loads DuckDB or the AWS SDK. The local engine stays
 * open between queries (it rebuilds its views when lake files change) until the lake folder
 * changes or the handlers close.
 */
export class DataHandlers {
  readonly #ctx: AppContext;
  #local: { dir: string; engine: Promise<QueryEngine> } | null = null;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  handlers(): MethodGroup<'lake.coverage' | 'data.previews' | 'data.query'> {
    return {
      'lake.coverage': () => this.#coverage(),
      'data.previews': async () => {
        const { previewQueries } = await import('../query/preview-queries');
        return previewQueries.map(({ id, title, sql }) => ({ id, title, sql }));
      },
      'data.query': async ({ sql, engine, maxRows }) => {
        const settings = await this.#ctx.settings();
        const options = { maxRows: maxRows ?? DEFAULT_MAX_ROWS };
        const result = engine === 'athena' ? await queryAthena(settings, sql, options) : await (await this.#localEngine(settings)).query(sql, options);
        return toDto(result);
      },
    };
  }

  async close(): Promise<void> {
    const local = this.#local;
    this.#local = null;
    if (local) await (await local.engine.catch(() => null))?.close();
  }

  async #coverage(): Promise<CoverageView[]> {
    const settings = await this.#ctx.settings();
    const bounds = planBounds(this.#ctx.deps.now(), settings.linkedin);
    // The derived store (engine/derived) keeps this ≤ 100 ms for 200 pages; coverageView reads every file.
    const store = lakeFactsStoreFor(this.#ctx.lakeDir(settings), lakeFactsCachePath(this.#ctx.deps.home));
    return coverageFromFacts(settings, await store.facts(), bounds);
  }

  async #localEngine(settings: Settings): Promise<QueryEngine> {
    const dir = this.#ctx.lakeDir(settings);
    if (this.#local?.dir !== dir) {
      await this.close();
      const engine = import('../query/local-engine').then(({ openLocalEngine }) => openLocalEngine(dir));
      // A failed open is not cached: the next query tries again (e.g. after the folder exists).
      engine.catch(() => {
        if (this.#local?.engine === engine) this.#local = null;
      });
      this.#local = { dir, engine };
    }
    return this.#local.engine;
  }
}

async function queryAthena(settings: Settings, sql: string, options: { maxRows: number }): Promise<QueryResult> {
  if (!settings.athena.enabled) {
    throw new AppError('ATHENA_FAILED', 'Athena is not set up', { hint: 'turn it on and fill database, workgroup and output location in Settings › Athena' });
  }
  const { openAthenaEngine } = await import('../query/athena-engine');
  const engine = await openAthenaEngine(settings);
  try {
    return await engine.query(sql, options);
  } finally {
    await engine.close();
  }
}

function toDto(result: QueryResult): QueryResultDto {
  return {
    columns: result.columns,
    rows: result.rows,
    engine: result.engine,
    scannedBytes: result.scannedBytes,
    ...(result.costUsd === undefined ? {} : { costUsd: result.costUsd }),
    ...(result.truncated ? { truncated: true } : {}),
  };
}
