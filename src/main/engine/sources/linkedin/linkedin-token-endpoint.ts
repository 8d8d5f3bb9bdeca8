import * as z from '../../../../shared/zod';
import { AppError } from '../../errors';
import { oneLine } from '../../text';
import { badResponse, classifyNetworkError, readResponseBody, type ResponseBody } from './linkedin-errors';
import { type HttpFetch, httpFetch, type HttpResponse } from '../../http/http-fetch';

/**
 * LinkedIn's OAuth 2.0 token endpoints (social-apis.md §3.2–3.4): code exchange, refresh and
 * introspection, all `POST application/x-www-form-urlencoded` under `oauthBaseUrl`. Every
 * credential travels in the body, never in a URL, and no error message ever repeats one.
 */
export interface TokenSet {
  accessToken: string;
  /** Seconds the access token lives (LinkedIn: 60 days); null when LinkedIn did not say. */
  expiresIn: number | null;
  refreshToken: string | null;
  refreshTokenExpiresIn: number | null;
  scope: string | null;
}

export interface TokenIntrospection {
  active: boolean;
  /** active | expired | revoked, as LinkedIn reports it; null when absent (inactive tokens). */
  status: string | null;
  /** ISO instant; null when unknown. */
  expiresAt: string | null;
  scope: string | null;
}

export interface EndpointOptions {
  oauthBaseUrl: string;
  clientId: string;
  fetchImpl?: HttpFetch;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().int().positive().optional(),
  scope: z.string().optional(),
});

const introspectionSchema = z.object({
  active: z.boolean(),
  status: z.string().optional(),
  expires_at: z.number().optional(),
  scope: z.string().optional(),
});

const oauthErrorSchema = z.object({ error: z.string().optional(), error_description: z.string().optional() });

const SIGN_IN_AGAIN = 'sign in to LinkedIn again in Settings › LinkedIn';

/** grant_type=authorization_code; `clientSecret` may be null only for a PKCE-enabled app. */
export async function exchangeCode(
  options: EndpointOptions & { clientSecret: string | null; code: string; redirectUri: string; codeVerifier?: string | null },
): Promise<TokenSet> {
  const form: Record<string, string> = {
    grant_type: 'authorization_code',
    code: options.code,
    redirect_uri: options.redirectUri,
    client_id: options.clientId,
  };
  if (options.clientSecret) form.client_secret = options.clientSecret;
  if (options.codeVerifier) form.code_verifier = options.codeVerifier;
  const secrets = [options.code, options.clientSecret, options.codeVerifier];
  return parseTokenSet(await post(options, 'accessToken', form, secrets, 'code'), secrets);
}

/** grant_type=refresh_token (§3.3): a new 60-day access token; the refresh token's own life does not reset. */
export async function refreshAccessToken(options: EndpointOptions & { clientSecret: string; refreshToken: string }): Promise<TokenSet> {
  const form = { grant_type: 'refresh_token', refresh_token: options.refreshToken, client_id: options.clientId, client_secret: options.clientSecret };
  const secrets = [options.refreshToken, options.clientSecret];
  const tokens = parseTokenSet(await post(options, 'accessToken', form, secrets, 'refresh'), secrets);
  // LinkedIn repeats the refresh token; if it ever does not, the one we have is still the one to keep.
  return { ...tokens, refreshToken: tokens.refreshToken ?? options.refreshToken };
}

/** §3.4: whether LinkedIn still considers a token active, and until when. */
export async function introspectToken(options: EndpointOptions & { clientSecret: string; token: string }): Promise<TokenIntrospection> {
  const form = { client_id: options.clientId, client_secret: options.clientSecret, token: options.token };
  const body = await post(options, 'introspectToken', form, [options.token, options.clientSecret], 'introspect');
  const parsed = introspectionSchema.safeParse(body);
  if (!parsed.success) throw shapeError('the token introspection');
  const { active, status, expires_at: expiresAt, scope } = parsed.data;
  return {
    active,
    status: status ?? null,
    expiresAt: expiresAt === undefined ? null : new Date(expiresAt * 1000).toISOString(),
    scope: scope ?? null,
  };
}

type Purpose = 'code' | 'refresh' | 'introspect';

async function post(options: EndpointOptions, endpoint: string, form: Record<string, string>, secrets: (string | null | undefined)[], purpose: Purpose): Promise<unknown> {
  const url = `${options.oauthBaseUrl.replace(/\/+$/, '')}/${endpoint}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: HttpResponse;
  let text: string;
  try {
    response = await (options.fetchImpl ?? httpFetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // A redirect could carry the form to another host.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw classifyNetworkError(error, new URL(url).host, timeoutMs);
  }
  const body = readResponseBody(response.headers.get('content-type'), text);
  if (response.ok && body.kind === 'json') return body.value;
  throw scrub(endpointError(response.status, body, purpose), secrets);
}

function endpointError(status: number, body: ResponseBody, purpose: Purpose): AppError {
  if (body.kind !== 'json' || status >= 500) return badResponse(status, body);
  const parsed = oauthErrorSchema.safeParse(body.value);
  const details = parsed.success ? parsed.data : {};
  const said = oneLine(details.error_description ?? details.error ?? '', 200);
  const suffix = said ? ` (${said})` : '';
  if (status === 401 || details.error === 'invalid_client') {
    return new AppError('LINKEDIN_BAD_REQUEST', `LinkedIn rejected the app's client ID or client secret${suffix}`, {
      hint: 'check Settings › LinkedIn › Client ID and store the client secret again (linkedin.clientSecret)',
    });
  }
  if (purpose === 'refresh') {
    return new AppError('LINKEDIN_TOKEN_EXPIRED', `LinkedIn refused to refresh the access token${suffix}`, { hint: SIGN_IN_AGAIN });
  }
  if (purpose === 'code') {
    return new AppError('LINKEDIN_BAD_REQUEST', `LinkedIn refused the sign-in code${suffix}`, {
      hint: "start the sign-in again; if it keeps failing, check that the redirect URL registered in the LinkedIn app matches the one in Settings › LinkedIn",
    });
  }
  return new AppError('LINKEDIN_BAD_REQUEST', `LinkedIn refused the token check${suffix}`, { hint: 'check Settings › LinkedIn › Client ID and the stored client secret' });
}

function parseTokenSet(body: unknown, secrets: (string | null | undefined)[]): TokenSet {
  const parsed = tokenResponseSchema.safeParse(body);
  if (!parsed.success) throw scrub(shapeError('the access token'), secrets);
  const t = parsed.data;
  return {
    accessToken: t.access_token,
    expiresIn: t.expires_in ?? null,
    refreshToken: t.refresh_token ?? null,
    refreshTokenExpiresIn: t.refresh_token_expires_in ?? null,
    scope: t.scope ?? null,
  };
}

function shapeError(what: string): AppError {
  return new AppError('LINKEDIN_BAD_RESPONSE', `LinkedIn returned ${what} in an unexpected shape`, {
    hint: 'try again later; if it keeps failing LinkedIn may have changed its API and Follower Pulse needs an update',
  });
}

/** LinkedIn's own wording is echoed; make sure it never echoes a credential we sent. */
function scrub(error: AppError, secrets: (string | null | undefined)[]): AppError {
  const values = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const clean = (text: string): string => values.reduce((out, value) => out.split(value).join('[redacted]'), text);
  if (!values.some((v) => error.message.includes(v) || (error.hint ?? '').includes(v))) return error;
  return new AppError(error.code, clean(error.message), { ...(error.hint === undefined ? {} : { hint: clean(error.hint) }), retryable: error.retryable });
}
