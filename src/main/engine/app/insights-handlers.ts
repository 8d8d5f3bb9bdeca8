import type { InsightsApiMethods } from '../../../shared/insights';
import type { LakeFactsStore } from '../derived/lake-facts-store';
import { lakeFactsStoreFor } from '../derived/shared-store';
import { lakeFactsCachePath } from '../derived/derived-paths';
import type { AppContext } from './app-context';
import { addEvent, importEvents, listEvents, removeEvent, updateEvent } from './insights-events';
import { insightsForecast } from './insights-forecast';
import { addGoal, listGoals, removeGoal } from './insights-goals';
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

  handlers(): MethodGroup<keyof InsightsApiMethods> {
    return {
      'insights.report': async (request) => insightsReport(await this.#services(), request),
      'insights.forecast': async (request) => insightsForecast(await this.#services(), request),
      'events.list': async () => listEvents(await this.#services()),
      'events.add': async (request) => addEvent(await this.#services(), request),
      'events.update': async (request) => updateEvent(await this.#services(), request),
      'events.remove': async ({ id }) => removeEvent(await this.#services(), id),
      'events.import': async ({ csv }) => importEvents(await this.#services(), csv),
      'goals.list': async () => listGoals(await this.#services()),
      'goals.add': async (request) => addGoal(await this.#services(), request),
      'goals.remove': async ({ id }) => removeGoal(await this.#services(), id),
    };
  }

  async #services(): Promise<InsightsServices> {
    const settings = await this.#ctx.settings();
    const lakeDir = this.#ctx.lakeDir(settings);
    if (this.#store?.lakeDir !== lakeDir) this.#store = lakeFactsStoreFor(lakeDir, lakeFactsCachePath(this.#ctx.deps.home));
    const store = this.#store;
    return { settings, facts: () => store.facts(), home: this.#ctx.deps.home, lakeDir, now: this.#ctx.deps.now };
  }
}
