import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { LinkedInClient } from '../../src/main/engine/sources/linkedin/linkedin-client';
import {
  authorizationUrl,
  createPkcePair,
  exchangeCode,
  introspectToken,
  LINKEDIN_SCOPE,
  startSignIn,
  type SignInOptions,
} from '../../src/main/engine/sources/linkedin/linkedin-oauth';
import { refreshIfNeeded, saveTokenSet } from '../../src/main/engine/sources/linkedin/linkedin-token-store';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { freePort } from '../support/free-port';
import { caught } from '../support/caught';

const NOW = new Date('2026-11-28T10:00:00Z');
const DAY_MS = 86_400_000;

let fake: FakeLinkedIn;
let clock: Date;


async function signInOptions(overrides: Partial<SignInOptions> = {}): Promise<SignInOptions> {
  return {
    oauthBaseUrl: fake.oauthBaseUrl,
    clientId: fake.oauthClientId,
    clientSecret: fake.oauthClientSecret,
    redirectPort: await freePort(),
    scope: LINKEDIN_SCOPE,
    ...overrides,
  };
}

/** What the browser does: open the authorization URL, get redirected to the loopback callback. */
async function authorize(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}


beforeEach(async () => {
  clock = NOW;
  fake = await startFakeLinkedIn({ now: () => clock, oauth: { refreshTokens: true } });
  fake.addOrganization('2414183', { name: 'Acme Ltda' });
});
afterEach(async () => fake.close());

