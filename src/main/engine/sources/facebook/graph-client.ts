import { AppError, isAppError } from '../../errors';
import type { SharedBackoff } from '../shared-backoff';
import { classifyGraphFailure, type GraphNetwork } from './graph-errors';
import { type HttpFetch, httpFetch, type HttpResponse } from '../../http/http-fetch';
import { networkFailure } from '../network-failure';

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 3;
const RETRY_BASE_MS = 500;

export interface GraphClientOptions {
  network: GraphNetwork;
  apiBaseUrl: string;
  apiVersion: string;
  getAccessToken: () => Promise<string>;
  now: () => Date;
  backoff?: SharedBackoff;
  timeoutMs?: number;
  maxRetries?: number;
  /** The first pause before a retry; tests shorten it. */
  retryBaseMs?: number;
  fetchImpl?: HttpFetch;
}

/**
 * GET requests to Meta's Graph API for one token. The token travels in the Authorization
 * header, never in a URL, so it cannot reach a log line or an error message. One instance
 * lives for one run and remembers a daily limit, so later accounts do not spend calls on it.
 */
export class GraphClient {
  readonly #options: GraphClientOptions;
  readonly #fetch: HttpFetch;
  readonly #baseUrl: string;
  #apiCalls = 0;
  #dailyLimit: AppError | null = null;

  constructor(options: GraphClientOptions) {
    this.#options = options;
    this.#fetch = options.fetchImpl ?? httpFetch;
    this.#baseUrl = `${options.apiBaseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
  }

  get apiCalls(): number {
    return this.#apiCalls;
  }

  /** `path` starts with "/"; `insights` marks calls where #100 means a removed metric. */
  async get(path: string, query: Record<string, string>, options: { insights?: boolean } = {}): Promise<unknown> {
    if (this.#dailyLimit) throw this.#dailyLimit;
    const token = await this.#options.getAccessToken();
    const url = `${this.#baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    const maxRetries = this.#options.maxRetries ?? DEFAULT_MAX_RETRIES;
    for (let attempt = 0; ; attempt += 1) {
      await this.#options.backoff?.wait();
      try {
        return await this.#once(url, token, options.insights === true);
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError('NETWORK', String(error));
        if (appError.code.endsWith('_DAILY_LIMIT')) this.#dailyLimit = appError;
        if (!appError.retryable || attempt >= maxRetries) throw appError;
        const pauseMs = (this.#options.retryBaseMs ?? RETRY_BASE_MS) * 2 ** attempt;
        if (appError.code.endsWith('_THROTTLED')) this.#options.backoff?.pause(pauseMs);
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  }

  async #once(url: string, token: string, insights: boolean): Promise<unknown> {
    this.#apiCalls += 1;
    const display = this.#options.network === 'facebook' ? 'Facebook' : 'Instagram';
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let response: HttpResponse;
    try {
      response = await this.#fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw networkFailure(display, new URL(url).host, error, timeoutMs);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
    if (response.ok && body !== null && !(typeof body === 'object' && 'error' in body)) return body;
    const usageHeader = response.headers.get('x-business-use-case-usage');
    throw classifyGraphFailure(this.#options.network, { status: response.status, body, usageHeader, now: this.#options.now(), insights });
  }
}
