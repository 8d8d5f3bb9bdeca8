import type { CoverageView } from '../../../shared/ui-api';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';
import { KeptLocalEngine, runQuery } from './use-cases/query';
import { coverageViews } from './use-cases/status';

/**
 * lake.coverage, data.previews, data.query. Queries go through the `query` use case, which the
 * CLI calls too; the local engine is kept open between queries until the lake folder changes or
 * the handlers close.
 */
export class DataHandlers {
  readonly #ctx: AppContext;
  readonly #local = new KeptLocalEngine();

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
        return runQuery({ sql, engine, ...(maxRows === undefined ? {} : { maxRows }) }, { settings, lakeDir: this.#ctx.lakeDir(settings), localEngine: this.#local.get });
      },
    };
  }

  async close(): Promise<void> {
    await this.#local.close();
  }

  async #coverage(): Promise<CoverageView[]> {
    const settings = await this.#ctx.settings();
    return coverageViews({ home: this.#ctx.deps.home, lakeDir: this.#ctx.lakeDir(settings), settings, now: this.#ctx.deps.now() });
  }
}