describe('LinkedIn sign-in over a loopback redirect, against the fake LinkedIn', () => {
  it('runs the whole flow: authorize, callback, code exchange, tokens in the keychain, expiry recorded', async () => {
    const flow = await startSignIn(await signInOptions());
    expect(flow.redirectUri).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    const url = new URL(flow.authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${fake.oauthBaseUrl}/authorization`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: fake.oauthClientId, scope: 'rw_organization_admin', redirect_uri: flow.redirectUri });
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(flow.authorizationUrl).not.toContain(fake.oauthClientSecret);

    const callback = await authorize(flow.authorizationUrl);
    expect(callback.startsWith(`${flow.redirectUri}?`)).toBe(true);
    const page = await fetch(callback);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Você já pode fechar esta aba');
    expect(html).toContain('You can close this tab');

    const tokens = await flow.result;
    expect(tokens.accessToken).toMatch(/^fake-access-/);
    expect(tokens.refreshToken).toMatch(/^fake-refresh-/);
    expect(tokens.expiresIn).toBe(5_184_000);

    const secrets = new MemorySecretStore();
    const state = new StateStore(await mkdtemp(join(tmpdir(), 'fp-oauth-')));
    const saved = await saveTokenSet(tokens, { secrets, state, now: NOW });
    expect(await secrets.get('linkedin.accessToken')).toBe(tokens.accessToken);
    expect(await secrets.get('linkedin.refreshToken')).toBe(tokens.refreshToken);
    const expected = new Date(NOW.getTime() + 60 * DAY_MS).toISOString();
    expect(saved.expiresAt).toBe(expected);
    expect((await state.get()).linkedinToken).toEqual({ storedAt: NOW.toISOString(), expiresAt: expected, expiresAtIsEstimate: false });

    // The new token is what the REST API now accepts.
    const client = new LinkedInClient({ apiBaseUrl: fake.apiBaseUrl, apiVersion: '202607', getAccessToken: () => Promise.resolve(tokens.accessToken) });
    expect(await client.listAdministeredOrganizationIds()).toEqual(['2414183']);

    // One callback only: the server is gone.
    await expect(fetch(callback)).rejects.toThrow();
  });

  it('ignores a callback whose state does not match (neutral page, no exchange) and keeps waiting for the right one', async () => {
    const flow = await startSignIn(await signInOptions());
    const settled = vi.fn();
    flow.result.then(settled, settled);
    const callback = await authorize(flow.authorizationUrl);
    for (const forged of [
      `http://localhost:${new URL(callback).port}/callback?state=wrong`,
      `http://localhost:${new URL(callback).port}/callback?error=user_cancelled_authorize&state=wrong`,
      `http://localhost:${new URL(callback).port}/callback?code=stolen`,
    ]) {
      const page = await fetch(forged);
      expect(page.status).toBe(400);
      const text = await page.text();
      expect(text).not.toMatch(/state mismatch|cancel|failed/i);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).not.toHaveBeenCalled();
    expect(fake.oauthCalls.filter((c) => c.endpoint === 'accessToken')).toHaveLength(0);
    expect((await fetch(callback)).status).toBe(200);
    expect((await flow.result).accessToken).toBeTruthy();
  });

  it('a forged callback does not shorten the wait: the sign-in still ends only at its timeout', async () => {
    const flow = await startSignIn(await signInOptions({ timeoutMs: 300 }));
    const callback = new URL(await authorize(flow.authorizationUrl));
    callback.searchParams.set('state', 'forged-state-forged-state-forged1');
    expect((await fetch(callback)).status).toBe(400);
    const error = await caught(flow.result);
    expect(error.message).not.toContain('state mismatch');
    expect(error.message).toMatch(/did not finish|timed out|minutes|seconds/i);
  });

  it('reports a cancelled sign-in (user_cancelled_authorize) with a friendly page', async () => {
    fake.cancelNextAuthorization('user_cancelled_authorize');
    const flow = await startSignIn(await signInOptions({ language: 'en' }));
    const callback = await authorize(flow.authorizationUrl);
    expect(new URL(callback).searchParams.get('error')).toBe('user_cancelled_authorize');
    const page = await fetch(callback);
    const html = await page.text();
    expect(html.indexOf('Sign-in cancelled')).toBeLessThan(html.indexOf('Login cancelado'));
    const error = await caught(flow.result);
    expect(error.message).toBe('The LinkedIn sign-in was cancelled');
  });

  it('uses PKCE (S256) without a client secret, and the fake checks the verifier', async () => {
    const flow = await startSignIn(await signInOptions({ usePkce: true, clientSecret: null }));
    expect(flow.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const url = new URL(flow.authorizationUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await fetch(await authorize(flow.authorizationUrl));
    expect((await flow.result).accessToken).toMatch(/^fake-access-/);
    const exchange = fake.oauthCalls.find((c) => c.endpoint === 'accessToken');
    expect(exchange).toMatchObject({ grantType: 'authorization_code', hadVerifier: true, hadClientSecret: false, status: 200 });
  });

  it('a wrong PKCE verifier is refused by the token endpoint', async () => {
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:1/callback';
    const location = await authorize(
      authorizationUrl({ oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId, redirectUri, state: 's', scope: LINKEDIN_SCOPE, codeChallenge: pkce.challenge }),
    );
    const code = new URL(location).searchParams.get('code')!;
    const base = { oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId, clientSecret: null, code, redirectUri };
    const error = await caught(exchangeCode({ ...base, codeVerifier: createPkcePair().verifier }));
    expect(error.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(error.message).toContain('code verifier does not match');
    expect(error.message).not.toContain(code);
    expect((await exchangeCode({ ...base, codeVerifier: pkce.verifier })).accessToken).toMatch(/^fake-access-/);
  });

  it('a wrong client secret fails the flow with a clear line that never repeats the secret', async () => {
    const flow = await startSignIn(await signInOptions({ clientSecret: 'not-the-secret-123' }));
    const page = await fetch(await authorize(flow.authorizationUrl));
    expect(page.status).toBe(502);
    const error = await caught(flow.result);
    expect(error.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(error.message).toContain("client ID or client secret");
    expect(`${error.message} ${error.hint}`).not.toContain('not-the-secret-123');
    expect(await page.text()).not.toContain('not-the-secret-123');
  });

  it('gives up after the timeout and frees the port', async () => {
    const options = await signInOptions({ timeoutMs: 50 });
    const flow = await startSignIn(options);
    const error = await caught(flow.result);
    expect(error.code).toBe('LINKEDIN_TOKEN_MISSING');
    const again = await startSignIn(options);
    again.cancel();
    await caught(again.result);
  });

  it('says clearly when the redirect port is taken', async () => {
    const options = await signInOptions();
    const first = await startSignIn(options);
    const error = await caught(startSignIn(options));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`Port ${options.redirectPort} for the LinkedIn sign-in is already in use`);
    first.cancel();
  });
});

describe('refresh and introspection', () => {
  async function signedIn(): Promise<{ secrets: MemorySecretStore; state: StateStore; settings: Settings; accessToken: string }> {
    const flow = await startSignIn(await signInOptions());
    await fetch(await authorize(flow.authorizationUrl));
    const tokens = await flow.result;
    const secrets = new MemorySecretStore({ 'linkedin.clientSecret': fake.oauthClientSecret });
    const state = new StateStore(await mkdtemp(join(tmpdir(), 'fp-oauth-')));
    await saveTokenSet(tokens, { secrets, state, now: NOW });
    const settings = defaultSettings();
    settings.linkedin.oauthBaseUrl = fake.oauthBaseUrl;
    settings.linkedin.clientId = fake.oauthClientId;
    return { secrets, state, settings, accessToken: tokens.accessToken };
  }

  it('refreshes with grant_type=refresh_token once the token expires within 7 days', async () => {
    const { secrets, state, settings, accessToken } = await signedIn();
    expect(await refreshIfNeeded({ settings, secrets, state, now: () => clock })).toEqual({ refreshed: false, reason: 'not-due' });

    clock = new Date(NOW.getTime() + 54 * DAY_MS);
    const outcome = await refreshIfNeeded({ settings, secrets, state, now: () => clock });
    expect(outcome).toEqual({ refreshed: true, expiresAt: new Date(clock.getTime() + 60 * DAY_MS).toISOString() });
    const fresh = await secrets.get('linkedin.accessToken');
    expect(fresh).not.toBe(accessToken);
    expect(fake.oauthCalls.at(-1)).toMatchObject({ endpoint: 'accessToken', grantType: 'refresh_token', status: 200 });
    expect((await state.get()).linkedinToken?.expiresAt).toBe(outcome.refreshed ? outcome.expiresAt : null);
  });

  it('keeps the old token and reports why when LinkedIn refuses the refresh token', async () => {
    const { secrets, state, settings, accessToken } = await signedIn();
    fake.revokeRefreshTokens();
    clock = new Date(NOW.getTime() + 58 * DAY_MS);
    const outcome = await refreshIfNeeded({ settings, secrets, state, now: () => clock });
    expect(outcome).toMatchObject({ refreshed: false, reason: 'failed' });
    if (outcome.refreshed || outcome.reason !== 'failed') throw new Error('unreachable');
    expect(outcome.error.code).toBe('LINKEDIN_TOKEN_EXPIRED');
    expect(outcome.error.oneLine()).not.toContain((await secrets.get('linkedin.refreshToken'))!);
    expect(await secrets.get('linkedin.accessToken')).toBe(accessToken);
  });

  it('does nothing without a refresh token or client credentials', async () => {
    const { secrets, state, settings } = await signedIn();
    clock = new Date(NOW.getTime() + 58 * DAY_MS);
    await secrets.delete('linkedin.clientSecret');
    expect(await refreshIfNeeded({ settings, secrets, state, now: () => clock })).toEqual({ refreshed: false, reason: 'no-client-credentials' });
    await secrets.delete('linkedin.refreshToken');
    expect(await refreshIfNeeded({ settings, secrets, state, now: () => clock })).toEqual({ refreshed: false, reason: 'no-refresh-token' });
  });

  it('introspects a token: active with its expiry, or inactive', async () => {
    const { accessToken } = await signedIn();
    const base = { oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId, clientSecret: fake.oauthClientSecret };
    expect(await introspectToken({ ...base, token: accessToken })).toEqual({
      active: true,
      status: 'active',
      expiresAt: new Date(NOW.getTime() + 60 * DAY_MS).toISOString(),
      scope: 'rw_organization_admin',
    });
    expect(await introspectToken({ ...base, token: 'unknown-token' })).toEqual({ active: false, status: null, expiresAt: null, scope: null });
    const error = await caught(introspectToken({ ...base, clientSecret: 'wrong-secret', token: accessToken }));
    expect(error.message).toContain('client ID or client secret');
  });
});
