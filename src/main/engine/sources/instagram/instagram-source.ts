import { instagramSettingsSchema, type Settings } from '../../../../shared/settings-schema';
import { addDays, type Day } from '../../dates';
import { AppError, toAppError } from '../../errors';
import { GraphClient } from '../facebook/graph-client';
import { GraphMetricUnavailableError } from '../facebook/graph-errors';
import { countField, parseInsights, stringField } from '../facebook/graph-insights';
import { accountDoctorChecks } from '../account-doctor';
import { storedToken } from '../stored-token';
import type { FetchWindow, NetworkGain, SourceClient, SourceClientContext, SourceDescription } from '../source';

const FOLLOWER_COUNT_METRIC = 'follower_count';
/** The daily `follower_count` insight serves 30 days and only for accounts with ≥ 100 followers (§6). */
const INSTAGRAM_HISTORY_DAYS = 30;
const INSTAGRAM_MIN_FOLLOWERS_FOR_INSIGHTS = 100;

const TOKEN = storedToken({
  secret: 'instagram.accessToken',
  missingCode: 'INSTAGRAM_TOKEN_MISSING',
  missing: 'No Instagram access token is stored',
  hints: {
    sync: 'run: follower-pulse secret set instagram.accessToken',
    ui: 'paste an Instagram access token in Settings › Pages',
    cli: 'run: follower-pulse secret set instagram.accessToken (or add --name NAME)',
  },
});

const instagramOldestServedDay = (today: Day): Day => addDays(today, -INSTAGRAM_HISTORY_DAYS);

interface Profile {
  followers: number;
  username: string | null;
}

/**
 * An Instagram professional account: `followers_count` as the daily snapshot; the daily
 * `follower_count` insight (new followers per day, no paid split) as the organic gain. A day
 * Instagram leaves out is missing, not zero, and small accounts get no insights at all.
 */
export class InstagramSourceClient implements SourceClient {
  readonly graph: GraphClient;
  readonly #profiles = new Map<string, Promise<Profile>>();
  metricUnavailable: string | null = null;

  constructor(graph: GraphClient) {
    this.graph = graph;
  }

  get apiCalls(): number {
    return this.graph.apiCalls;
  }

  get gainsUnavailable(): boolean {
    return this.metricUnavailable !== null;
  }

  /** One profile read per account and run, shared by the total, the name and the ≥ 100 check. */
  profile(userId: string): Promise<Profile> {
    let profile = this.#profiles.get(userId);
    if (!profile) {
      profile = this.graph.get(`/${encodeURIComponent(userId)}`, { fields: 'followers_count,username' }).then((body) => ({
        followers: countField('instagram', body, 'followers_count'),
        username: stringField(body, 'username'),
      }));
      profile.catch(() => this.#profiles.delete(userId));
      this.#profiles.set(userId, profile);
    }
    return profile;
  }

  async fetchGains(userId: string, window: FetchWindow): Promise<NetworkGain[]> {
    if (this.metricUnavailable !== null) return [];
    if ((await this.profile(userId)).followers < INSTAGRAM_MIN_FOLLOWERS_FOR_INSIGHTS) return [];
    let body: unknown;
    try {
      body = await this.graph.get(
        `/${encodeURIComponent(userId)}/insights`,
        { metric: FOLLOWER_COUNT_METRIC, period: 'day', since: window.from, until: addDays(window.to, 1) },
        { insights: true },
      );
    } catch (error) {
      if (!(error instanceof GraphMetricUnavailableError)) throw error;
      this.metricUnavailable = error.message;
      return [];
    }
    const values = parseInsights('instagram', body).get(FOLLOWER_COUNT_METRIC)?.values ?? new Map<Day, number>();
    return [...values]
      .filter(([day]) => day >= window.from && day <= window.to)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, added]) => ({ day, organicGain: added, paidGain: null }));
  }

  async fetchTotal(userId: string): Promise<number> {
    return (await this.profile(userId)).followers;
  }

  async lookUpName(userId: string): Promise<string> {
    return (await this.profile(userId)).username ?? userId;
  }
}

function instagramClientFor(context: SourceClientContext): InstagramSourceClient {
  const settings = context.settings.instagram;
  return new InstagramSourceClient(
    new GraphClient({
      network: 'instagram',
      apiBaseUrl: settings.apiBaseUrl,
      apiVersion: settings.apiVersion,
      now: context.now,
      getAccessToken: context.getAccessToken ?? TOKEN.lazy(context.secrets, context.interactive ? 'ui' : 'sync'),
      ...(context.backoff ? { backoff: context.backoff } : {}),
      ...(context.interactive ? { maxRetries: 0, timeoutMs: 20_000 } : {}),
    }),
  );
}

/** Instagram usernames: letters, digits, dots and underscores, at most 30. */
const USERNAME_RE = /^[A-Za-z0-9._]{1,30}$/;

/**
 * The profile's address is its username (instagram.com/USERNAME/); the numeric professional
 * account id opens nothing. The account's name is the username the API returned when it was
 * added (or tested); without one — a name that is the id itself, or a display name with
 * spaces — there is no link rather than a broken one.
 */
export function instagramAccountUrl(accountId: string, name?: string): string | null {
  const username = name?.trim().replace(/^@/, '') ?? '';
  if (!USERNAME_RE.test(username) || username === accountId || /^\d+$/.test(username)) return null;
  return `https://www.instagram.com/${username}/`;
}

export const instagramSource: SourceDescription = {
  id: 'instagram',
  displayName: 'Instagram',
  streams: {
    gains: { maxWindowDays: INSTAGRAM_HISTORY_DAYS, oldestServedDay: instagramOldestServedDay },
    totals: { kind: 'snapshot-per-run' },
  },
  planSettings: (settings: Settings) => ({
    lagDays: settings.instagram.lagDays,
    lookbackDays: settings.instagram.lookbackDays,
    backfillDays: settings.instagram.backfillDays,
    oldestServedDay: instagramOldestServedDay,
  }),
  settings: { section: 'instagram', schema: instagramSettingsSchema },
  token: TOKEN.description,
  classifyError: (error) => toAppError(error),
  normalizeAccountId: (input) => {
    const id = input.trim();
    if (/^\d{1,25}$/.test(id)) return id;
    throw new AppError('USAGE', `"${input}" is not an Instagram professional account id (digits, e.g. 17841400008460056)`, {
      hint: "find it with GET /{page-id}?fields=instagram_business_account, or in Meta Business Suite's account settings",
    });
  },
  accountIdExample: '17841400008460056',
  accountIdPlaceholder: 'IG_USER_ID',
  accountIdHelp: "IG_USER_ID is the professional account's numeric id (the Page's instagram_business_account).",
  accountUrl: instagramAccountUrl,
  createClient: instagramClientFor,
  runWarnings: ({ client }) =>
    client instanceof InstagramSourceClient && client.metricUnavailable !== null
      ? [{ code: 'INSTAGRAM_METRIC_UNAVAILABLE', message: `Instagram gains were not recorded, only follower totals: ${client.metricUnavailable}` }]
      : [],
  doctorChecks: (context) => accountDoctorChecks(instagramSource, context),
};
