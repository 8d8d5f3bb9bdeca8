import { linkedinSettingsSchema, type Settings } from '../../../../shared/settings-schema';
import { twelveMonthsBefore } from '../../dates';
import { AppError, toAppError } from '../../errors';
import type { SecretStore } from '../../secrets/secret-store';
import type { SourceClient, SourceClientContext, SourceDescription } from '../source';
import { LinkedInClient } from './linkedin-client';
import { linkedInDoctorChecks } from './linkedin-doctor';
import type { DailyFollowerGain } from './types';
import { refreshIfNeeded } from './linkedin-token-store';
import { tokenExpiryWarnings, versionSunsetDay, versionWarnings } from './linkedin-warnings';

/** LinkedIn access tokens live 60 days; a pasted token's expiry is estimated from when it was stored. */
const PASTED_TOKEN_LIFETIME_MS = 60 * 86_400_000;
const ORG_URN = /^urn:li:organization:/;

const TOKEN_HINTS = {
  sync: 'open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken',
  ui: 'sign in with LinkedIn in Settings › LinkedIn, or paste an access token there',
  cli: 'run: follower-pulse secret set linkedin.accessToken (or add --name NAME)',
} as const;

async function loadToken(secrets: SecretStore, purpose: keyof typeof TOKEN_HINTS = 'sync'): Promise<string> {
  const value = (await secrets.get('linkedin.accessToken'))?.trim();
  if (!value) throw new AppError('LINKEDIN_TOKEN_MISSING', 'No LinkedIn access token is stored', { hint: TOKEN_HINTS[purpose] });
  return value;
}

/** The LinkedIn client behind the network-neutral SourceClient the runner uses. */
class LinkedInSourceClient implements SourceClient {
  readonly api: LinkedInClient;

  constructor(api: LinkedInClient) {
    this.api = api;
  }

  get apiCalls(): number {
    return this.api.apiCalls;
  }

  fetchGains(accountId: string, window: { from: string; to: string }): Promise<DailyFollowerGain[]> {
    return this.api.fetchFollowerGains(accountId, window.from, window.to);
  }

  fetchTotal(accountId: string): Promise<number> {
    return this.api.fetchFollowerCount(accountId);
  }

  async lookUpName(accountId: string): Promise<string> {
    return (await this.api.fetchOrganization(accountId)).name;
  }
}

export function linkedInClientFor(context: SourceClientContext): LinkedInSourceClient {
  const settings = context.settings.linkedin;
  const getAccessToken = context.getAccessToken ?? lazyToken(context.secrets, context.interactive ? 'ui' : 'sync');
  return new LinkedInSourceClient(
    new LinkedInClient({
      apiBaseUrl: settings.apiBaseUrl,
      apiVersion: settings.apiVersion,
      now: context.now,
      getAccessToken,
      ...(context.backoff ? { backoff: context.backoff } : {}),
      // One quick attempt: a person is waiting on the other side of the call.
      ...(context.interactive ? { maxRetries: 1, timeoutMs: 20_000 } : {}),
    }),
  );
}

/** Read once per client and only when a request needs it, so a run with no work never touches the keychain. */
function lazyToken(secrets: SecretStore, purpose: keyof typeof TOKEN_HINTS): () => Promise<string> {
  let token: Promise<string> | undefined;
  return () => (token ??= loadToken(secrets, purpose));
}

export const linkedInSource: SourceDescription = {
  id: 'linkedin',
  displayName: 'LinkedIn',
  streams: {
    // A request costs the same whatever its span and LinkedIn serves 12 months in one: a year is one call.
    gains: { maxWindowDays: 366, oldestServedDay: twelveMonthsBefore },
    totals: { kind: 'snapshot-per-run' },
  },
  planSettings: (settings: Settings) => ({
    lagDays: settings.linkedin.lagDays,
    lookbackDays: settings.linkedin.lookbackDays,
    backfillDays: settings.linkedin.backfillDays,
    oldestServedDay: twelveMonthsBefore,
  }),
  settings: { section: 'linkedin', schema: linkedinSettingsSchema },
  token: {
    accessSecret: 'linkedin.accessToken',
    secrets: ['linkedin.accessToken', 'linkedin.refreshToken', 'linkedin.clientSecret'],
    load: loadToken,
    refreshIfDue: async (deps) => {
      await refreshIfNeeded(deps);
    },
    info: (state) => state.linkedinToken,
    recordPasted: (state, now) => ({
      ...state,
      linkedinToken: { storedAt: now.toISOString(), expiresAt: new Date(now.getTime() + PASTED_TOKEN_LIFETIME_MS).toISOString(), expiresAtIsEstimate: true },
    }),
    forget: (state) => ({ ...state, linkedinToken: undefined }),
  },
  classifyError: (error) => toAppError(error),
  normalizeAccountId: (input) => {
    const id = input.trim().replace(ORG_URN, '');
    if (/^\d{1,20}$/.test(id)) return id;
    throw new AppError('USAGE', `"${input}" is not a LinkedIn organization id (digits, e.g. 2414183)`, {
      hint: "use the number from the page's admin URL, e.g. linkedin.com/company/2414183/admin",
    });
  },
  accountIdExample: '2414183',
  accountIdPlaceholder: 'ORG_ID',
  accountIdHelp: "ORG_ID is the number in your page's admin URL (linkedin.com/company/ORG_ID/admin).",
  accountUrl: (accountId) => `https://www.linkedin.com/company/${accountId}/`,
  createClient: linkedInClientFor,
  runWarnings: ({ settings, client, now, token }) => [
    ...versionWarnings(settings.linkedin.apiVersion, client instanceof LinkedInSourceClient ? (client.api.versionFallbackUsed?.used ?? null) : null, now),
    ...tokenExpiryWarnings(token, settings.alerts.tokenExpiryWarningDays, now),
  ],
  apiVersionSunsetDay: versionSunsetDay,
  doctorChecks: linkedInDoctorChecks,
};
