import type { RunWarning } from '../../../../shared/run-record';
import { facebookSettingsSchema, type Settings } from '../../../../shared/settings-schema';
import { addDays, type Day } from '../../dates';
import { AppError, toAppError } from '../../errors';
import { accountDoctorChecks } from '../account-doctor';
import { storedToken } from '../stored-token';
import type { FetchWindow, NetworkGain, SourceClient, SourceClientContext, SourceDescription } from '../source';
import { GraphClient } from './graph-client';
import { GraphMetricUnavailableError } from './graph-errors';
import { countField, parseInsights, stringField } from './graph-insights';

const FOLLOWS_METRIC = 'page_daily_follows_unique';
const UNFOLLOWS_METRIC = 'page_daily_unfollows_unique';
/** Meta keeps Page insights 2 years and answers at most 90 days per since/until request. */
const FACEBOOK_HISTORY_DAYS = 730;
const FACEBOOK_MAX_WINDOW_DAYS = 90;

const TOKEN = storedToken({
  secret: 'facebook.pageToken',
  missingCode: 'FACEBOOK_TOKEN_MISSING',
  missing: 'No Facebook Page token is stored',
  hints: {
    sync: 'run: follower-pulse secret set facebook.pageToken (a Page access token)',
    ui: 'paste a Page access token in Settings › Pages',
    cli: 'run: follower-pulse secret set facebook.pageToken (or add --name NAME)',
  },
});

const facebookOldestServedDay = (today: Day): Day => addDays(today, -FACEBOOK_HISTORY_DAYS);

/**
 * A Facebook Page: `followers_count` as the daily snapshot, daily follows − unfollows as the
 * organic gain (Pages have no paid split). When Meta removes a follow metric the client
 * stops asking for gains and the run records totals only, with a warning.
 */
export class FacebookSourceClient implements SourceClient {
  readonly graph: GraphClient;
  /** Set when Meta no longer serves the daily follow metrics; later accounts skip the call. */
  metricsUnavailable: string | null = null;

  constructor(graph: GraphClient) {
    this.graph = graph;
  }

  get apiCalls(): number {
    return this.graph.apiCalls;
  }

  get gainsUnavailable(): boolean {
    return this.metricsUnavailable !== null;
  }

  async fetchGains(pageId: string, window: FetchWindow): Promise<NetworkGain[]> {
    if (this.metricsUnavailable !== null) return [];
    let body: unknown;
    try {
      body = await this.graph.get(
        `/${encodeURIComponent(pageId)}/insights`,
        { metric: `${FOLLOWS_METRIC},${UNFOLLOWS_METRIC}`, period: 'day', since: window.from, until: addDays(window.to, 1) },
        { insights: true },
      );
    } catch (error) {
      if (!(error instanceof GraphMetricUnavailableError)) throw error;
      this.metricsUnavailable = error.message;
      return [];
    }
    const series = parseInsights('facebook', body);
    const follows = series.get(FOLLOWS_METRIC)?.values ?? new Map<Day, number>();
    const unfollows = series.get(UNFOLLOWS_METRIC)?.values ?? new Map<Day, number>();
    const gains: NetworkGain[] = [];
    for (const [day, added] of follows) {
      const removed = unfollows.get(day);
      // A day with only one side is not known: leave it missing rather than guess the other.
      if (removed === undefined || day < window.from || day > window.to) continue;
      gains.push({ day, organicGain: added - removed, paidGain: null });
    }
    return gains.sort((a, b) => (a.day < b.day ? -1 : 1));
  }

  async fetchTotal(pageId: string): Promise<number> {
    return countField('facebook', await this.graph.get(`/${encodeURIComponent(pageId)}`, { fields: 'followers_count' }), 'followers_count');
  }

  async lookUpName(pageId: string): Promise<string> {
    const body = await this.graph.get(`/${encodeURIComponent(pageId)}`, { fields: 'name' });
    return stringField(body, 'name') ?? pageId;
  }
}

function facebookClientFor(context: SourceClientContext): FacebookSourceClient {
  const settings = context.settings.facebook;
  return new FacebookSourceClient(
    new GraphClient({
      network: 'facebook',
      apiBaseUrl: settings.apiBaseUrl,
      apiVersion: settings.apiVersion,
      now: context.now,
      getAccessToken: context.getAccessToken ?? TOKEN.lazy(context.secrets, context.interactive ? 'ui' : 'sync'),
      ...(context.backoff ? { backoff: context.backoff } : {}),
      ...(context.interactive ? { maxRetries: 0, timeoutMs: 20_000 } : {}),
    }),
  );
}

function facebookRunWarnings(client: SourceClient | null): RunWarning[] {
  if (!(client instanceof FacebookSourceClient) || client.metricsUnavailable === null) return [];
  return [
    {
      code: 'FACEBOOK_METRIC_UNAVAILABLE',
      message: `Facebook gains were not recorded, only follower totals: ${client.metricsUnavailable}`,
    },
  ];
}

export const facebookSource: SourceDescription = {
  id: 'facebook',
  displayName: 'Facebook',
  streams: {
    gains: { maxWindowDays: FACEBOOK_MAX_WINDOW_DAYS, oldestServedDay: facebookOldestServedDay },
    totals: { kind: 'snapshot-per-run' },
  },
  planSettings: (settings: Settings) => ({
    lagDays: settings.facebook.lagDays,
    lookbackDays: settings.facebook.lookbackDays,
    backfillDays: settings.facebook.backfillDays,
    oldestServedDay: facebookOldestServedDay,
  }),
  settings: { section: 'facebook', schema: facebookSettingsSchema },
  // A Page token from a long-lived user token does not expire by date (social-apis.md §5).
  token: TOKEN.description,
  classifyError: (error) => toAppError(error),
  normalizeAccountId: (input) => {
    const id = input.trim();
    if (/^\d{1,20}$/.test(id)) return id;
    throw new AppError('USAGE', `"${input}" is not a Facebook Page id (digits, e.g. 104173652001234)`, {
      hint: "use the Page ID shown in the Page's About › Page transparency, or in Meta Business Suite settings",
    });
  },
  accountIdExample: '104173652001234',
  accountIdPlaceholder: 'PAGE_ID',
  accountIdHelp: "PAGE_ID is the Facebook Page's numeric id (About › Page transparency, or Business Suite › Settings).",
  accountUrl: (accountId) => `https://www.facebook.com/${accountId}`,
  createClient: facebookClientFor,
  runWarnings: ({ client }) => facebookRunWarnings(client),
  doctorChecks: (context) => accountDoctorChecks(facebookSource, context),
};
