import { addDays, dayToMs, isDay, type Day } from '../../dates';
import { AppError, isAppError, toAppError } from '../../errors';
import {
  checkSuccessBody,
  classifyLinkedInError,
  classifyNetworkError,
  readResponseBody,
  versionInactive,
} from './linkedin-errors';
import {
  organizationIdsFromAcls,
  parseFollowerStatistics,
  parseNetworkSize,
  parseOrganization,
  parseOrganizationAcls,
  type OrganizationAclsPage,
} from './linkedin-schemas';
import { encodePathKey, encodeQuery, followerStatisticsQuery, organizationUrn } from './restli';
import type { DailyFollowerGain, LinkedInClientOptions, OrganizationInfo } from './types';
import { type HttpFetch, httpFetch, type HttpResponse } from '../../http/http-fetch';

const PROTOCOL_VERSION = '2.0.0';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_BACKOFF_BASE_MS = 500;
/** Retries of one call stay under a minute (contract §7), leaving room for the request timeouts. */
const BACKOFF_BUDGET_MS = 50_000;
const MAX_SINGLE_BACKOFF_MS = 20_000;
const FALLBACK_TRIES = 6;
const ACL_PAGE_SIZE = 50;
/** Guards against a server whose paging never ends. */
const MAX_ACL_PAGES = 100;

export interface VersionFallback {
  configured: string;
  used: string;
}

/**
 * Monthly LinkedIn-Version candidates after a 426: the current month backwards, because a
 * sunset version implies every older one is sunset too. The newest month may not be released
 * yet, hence more than one try.
 */
