import { LakeFactsStore } from '../../engine/derived/lake-facts-store';
import { lakeFactsCachePath } from '../../engine/derived/derived-paths';
import type { InsightsServices } from '../../engine/app/insights-selection';
import type { CliContext } from '../cli-context';

/** The analytics' services for one CLI process; the derived cache under the home keeps it fast. */
export async function cliInsightsServices(ctx: CliContext): Promise<InsightsServices> {
  const settings = await ctx.settings();
  const lakeDir = ctx.lakeDir(settings);
  const store = new LakeFactsStore(lakeDir, lakeFactsCachePath(ctx.home));
  return { settings, facts: () => store.facts(), home: ctx.home, lakeDir, now: () => ctx.now() };
}
