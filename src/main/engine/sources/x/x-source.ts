import { type Settings, xSettingsSchema } from '../../../../shared/settings-schema';
import { AppError, toAppError } from '../../errors';
import { accountDoctorChecks } from '../account-doctor';
import { storedToken } from '../stored-token';
import type { FetchWindow, NetworkGain, SourceClient, SourceClientContext, SourceDescription } from '../source';
import { XClient } from './x-client';

const TOKEN = storedToken({
  secret: 'x.bearerToken',
  missingCode: 'X_TOKEN_MISSING',
  missing: 'No X Bearer token is stored',
  hints: {
    sync: 'run: follower-pulse secret set x.bearerToken (the app Bearer token from console.x.com)',
    ui: 'paste the app Bearer token from console.x.com in Settings › Pages',
    cli: 'run: follower-pulse secret set x.bearerToken (or add --name NAME)',
  },
});

/** X serves no daily gains to an app token: only the follower count, read once per UTC day. */
export class XSourceClient implements SourceClient {
  readonly api: XClient;

  constructor(api: XClient) {
    this.api = api;
  }

  get apiCalls(): number {
    return this.api.apiCalls;
  }

  fetchGains(_accountId: string, _window: FetchWindow): Promise<NetworkGain[]> {
    return Promise.resolve([]);
  }

  async fetchTotal(username: string): Promise<number> {
    return (await this.api.lookUpUser(username)).followers;
  }

  async lookUpName(username: string): Promise<string> {
    return (await this.api.lookUpUser(username)).name;
  }
}

function xClientFor(context: SourceClientContext): XSourceClient {
  return new XSourceClient(
    new XClient({
      apiBaseUrl: context.settings.x.apiBaseUrl,
      now: context.now,
      getBearerToken: context.getAccessToken ?? TOKEN.lazy(context.secrets, context.interactive ? 'ui' : 'sync'),
      ...(context.backoff ? { backoff: context.backoff } : {}),
      ...(context.interactive ? { maxRetries: 0, timeoutMs: 20_000 } : {}),
    }),
  );
}

export const xSource: SourceDescription = {
  id: 'x',
  displayName: 'X',
  streams: {
    // Reads are billed per resource and UTC day (social-apis.md §7): one snapshot a day is enough.
    totals: { kind: 'snapshot-per-utc-day' },
  },
  // No gains stream: an empty window (oldest after newest), so status and alerts expect no days.
  planSettings: (_settings: Settings) => ({ lagDays: 1, lookbackDays: 1, backfillDays: 0, oldestServedDay: (today) => today }),
  settings: { section: 'x', schema: xSettingsSchema },
  token: TOKEN.description,
  classifyError: (error) => toAppError(error),
  normalizeAccountId: (input) => {
    const handle = input.trim().replace(/^@/, '').replace(/^https?:\/\/(www\.)?(x|twitter)\.com\//i, '').replace(/\/+$/, '');
    if (/^[A-Za-z0-9_]{1,15}$/.test(handle)) return handle;
    throw new AppError('USAGE', `"${input}" is not an X handle (letters, digits and _, up to 15, e.g. XDevelopers)`, {
      hint: 'use the handle after x.com/, without the @',
    });
  },
  accountIdExample: 'XDevelopers',
  accountIdPlaceholder: 'HANDLE',
  accountIdHelp: 'HANDLE is the X username after x.com/ (without the @).',
  accountUrl: (accountId) => `https://x.com/${accountId}`,
  createClient: xClientFor,
  doctorChecks: (context) => accountDoctorChecks(xSource, context, { billed: true }),
};
