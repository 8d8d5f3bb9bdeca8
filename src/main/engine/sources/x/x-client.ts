import { AppError, isAppError } from '../../errors';
import { oneLine } from '../../text';
import type { SharedBackoff } from '../shared-backoff';
import { type RateLimitState, readRateLimit, waitBeforeNextCallMs } from './x-rate-limit';
import { type HttpFetch, httpFetch, type HttpResponse } from '../../http/http-fetch';
import { networkFailure } from '../network-failure';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
const RETRY_BASE_MS = 500;
/** A rate-limit window that resets within this is waited out; a longer one fails the account. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const TOKEN_HINT = 'store the app Bearer token from console.x.com: follower-pulse secret set x.bearerToken';

export interface XUser {
  id: string;
  name: string;
  username: string;
  followers: number;
}

export interface XClientOptions {
  apiBaseUrl: string;
  getBearerToken: () => Promise<string>;
  now: () => Date;
  backoff?: SharedBackoff;
  timeoutMs?: number;
  maxRetries?: number;
  retryBaseMs?: number;
  fetchImpl?: HttpFetch;
}

function errorsText(body: unknown): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) {
    const detail = (body as { detail?: unknown; title?: unknown } | null)?.detail ?? (body as { title?: unknown } | null)?.title;
    return typeof detail === 'string' ? oneLine(detail, 200) : '';
  }
  const first = (errors as { message?: unknown; detail?: unknown }[])[0];
  const text = first?.detail ?? first?.message;
  return typeof text === 'string' ? oneLine(text, 200) : '';
}

function parseUser(body: unknown): XUser | null {
  const data = (body as { data?: unknown } | null)?.data as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object') return null;
  const followers = (data.public_metrics as { followers_count?: unknown } | undefined)?.followers_count;
  if (typeof data.id !== 'string' || typeof data.username !== 'string' || typeof followers !== 'number' || !Number.isInteger(followers) || followers < 0) {
    throw new AppError('X_BAD_RESPONSE', 'X sent a user without a readable public_metrics.followers_count', { hint: 'X may be having problems, so run the sync again later' });
  }
  return { id: data.id, username: data.username, name: typeof data.name === 'string' ? data.name : data.username, followers };
}

/**
 * X API v2 user lookup with an app-only Bearer token. Every read is billed, so the client
 * keeps each user it read for its lifetime (a name look-up and a total cost one read), and
 * honours `x-rate-limit-*`: an exhausted window is waited out when it resets soon, otherwise
 * the remaining accounts fail at once without spending calls.
 */
export class XClient {
  readonly #options: XClientOptions;
  readonly #fetch: HttpFetch;
  readonly #baseUrl: string;
  readonly #users = new Map<string, Promise<XUser>>();
  #rateLimit: RateLimitState = { remaining: null, resetAtMs: null };
  #apiCalls = 0;

  constructor(options: XClientOptions) {
    this.#options = options;
    this.#fetch = options.fetchImpl ?? httpFetch;
    this.#baseUrl = options.apiBaseUrl.replace(/\/+$/, '');
  }

  get apiCalls(): number {
    return this.#apiCalls;
  }

  lookUpUser(username: string): Promise<XUser> {
    const key = username.toLowerCase();
    let user = this.#users.get(key);
    if (!user) {
      user = this.#lookUp(username);
      // A failed read is not kept: the next call tries again.
      user.catch(() => this.#users.delete(key));
      this.#users.set(key, user);
    }
    return user;
  }

  async #lookUp(username: string): Promise<XUser> {
    const token = await this.#options.getBearerToken();
    const url = `${this.#baseUrl}/users/by/username/${encodeURIComponent(username)}?user.fields=public_metrics`;
    const maxRetries = this.#options.maxRetries ?? DEFAULT_MAX_RETRIES;
    for (let attempt = 0; ; attempt += 1) {
      await this.#holdForRateLimit();
      await this.#options.backoff?.wait();
      try {
        return await this.#once(url, token, username);
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError('NETWORK', String(error));
        if (!appError.retryable || attempt >= maxRetries) throw appError;
        await new Promise((resolve) => setTimeout(resolve, (this.#options.retryBaseMs ?? RETRY_BASE_MS) * 2 ** attempt));
      }
    }
  }

  async #holdForRateLimit(): Promise<void> {
    const waitMs = waitBeforeNextCallMs(this.#rateLimit, this.#options.now().getTime());
    if (waitMs === 0) return;
    if (waitMs > MAX_RATE_LIMIT_WAIT_MS) throw this.#throttled(this.#rateLimit.resetAtMs);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }

  #throttled(resetAtMs: number | null): AppError {
    const at = resetAtMs === null ? null : new Date(resetAtMs).toISOString().slice(11, 16);
    return new AppError('X_THROTTLED', `X's rate limit for user look-ups is used up${at ? ` until ${at} UTC` : ''}`, {
      hint: at ? `run the sync again after ${at} UTC` : 'run the sync again in 15 minutes',
    });
  }

  async #once(url: string, token: string, username: string): Promise<XUser> {
    this.#apiCalls += 1;
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: HttpResponse;
    try {
      response = await this.#fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw networkFailure('X', new URL(url).host, error, timeoutMs);
    }
    this.#rateLimit = readRateLimit(response.headers);
    let body: unknown = null;
    try {
      body = JSON.parse(await response.text()) as unknown;
    } catch {
      body = null;
    }
    if (response.status === 429) {
      if (waitBeforeNextCallMs({ remaining: 0, resetAtMs: this.#rateLimit.resetAtMs }, this.#options.now().getTime()) <= MAX_RATE_LIMIT_WAIT_MS) {
        this.#rateLimit = { remaining: 0, resetAtMs: this.#rateLimit.resetAtMs };
        const error = this.#throttled(this.#rateLimit.resetAtMs);
        throw new AppError(error.code, error.message, { hint: error.hint, retryable: true });
      }
      throw this.#throttled(this.#rateLimit.resetAtMs);
    }
    const said = errorsText(body);
    if (response.status === 401 || response.status === 403) {
      throw new AppError('X_TOKEN_INVALID', `X refused the app's Bearer token (HTTP ${response.status}${said ? `: ${said}` : ''})`, { hint: TOKEN_HINT });
    }
    if (response.status >= 500 || body === null) {
      throw new AppError('X_BAD_RESPONSE', `X answered HTTP ${response.status}${body === null ? ' with an unreadable body' : ''}${said ? `: ${said}` : ''}`, {
        hint: 'X may be having problems, so run the sync again later',
        retryable: response.status >= 500,
      });
    }
    const user = response.ok ? parseUser(body) : null;
    if (user) return user;
    // X answers an unknown or suspended handle with 200 and an errors list, or with 404.
    throw new AppError('X_NOT_FOUND', `X has no account @${username}${said ? ` (${said})` : ''}`, {
      hint: 'check the handle (without @) in Settings › Pages or with: follower-pulse accounts list',
    });
  }
}