export function fallbackVersions(now: Date, configured: string, tries = FALLBACK_TRIES): string[] {
  const out: string[] = [];
  for (let back = 0; out.length < tries; back += 1) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const version = `${month.getUTCFullYear()}${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
    if (version !== configured) out.push(version);
  }
  return out;
}

/** Exponential backoff with equal jitter: never zero, never in lock-step with other clients. */
function backoffDelay(attempt: number, baseMs: number, random: number): number {
  const ceiling = Math.min(baseMs * 2 ** attempt, MAX_SINGLE_BACKOFF_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Removes the token from everything an error shows or serialises, whatever produced it. */
export function redactToken(error: AppError, token: string): AppError {
  if (token === '') return error;
  const causeMessage = error.cause instanceof Error ? error.cause.message : undefined;
  const leaks = [error.message, error.hint, causeMessage].some((text) => text?.includes(token));
  if (!leaks) return error;
  const scrub = (text: string): string => text.split(token).join('[redacted]');
  return new AppError(error.code, scrub(error.message), {
    ...(error.hint === undefined ? {} : { hint: scrub(error.hint) }),
    retryable: error.retryable,
    ...(causeMessage === undefined ? {} : { cause: new Error(scrub(causeMessage)) }),
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isVersionInactive(error: unknown): error is AppError {
  return isAppError(error) && error.code === 'LINKEDIN_VERSION_INACTIVE';
}

function checkOrgId(orgId: string): void {
  if (/^\d{1,20}$/.test(orgId)) return;
  throw new AppError('USAGE', `"${orgId}" is not a LinkedIn organization ID`, {
    hint: "use the number from the page's admin URL, e.g. 2414183",
  });
}

function checkDayRange(from: Day, to: Day): void {
  if (isDay(from) && isDay(to) && from <= to) return;
  throw new AppError('USAGE', `"${from}" to "${to}" is not a range of days`, { hint: 'give two YYYY-MM-DD dates, the first not after the second' });
}

function isLastAclPage(page: OrganizationAclsPage, nextStart: number): boolean {
  const { total } = page.paging ?? {};
  return page.elements.length < ACL_PAGE_SIZE || (total !== undefined && nextStart >= total);
}

/**
 * LinkedIn's versioned REST API (Community Management) for one member token. One instance
 * lives for one run: it remembers a DAY-limit 429 and a fallback version for its lifetime.
 */
export class LinkedInClient {
  readonly #options: LinkedInClientOptions;
  readonly #fetch: HttpFetch;
  readonly #baseUrl: string;
  readonly #host: string;
  readonly #timeoutMs: number;
  #version: string;
  #fallback: VersionFallback | null = null;
  #apiCalls = 0;
  #dailyLimit: AppError | null = null;

  constructor(options: LinkedInClientOptions) {
    this.#options = options;
    this.#fetch = options.fetchImpl ?? httpFetch;
    this.#baseUrl = options.apiBaseUrl.replace(/\/+$/, '');
    this.#host = new URL(this.#baseUrl).host;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#version = options.apiVersion;
  }

  /** HTTP requests actually sent, retries and version probes included. */
  get apiCalls(): number {
    return this.#apiCalls;
  }

  get effectiveVersion(): string {
    return this.#version;
  }

  /** Set once a fallback version answered, so the run can warn that the setting is stale. */
  get versionFallbackUsed(): VersionFallback | null {
    return this.#fallback ? { ...this.#fallback } : null;
  }

  /** Daily gains for the inclusive UTC days [from, to] in one request; omitted days are absent. */
  fetchFollowerGains(orgId: string, from: Day, to: Day): Promise<DailyFollowerGain[]> {
    return this.#call(
      () => {
        checkOrgId(orgId);
        checkDayRange(from, to);
      },
      async (token) => {
        // Request bounds are 00:00Z; the end is exclusive, so `to` is the last full day.
        const startMs = dayToMs(from);
        const endMs = dayToMs(addDays(to, 1));
        const resource = `organizationalEntityFollowerStatistics?${followerStatisticsQuery(orgId, startMs, endMs)}`;
        return parseFollowerStatistics(await this.#get(resource, token), organizationUrn(orgId), startMs, endMs);
      },
    );
  }

  fetchFollowerCount(orgId: string): Promise<number> {
    const resource = `networkSizes/${encodePathKey(organizationUrn(orgId))}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`;
    return this.#call(
      () => checkOrgId(orgId),
      async (token) => parseNetworkSize(await this.#get(resource, token)),
    );
  }

  fetchOrganization(orgId: string): Promise<OrganizationInfo> {
    return this.#call(
      () => checkOrgId(orgId),
      async (token) => parseOrganization(await this.#get(`organizations/${orgId}`, token)),
    );
  }

  listAdministeredOrganizationIds(): Promise<string[]> {
    return this.#call(undefined, async (token) => {
      const ids: string[] = [];
      for (let page = 0, start = 0; page < MAX_ACL_PAGES; page += 1) {
        const acls = parseOrganizationAcls(await this.#get(this.#aclResource(start), token));
        ids.push(...organizationIdsFromAcls(acls));
        start += acls.elements.length;
        if (isLastAclPage(acls, start)) break;
      }
      return [...new Set(ids)];
    });
  }

  #aclResource(start: number): string {
    const query = encodeQuery([
      ['q', 'roleAssignee'],
      ['role', 'ADMINISTRATOR'],
      ['state', 'APPROVED'],
      ['start', start],
      ['count', ACL_PAGE_SIZE],
    ]);
    return `organizationAcls?${query}`;
  }

  /**
   * The one way in and out of every public method: arguments are checked before the keychain
   * is touched, failures come back as rejected AppErrors, and never with the token in them.
   */
  async #call<T>(check: (() => void) | undefined, work: (token: string) => Promise<T>): Promise<T> {
    check?.();
    this.#throwIfDailyLimit();
    const token = await this.#options.getAccessToken();
    try {
      return await work(token);
    } catch (error) {
      throw redactToken(toAppError(error), token);
    }
  }

  #throwIfDailyLimit(): void {
    if (this.#dailyLimit) throw this.#dailyLimit;
  }

  async #get(resource: string, token: string): Promise<unknown> {
    const version = this.#version;
    try {
      return await this.#getWithRetries(resource, token, version);
    } catch (error) {
      if (!isVersionInactive(error)) throw error;
      // A concurrent call may already have found a working version.
      if (this.#version !== version) return this.#getWithRetries(resource, token, this.#version);
      if (this.#options.versionFallback === false || this.#fallback) throw error;
      return this.#getWithFallbackVersion(resource, token);
    }
  }

  async #getWithFallbackVersion(resource: string, token: string): Promise<unknown> {
    const configured = this.#options.apiVersion;
    const now = (this.#options.now ?? (() => new Date()))();
    for (const candidate of fallbackVersions(now, configured)) {
      try {
        const json = await this.#getWithRetries(resource, token, candidate);
        this.#version = candidate;
        this.#fallback = { configured, used: candidate };
        return json;
      } catch (error) {
        if (!isVersionInactive(error)) throw error;
      }
    }
    const error = versionInactive(configured);
    throw new AppError(error.code, `${error.message}, nor any of the ${FALLBACK_TRIES} most recent monthly versions`, {
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    });
  }

  async #getWithRetries(resource: string, token: string, version: string): Promise<unknown> {
    const maxRetries = this.#options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const baseMs = this.#options.backoffBaseMs ?? DEFAULT_BACKOFF_BASE_MS;
    let slept = 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.#send(resource, token, version);
      } catch (error) {
        const delay = backoffDelay(attempt, baseMs, Math.random());
        const retry = isAppError(error) && error.retryable && attempt < maxRetries && slept + delay <= BACKOFF_BUDGET_MS;
        if (!retry) throw error;
        slept += delay;
        // A throttled request slows every request of the run, not only its own retry.
        if (error.code === 'LINKEDIN_THROTTLED') this.#options.backoff?.pause(delay);
        await sleep(delay);
      }
    }
  }

  async #send(resource: string, token: string, version: string): Promise<unknown> {
    await this.#options.backoff?.wait();
    this.#throwIfDailyLimit();
    this.#apiCalls += 1;
    this.#options.onRequest?.({ method: 'GET', path: `/${resource}` });
    let response: HttpResponse;
    let text: string;
    try {
      response = await this.#fetch(`${this.#baseUrl}/${resource}`, {
        method: 'GET',
        headers: {
          Authorization: `Bearer ${token}`,
          'LinkedIn-Version': version,
          'X-Restli-Protocol-Version': PROTOCOL_VERSION,
        },
        // LinkedIn's API never redirects; following one could send the token elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw classifyNetworkError(error, this.#host, this.#timeoutMs);
    }
    const body = readResponseBody(response.headers.get('content-type'), text);
    if (response.ok) return checkSuccessBody(response.status, body);
    const error = classifyLinkedInError(response.status, body, { version });
    if (error.code === 'LINKEDIN_DAILY_LIMIT') this.#dailyLimit = error;
    throw error;
  }
}
