import { LakeFactsStore } from '../derived/lake-facts-store';
import { lakeFactsCachePath } from '../derived/derived-paths';
import type { AppContext } from './app-context';
import { insightsReport } from './insights-report';
import type { InsightsServices } from './insights-selection';
import type { MethodGroup } from './method-table';

/**
 * The analytics' UI methods. One derived store stays open for the lake folder, so a warm call
 * only looks at the month folders that changed since the last one.
 */
export class InsightsHandlers {
  readonly #ctx: AppContext;
  #store: LakeFactsStore | null = null;

  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  handlers(): MethodGroup<'insights.report'> {
    return {
      'insights.report': async (request) => insightsReport(await this.#services(), request),
    };
  }

  async #services(): Promise<InsightsServices> {
    const settings = await this.#ctx.settings();
    const lakeDir = this.#ctx.lakeDir(settings);
    if (this.#store?.lakeDir !== lakeDir) this.#store = new LakeFactsStore(lakeDir, lakeFactsCachePath(this.#ctx.deps.home));
    const store = this.#store;
    return { settings, facts: () => store.facts(), home: this.#ctx.deps.home, lakeDir, now: this.#ctx.deps.now };
  }
}
