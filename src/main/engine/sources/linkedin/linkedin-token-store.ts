import type { Settings } from '../../../../shared/settings-schema';
import { type AppError, toAppError } from '../../errors';
import type { Logger } from '../../log/logger';
import type { SecretStore } from '../../secrets/secret-store';
import type { StateStore } from '../../settings/state-store';
import { refreshAccessToken, type TokenSet } from './linkedin-token-endpoint';
import type { HttpFetch } from '../../http/http-fetch';

/**
 * Where LinkedIn tokens go once obtained: the values to the keychain (`linkedin.accessToken`,
 * `linkedin.refreshToken`), the expiry to state.json (not secret, read by alerts and status).
 */
const REFRESH_WITHIN_DAYS = 7;
const DAY_MS = 86_400_000;

export async function saveTokenSet(tokens: TokenSet, deps: { secrets: SecretStore; state: StateStore; now: Date }): Promise<{ expiresAt: string | null }> {
  await deps.secrets.set('linkedin.accessToken', tokens.accessToken);
  if (tokens.refreshToken) await deps.secrets.set('linkedin.refreshToken', tokens.refreshToken);
  const expiresAt = tokens.expiresIn === null ? null : new Date(deps.now.getTime() + tokens.expiresIn * 1000).toISOString();
  await deps.state.update((s) => ({ ...s, linkedinToken: { storedAt: deps.now.toISOString(), expiresAt, expiresAtIsEstimate: false } }));
  return { expiresAt };
}

export interface RefreshDeps {
  settings: Settings;
  secrets: SecretStore;
  state: StateStore;
  now: () => Date;
  logger?: Logger;
  fetchImpl?: HttpFetch;
  /** Refresh when the access token expires within this many days (default 7). */
  withinDays?: number;
}

export type RefreshOutcome =
  | { refreshed: true; expiresAt: string | null }
  | { refreshed: false; reason: 'not-due' | 'no-expiry' | 'no-refresh-token' | 'no-client-credentials' }
  | { refreshed: false; reason: 'failed'; error: AppError };

/**
 * Refreshes the access token when it expires within `withinDays` and a refresh token and the
 * app's client credentials exist (§3.3). Never throws: a failed refresh leaves the old token in
 * place (the run then reports its expiry as usual) and is logged.
 *
 * Call it at the start of every sync, after the lake lock is taken (so two processes never
 * refresh at once), before the token is read: executeSync → `await refreshIfNeeded({ settings,
 * secrets, state, now, logger })`, then read `state.get()).linkedinToken` for the warnings.
 */
export async function refreshIfNeeded(deps: RefreshDeps): Promise<RefreshOutcome> {
  try {
    const token = (await deps.state.get()).linkedinToken;
    if (!token?.expiresAt) return { refreshed: false, reason: 'no-expiry' };
    const now = deps.now();
    const windowMs = (deps.withinDays ?? REFRESH_WITHIN_DAYS) * DAY_MS;
    if (Date.parse(token.expiresAt) - now.getTime() > windowMs) return { refreshed: false, reason: 'not-due' };
    const refreshToken = await deps.secrets.get('linkedin.refreshToken');
    if (!refreshToken) return { refreshed: false, reason: 'no-refresh-token' };
    const clientId = deps.settings.linkedin.clientId;
    const clientSecret = await deps.secrets.get('linkedin.clientSecret');
    if (!clientId || !clientSecret) return { refreshed: false, reason: 'no-client-credentials' };
    const tokens = await refreshAccessToken({
      oauthBaseUrl: deps.settings.linkedin.oauthBaseUrl,
      clientId,
      clientSecret,
      refreshToken,
      fetchImpl: deps.fetchImpl,
    });
    const { expiresAt } = await saveTokenSet(tokens, { secrets: deps.secrets, state: deps.state, now });
    deps.logger?.info('linkedin.token-refreshed', { expiresAt });
    return { refreshed: true, expiresAt };
  } catch (error) {
    const appError = toAppError(error);
    deps.logger?.warn('linkedin.token-refresh-failed', { code: appError.code, message: appError.message });
    return { refreshed: false, reason: 'failed', error: appError };
  }
}
