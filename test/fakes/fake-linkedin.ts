import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, DAY_MS, dayFromMs, twelveMonthsBefore, utcDay, type Day } from '../../src/main/engine/dates';

/*
 * A fake of LinkedIn's versioned REST API (social-apis.md §1–4) on a real HTTP socket, so the
 * client is tested with its real fetch, headers, encoding and timeouts. Request parsing is
 * written independently of the client's Rest.li encoder: a shared bug must not pass here.
 */

export type FakeFailureKind =
  | 'throttle'
  | 'daily-limit'
  | 'expired'
  | 'revoked'
  | 'invalid'
  | 'forbidden'
  | 'version-inactive'
  | 'html-502'
  | 'server-error'
  | 'truncated-json'
  | 'missing-follower-gains'
  | 'hang';

export interface FakeGain {
  organic: number;
  paid: number;
}

export interface FakeOrganizationOptions {
  name: string;
  vanityName?: string | null;
  followers?: number;
  /** null = LinkedIn returns no element for that day. */
  gains?: (day: Day) => FakeGain | null;
  /** Answer organizationAcls with the legacy `organizationalTarget` field instead of `organization`. */
  legacyAcl?: boolean;
}

export interface FakeRequest {
  method: string;
  /** Raw, still percent-encoded path, e.g. `/rest/networkSizes/urn%3Ali%3Aorganization%3A1`. */
  path: string;
  /** Raw query string without `?`. */
  query: string;
  /** Lower-cased header names; Authorization is never recorded. */
  headers: Record<string, string>;
}

export interface FakeLinkedInOptions {
  now?: Date | (() => Date);
  token?: string;
  latencyMs?: number;
  /** The LinkedIn app the OAuth endpoints (/oauth/v2/…) accept. */
  oauth?: FakeOAuthOptions;
}

export interface FakeOAuthOptions {
  clientId?: string;
  clientSecret?: string;
  /** Issue refresh tokens with access tokens (only some LinkedIn partners get them). */
  refreshTokens?: boolean;
  /** Seconds; LinkedIn's are 60 days. */
  accessTokenTtl?: number;
}

export type FakeCancelError = 'user_cancelled_login' | 'user_cancelled_authorize';

/** One call to an /oauth/v2 endpoint; credentials in the form are never recorded. */
export interface FakeOAuthCall {
  endpoint: 'authorization' | 'accessToken' | 'introspectToken';
  grantType: string | null;
  status: number;
  /** Whether a code_verifier / client_secret was sent (not their values). */
  hadVerifier: boolean;
  hadClientSecret: boolean;
}

export interface FakeLinkedIn {
  readonly url: string;
  readonly apiBaseUrl: string;
  readonly acceptedVersions: Set<string>;
  readonly requests: readonly FakeRequest[];
  readonly statsRequests: number;
  addOrganization(id: string, options: FakeOrganizationOptions): void;
  failNext(kind: FakeFailureKind, times?: number): void;
  omitDays(orgId: string, days: readonly Day[]): void;
  setGain(orgId: string, day: Day, gain: FakeGain): void;
  setLatency(ms: number): void;
  setNow(now: Date | (() => Date)): void;
  close(): Promise<void>;
  /** `${url}/oauth/v2`, for settings.linkedin.oauthBaseUrl. */
  readonly oauthBaseUrl: string;
  readonly oauthClientId: string;
  readonly oauthClientSecret: string;
  readonly oauthCalls: readonly FakeOAuthCall[];
  /** The next /authorization redirects back with this error instead of a code (the member cancelled). */
  cancelNextAuthorization(error?: FakeCancelError): void;
  /** Revokes every refresh token issued so far (LinkedIn may do so at any time). */
  revokeRefreshTokens(): void;
}

interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

interface FakeOrganization {
  id: string;
  name: string;
  vanityName: string | null;
  followers: number;
  gains: (day: Day) => FakeGain | null;
  legacyAcl: boolean;
  overrides: Map<Day, FakeGain | null>;
}

const STATS_RESOURCE = 'organizationalEntityFollowerStatistics';
const DEFAULT_VERSIONS = ['202607', '202608', '202609', '202610', '202611'];
const MEMBER_URN = 'urn:li:person:fakeMember01';

// ---------------------------------------------------------------- deterministic data

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: tiny, seedable, good enough for test data. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Mostly 0–25 organic, about one day in twenty negative (more unfollows), paid 0–3. */
export function defaultFakeGains(orgId: string, day: Day): FakeGain {
  const random = seededRandom(hash(`${orgId}|${day}`));
  const organic = random() < 0.05 ? -1 - Math.floor(random() * 5) : Math.floor(random() * 26);
  const paid = random() < 0.7 ? 0 : 1 + Math.floor(random() * 3);
  return { organic, paid };
}

function monthVersion(now: Date): string {
  return `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- replies

function json(status: number, body: unknown): Reply {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

function error400(message: string, code?: string): Reply {
  return json(400, { status: 400, ...(code ? { code } : {}), message });
}

const TIME_INTERVALS_INVALID = "Parameter 'timeIntervals' is invalid";

function failureReply(kind: FakeFailureKind, resource: string, version: string): Reply {
  switch (kind) {
    case 'throttle':
      return json(429, { status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION limit for calls to this resource is reached.' });
    case 'daily-limit':
      return json(429, { status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' });
    case 'expired':
      return json(401, { status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' });
    case 'revoked':
      return json(401, { status: 401, serviceErrorCode: 65601, code: 'REVOKED_ACCESS_TOKEN', message: 'The token used in the request has been revoked by the user' });
    case 'invalid':
      return invalidToken();
    case 'forbidden':
      return json(403, { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: `Not enough permissions to access: ${resource.split('/')[0]}.GET.${version}01` });
    case 'version-inactive':
      return versionInactive(version);
    case 'html-502':
      return { status: 502, contentType: 'text/html; charset=utf-8', body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>' };
    default:
      return json(500, { message: 'Internal Server Error', status: 500 });
  }
}

function invalidToken(): Reply {
  return json(401, { serviceErrorCode: 65600, message: 'Invalid access token', status: 401 });
}

function versionInactive(version: string): Reply {
  // LinkedIn echoes the version as YYYYMMDD.
  const echoed = /^\d{6}$/.test(version) ? `${version}01` : version;
  return json(426, { status: 426, code: 'NONEXISTENT_VERSION', message: `Requested version ${echoed} is not active` });
}

function truncate(reply: Reply): Reply {
  return { status: 200, contentType: 'application/json', body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) };
}

function withoutFollowerGains(reply: Reply): Reply {
  const body = JSON.parse(reply.body) as { elements?: Array<Record<string, unknown>> };
  const first = body.elements?.[0];
  if (first) delete first.followerGains;
  else body.elements = [{ organizationalEntity: 'urn:li:organization:0', timeRange: { start: 0, end: DAY_MS } }];
  return json(200, body);
}

// ---------------------------------------------------------------- Rest.li 2.0 parsing (independent of the client)

type RestliParsed = string | RestliParsed[] | { [key: string]: RestliParsed };

/** Parses a raw (still encoded) Rest.li 2.0 value; throws on anything malformed. */
function parseRestli(raw: string): RestliParsed {
  let pos = 0;
  const fail = (): never => {
    throw new SyntaxError(`malformed Rest.li value at ${pos}`);
  };
  const expect = (char: string): void => {
    if (raw[pos] !== char) fail();
    pos += 1;
  };
  const leaf = (): string => {
    const start = pos;
    while (pos < raw.length && !'(),:'.includes(raw[pos])) pos += 1;
    const text = raw.slice(start, pos);
    // Rest.li 2.0 leaves arrive percent-encoded: anything else raw (`=`, spaces) is malformed.
    if (!/^[A-Za-z0-9\-_.~%]+$/.test(text)) fail();
    return decodeURIComponent(text);
  };
  const value = (): RestliParsed => {
    if (raw.startsWith('List(', pos)) {
      pos += 5;
      const items: RestliParsed[] = [];
      while (raw[pos] !== ')') {
        if (items.length > 0) expect(',');
        items.push(value());
      }
      expect(')');
      return items;
    }
    if (raw[pos] === '(') {
      pos += 1;
      const object: { [key: string]: RestliParsed } = {};
      while (raw[pos] !== ')') {
        if (Object.keys(object).length > 0) expect(',');
        const key = leaf();
        expect(':');
        object[key] = value();
      }
      expect(')');
      return object;
    }
    return leaf();
  };
  const result = value();
  if (pos !== raw.length) fail();
  return result;
}

function parseRawQuery(rawQuery: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
    params.set(key, eq < 0 ? '' : pair.slice(eq + 1));
  }
  return params;
}

function decodeParam(params: Map<string, string>, key: string): string | undefined {
  const raw = params.get(key);
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function isObject(value: RestliParsed | undefined): value is { [key: string]: RestliParsed } {
  return typeof value === 'object' && !Array.isArray(value);
}

function hasExactKeys(value: { [key: string]: RestliParsed }, keys: readonly string[]): boolean {
  const actual = Object.keys(value);
  return actual.length === keys.length && keys.every((key) => actual.includes(key));
}

/** `(timeGranularityType:DAY,timeRange:(start:..,end:..))` in any key order → bounds, or null. */
function parseTimeIntervals(raw: string): { start: number; end: number } | null {
  let parsed: RestliParsed;
  try {
    parsed = parseRestli(raw);
  } catch {
    return null;
  }
  if (!isObject(parsed) || !hasExactKeys(parsed, ['timeGranularityType', 'timeRange'])) return null;
  const range = parsed.timeRange;
  if (parsed.timeGranularityType !== 'DAY' || !isObject(range) || !hasExactKeys(range, ['start', 'end'])) return null;
  const { start, end } = range;
  if (typeof start !== 'string' || typeof end !== 'string' || !/^\d+$/.test(start) || !/^\d+$/.test(end)) return null;
  return { start: Number(start), end: Number(end) };
}

// ---------------------------------------------------------------- the server

class FakeLinkedInServer implements FakeLinkedIn {
  readonly acceptedVersions: Set<string>;
  readonly requests: FakeRequest[] = [];
  url = '';
  readonly #server: Server;
  readonly #token: string;
  readonly #organizations = new Map<string, FakeOrganization>();
  readonly #failures: Array<{ kind: FakeFailureKind; remaining: number }> = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  #now: () => Date;
  #latencyMs: number;
  #statsRequests = 0;
  readonly #oauth: FakeOAuthServer;

  constructor(options: FakeLinkedInOptions) {
    this.#token = options.token ?? 'test-token';
    this.#oauth = new FakeOAuthServer(options.oauth ?? {}, () => this.#now(), this.#token);
    this.#latencyMs = options.latencyMs ?? 0;
    this.#now = toClock(options.now);
    this.acceptedVersions = new Set([...DEFAULT_VERSIONS, monthVersion(this.#now())]);
    this.#server = createServer((req, res) => this.#handle(req, res));
  }

  get apiBaseUrl(): string {
    return `${this.url}/rest`;
  }

  get statsRequests(): number {
    return this.#statsRequests;
  }

  get oauthBaseUrl(): string {
    return `${this.url}/oauth/v2`;
  }

  get oauthClientId(): string {
    return this.#oauth.clientId;
  }

  get oauthClientSecret(): string {
    return this.#oauth.clientSecret;
  }

  get oauthCalls(): readonly FakeOAuthCall[] {
    return this.#oauth.calls;
  }

  cancelNextAuthorization(error: FakeCancelError = 'user_cancelled_authorize'): void {
    this.#oauth.cancelNext = error;
  }

  revokeRefreshTokens(): void {
    this.#oauth.revokeRefreshTokens();
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.#server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  addOrganization(id: string, options: FakeOrganizationOptions): void {
    this.#organizations.set(id, {
      id,
      name: options.name,
      vanityName: options.vanityName ?? null,
      followers: options.followers ?? 1000 + (hash(id) % 50_000),
      gains: options.gains ?? ((day) => defaultFakeGains(id, day)),
      legacyAcl: options.legacyAcl ?? false,
      overrides: new Map(),
    });
  }

  failNext(kind: FakeFailureKind, times = 1): void {
    if (times > 0) this.#failures.push({ kind, remaining: times });
  }

  omitDays(orgId: string, days: readonly Day[]): void {
    const org = this.#organization(orgId);
    for (const day of days) org.overrides.set(day, null);
  }

  setGain(orgId: string, day: Day, gain: FakeGain): void {
    this.#organization(orgId).overrides.set(day, { ...gain });
  }

  setLatency(ms: number): void {
    this.#latencyMs = ms;
  }

  setNow(now: Date | (() => Date)): void {
    this.#now = toClock(now);
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    // Hanging requests keep their sockets open; close() must not wait for them.
    this.#server.closeAllConnections();
    await closed;
  }

  #organization(orgId: string): FakeOrganization {
    const org = this.#organizations.get(orgId);
    if (!org) throw new Error(`fake LinkedIn: no organization ${orgId}; call addOrganization first`);
    return org;
  }

  #takeFailure(): FakeFailureKind | undefined {
    const head = this.#failures[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) this.#failures.shift();
    return head.kind;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt < 0 ? '' : rawUrl.slice(queryAt + 1);
    this.#record(req, path, query);
    // OAuth lives on www.linkedin.com, not the REST API: failNext() does not apply to it.
    if (path.startsWith('/oauth/v2/')) {
      void this.#oauth.handle(req, path, query).then((reply) => this.#send(res, reply));
      return;
    }
    const failure = this.#takeFailure();
    if (failure === 'hang') return;
    this.#send(res, this.#reply(req, path, query, failure));
  }

  #record(req: IncomingMessage, path: string, query: string): void {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'authorization' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    this.requests.push({ method: req.method ?? 'GET', path, query, headers });
    if (path === `/rest/${STATS_RESOURCE}`) this.#statsRequests += 1;
  }

  #reply(req: IncomingMessage, path: string, query: string, failure: FakeFailureKind | undefined): Reply {
    const resource = path.replace(/^\/rest\//, '');
    const version = header(req, 'linkedin-version') ?? '';
    if (failure === 'truncated-json') return truncate(this.#route(req, path, query));
    if (failure === 'missing-follower-gains') return withoutFollowerGains(this.#route(req, path, query));
    if (failure) return failureReply(failure, resource, version);
    return this.#route(req, path, query);
  }

  #send(res: ServerResponse, reply: Reply): void {
    const write = (): void => {
      res.writeHead(reply.status, { 'content-type': reply.contentType, 'x-li-fabric': 'fake', ...reply.headers });
      res.end(reply.body);
    };
    if (this.#latencyMs <= 0) return write();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      write();
    }, this.#latencyMs);
    this.#timers.add(timer);
  }

  #route(req: IncomingMessage, path: string, query: string): Reply {
    const refusal = this.#checkHeaders(req);
    if (refusal) return refusal;
    if (req.method !== 'GET') return json(405, { status: 405, message: 'Method not allowed' });
    if (!path.startsWith('/rest/')) return json(404, { status: 404, message: 'Not Found' });
    const resource = path.slice('/rest/'.length);
    const params = parseRawQuery(query);
    if (resource === STATS_RESOURCE) return this.#followerStatistics(params);
    if (resource === 'organizationAcls') return this.#organizationAcls(params);
    const networkSize = /^networkSizes\/([^/]+)$/.exec(resource);
    if (networkSize) return this.#networkSize(networkSize[1], params);
    const organization = /^organizations\/([^/]+)$/.exec(resource);
    if (organization) return this.#organizationLookup(organization[1]);
    return json(404, { status: 404, message: `No virtual resource found for ${resource}` });
  }

  #checkHeaders(req: IncomingMessage): Reply | null {
    const authorization = header(req, 'authorization');
    if (!authorization) return json(401, { serviceErrorCode: 401, message: 'Empty oauth2_access_token', status: 401 });
    if (!authorization.startsWith('Bearer ') || !this.#oauth.isActiveToken(authorization.slice('Bearer '.length))) return invalidToken();
    const version = header(req, 'linkedin-version');
    if (!version) return error400('A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING');
    if (!this.acceptedVersions.has(version)) return versionInactive(version);
    // Without 2.0.0 LinkedIn reads 1.0 syntax, which this fake does not speak.
    if (header(req, 'x-restli-protocol-version') !== '2.0.0') return error400('Invalid query parameters passed to request');
    return null;
  }

  #followerStatistics(params: Map<string, string>): Reply {
    if (decodeParam(params, 'q') !== 'organizationalEntity') return error400('Invalid query parameters passed to request');
    if ([...params.keys()].some((key) => key.startsWith('timeIntervals.'))) return error400(TIME_INTERVALS_INVALID);
    const org = this.#organizationFromEntity(params.get('organizationalEntity'));
    if ('status' in org) return org;
    const rawIntervals = params.get('timeIntervals');
    if (rawIntervals === undefined) return json(200, { paging: { count: 10, start: 0, links: [] }, elements: [lifetimeElement(org.id)] });
    const bounds = parseTimeIntervals(rawIntervals);
    if (!bounds) return error400(TIME_INTERVALS_INVALID);
    const windowProblem = this.#windowProblem(bounds.start, bounds.end);
    if (windowProblem) return error400(`Invalid timeIntervals parameter [${decodeURIComponent(rawIntervals)}]. ${windowProblem}`);
    return json(200, { paging: { count: 10, start: 0, links: [] }, elements: this.#gainElements(org, bounds.start, bounds.end) });
  }

  #organizationFromEntity(raw: string | undefined): FakeOrganization | Reply {
    // In Rest.li 2.0 a literal `:` in a value is structure, so an unencoded URN is malformed.
    const match = raw === undefined ? null : /^urn%3Ali%3Aorganization%3A(\d+)$/i.exec(raw);
    if (!match) return error400("Parameter 'organizationalEntity' is invalid");
    const org = this.#organizations.get(match[1]);
    if (!org) return json(403, { status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: organizationalEntityFollowerStatistics.GET' });
    return org;
  }

  #windowProblem(start: number, end: number): string | null {
    const today = utcDay(this.#now());
    if (start % DAY_MS !== 0 || end % DAY_MS !== 0) return 'Start and end time must be at 00:00:00 UTC for DAY granularity.';
    if (end <= start) return 'End time must be after start time.';
    if (dayFromMs(start) < twelveMonthsBefore(today)) return 'Start time must be at most 12 months before the request date (UTC).';
    if (dayFromMs(end - DAY_MS) > addDays(today, -2)) return 'End time must be at least 2 days prior to the request date (UTC).';
    return null;
  }

  #gainElements(org: FakeOrganization, start: number, end: number): unknown[] {
    const elements: unknown[] = [];
    for (let ms = start; ms < end; ms += DAY_MS) {
      const day = dayFromMs(ms);
      const gain = org.overrides.has(day) ? org.overrides.get(day) : org.gains(day);
      if (!gain) continue;
      elements.push({
        organizationalEntity: `urn:li:organization:${org.id}`,
        timeRange: { start: ms, end: ms + DAY_MS },
        followerGains: { organicFollowerGain: gain.organic, paidFollowerGain: gain.paid },
      });
    }
    return elements;
  }

  #networkSize(rawKey: string, params: Map<string, string>): Reply {
    const match = /^urn%3Ali%3Aorganization%3A(\d+)$/i.exec(rawKey);
    if (!match) return error400(`Invalid resource key ${rawKey}: path keys must be fully percent-encoded URNs`);
    if (decodeParam(params, 'edgeType') !== 'COMPANY_FOLLOWED_BY_MEMBER') {
      return error400(`Invalid value for param 'edgeType': ${decodeParam(params, 'edgeType') ?? '(missing)'}`);
    }
    const org = this.#organizations.get(match[1]);
    if (!org) return json(404, { status: 404, message: `Organization ${match[1]} not found` });
    return json(200, { firstDegreeSize: org.followers });
  }

  #organizationLookup(id: string): Reply {
    const org = /^\d+$/.test(id) ? this.#organizations.get(id) : undefined;
    if (!org) return json(404, { status: 404, serviceErrorCode: 100, message: `Organization ${id} not found` });
    return json(200, {
      id: Number(org.id),
      localizedName: org.name,
      ...(org.vanityName === null ? {} : { vanityName: org.vanityName }),
      name: { localized: { en_US: org.name }, preferredLocale: { country: 'US', language: 'en' } },
      primaryOrganizationType: 'NONE',
    });
  }

  #organizationAcls(params: Map<string, string>): Reply {
    if (decodeParam(params, 'q') !== 'roleAssignee') return error400('Invalid query parameters passed to request');
    const start = Number(decodeParam(params, 'start') ?? '0');
    const count = Number(decodeParam(params, 'count') ?? '10');
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0) return error400('Invalid paging parameters');
    const matches = decodeParam(params, 'role') === 'ADMINISTRATOR' && decodeParam(params, 'state') === 'APPROVED';
    const all = matches ? [...this.#organizations.values()] : [];
    const elements = all.slice(start, start + count).map((org) => ({
      roleAssignee: MEMBER_URN,
      role: 'ADMINISTRATOR',
      state: 'APPROVED',
      [org.legacyAcl ? 'organizationalTarget' : 'organization']: `urn:li:organization:${org.id}`,
    }));
    return json(200, { paging: { start, count, total: all.length, links: [] }, elements });
  }
}

// ---------------------------------------------------------------- OAuth 2.0 (social-apis.md §3.2–3.5)

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  challenge: string | null;
  expiresAtMs: number;
  used: boolean;
}

interface IssuedToken {
  clientId: string;
  scope: string;
  createdAtMs: number;
  expiresAtMs: number;
}

const CODE_LIFETIME_MS = 30 * 60_000;
const REFRESH_TOKEN_TTL_S = 365 * 86_400;
const INVALID_GRANT = 'The provided authorization grant or refresh token is invalid, expired or revoked';

function oauthError(status: number, error: string, description: string): Reply {
  return json(status, { error, error_description: description });
}

function htmlError(status: number, message: string): Reply {
  return { status, contentType: 'text/html; charset=utf-8', body: `<html><body><h1>${message}</h1></body></html>` };
}

function redirect(location: string): Reply {
  return { status: 302, contentType: 'text/plain', body: '', headers: { location } };
}

/** RFC 7636 S256, written here without the app's helper: a shared bug must not pass. */
function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** www.linkedin.com/oauth/v2: authorization (redirects), accessToken (code + refresh grants), introspectToken. */
class FakeOAuthServer {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly calls: FakeOAuthCall[] = [];
  cancelNext: FakeCancelError | null = null;
  readonly #refreshTokens: boolean;
  readonly #ttlS: number;
  readonly #now: () => Date;
  readonly #codes = new Map<string, IssuedCode>();
  readonly #accessTokens = new Map<string, IssuedToken>();
  readonly #refreshTokensIssued = new Map<string, IssuedToken>();
  #serial = 0;

  constructor(options: FakeOAuthOptions, now: () => Date, seededToken: string) {
    this.clientId = options.clientId ?? 'fake-client-id';
    this.clientSecret = options.clientSecret ?? 'fake-client-secret';
    this.#refreshTokens = options.refreshTokens ?? false;
    this.#ttlS = options.accessTokenTtl ?? 5_184_000;
    this.#now = now;
    // The token tests configure directly is valid for ever; tokens issued here expire.
    this.#accessTokens.set(seededToken, { clientId: this.clientId, scope: 'rw_organization_admin', createdAtMs: 0, expiresAtMs: Number.MAX_SAFE_INTEGER });
  }

  isActiveToken(token: string): boolean {
    const issued = this.#accessTokens.get(token);
    return issued !== undefined && issued.expiresAtMs > this.#now().getTime();
  }

  revokeRefreshTokens(): void {
    this.#refreshTokensIssued.clear();
  }

  async handle(req: IncomingMessage, path: string, query: string): Promise<Reply> {
    const endpoint = path.slice('/oauth/v2/'.length);
    const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    let reply: Reply;
    if (endpoint === 'authorization' && req.method === 'GET') reply = this.#authorize(new URLSearchParams(query));
    else if (endpoint === 'accessToken' || endpoint === 'introspectToken') reply = this.#tokenEndpoint(endpoint, req, form);
    else reply = htmlError(404, 'Not found');
    if (endpoint === 'authorization' || endpoint === 'accessToken' || endpoint === 'introspectToken') {
      this.calls.push({
        endpoint,
        grantType: form.get('grant_type'),
        status: reply.status,
        hadVerifier: form.has('code_verifier'),
        hadClientSecret: form.has('client_secret'),
      });
    }
    return reply;
  }

  #authorize(params: URLSearchParams): Reply {
    // LinkedIn shows its own error page (no redirect) for a bad client or redirect URI.
    if (params.get('client_id') !== this.clientId) return htmlError(400, 'The passed in client_id is invalid');
    if (params.get('response_type') !== 'code') return htmlError(400, 'response_type must be code');
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!/^https?:\/\/[^#]+$/.test(redirectUri)) return htmlError(400, 'The redirect_uri does not match the registered value');
    const scope = params.get('scope') ?? '';
    if (scope === '') return htmlError(400, 'scope is required');
    const challenge = params.get('code_challenge');
    if (challenge !== null && params.get('code_challenge_method') !== 'S256') return htmlError(400, 'code_challenge_method must be S256');
    const target = new URL(redirectUri);
    const state = params.get('state');
    if (this.cancelNext) {
      target.searchParams.set('error', this.cancelNext);
      target.searchParams.set('error_description', 'The user cancelled the authorization');
      this.cancelNext = null;
    } else {
      const code = `code-${randomBytes(12).toString('hex')}`;
      this.#codes.set(code, { clientId: this.clientId, redirectUri, scope, challenge, expiresAtMs: this.#now().getTime() + CODE_LIFETIME_MS, used: false });
      target.searchParams.set('code', code);
    }
    if (state !== null) target.searchParams.set('state', state);
    return redirect(target.toString());
  }

  #tokenEndpoint(endpoint: 'accessToken' | 'introspectToken', req: IncomingMessage, form: URLSearchParams): Reply {
    if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'POST required');
    if (!/^application\/x-www-form-urlencoded/i.test(header(req, 'content-type') ?? '')) {
      return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    if (endpoint === 'introspectToken') return this.#introspect(form);
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') return this.#codeGrant(form);
    if (grant === 'refresh_token') return this.#refreshGrant(form);
    return oauthError(400, 'unsupported_grant_type', `grant_type ${grant ?? '(missing)'} is not supported`);
  }

  #codeGrant(form: URLSearchParams): Reply {
    const code = form.get('code');
    const redirectUri = form.get('redirect_uri');
    if (!code || !redirectUri || !form.get('client_id')) return oauthError(400, 'invalid_request', 'A required parameter "code", "redirect_uri" or "client_id" is missing');
    const issued = this.#codes.get(code);
    if (form.get('client_id') !== this.clientId) return oauthError(401, 'invalid_client', 'Client authentication failed');
    // A public (PKCE) client may leave the secret out; a confidential one may not.
    const secret = form.get('client_secret');
    const publicClient = issued !== undefined && issued.challenge !== null;
    if (secret === null ? !publicClient : secret !== this.clientSecret) return oauthError(401, 'invalid_client', 'Client authentication failed');
    const now = this.#now().getTime();
    const mismatch = 'Unable to retrieve access token: appid/redirect uri/code verifier does not match authorization code. Or authorization code expired.';
    if (!issued || issued.used || issued.expiresAtMs < now || issued.redirectUri !== redirectUri) return oauthError(400, 'invalid_redirect_uri', mismatch);
    if (issued.challenge !== null) {
      const verifier = form.get('code_verifier');
      if (!verifier || s256(verifier) !== issued.challenge) return oauthError(400, 'invalid_redirect_uri', mismatch);
    }
    issued.used = true;
    return json(200, this.#issue(issued.scope, true));
  }

  #refreshGrant(form: URLSearchParams): Reply {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    const refresh = this.#refreshTokensIssued.get(form.get('refresh_token') ?? '');
    if (!refresh || refresh.expiresAtMs < this.#now().getTime()) return oauthError(400, 'invalid_request', INVALID_GRANT);
    const body = this.#issue(refresh.scope, false);
    const remaining = Math.floor((refresh.expiresAtMs - this.#now().getTime()) / 1000);
    return json(200, { ...body, refresh_token: form.get('refresh_token'), refresh_token_expires_in: remaining });
  }

  #issue(scope: string, withRefresh: boolean): Record<string, unknown> {
    const nowMs = this.#now().getTime();
    this.#serial += 1;
    const accessToken = `fake-access-${this.#serial}-${randomBytes(16).toString('hex')}`;
    this.#accessTokens.set(accessToken, { clientId: this.clientId, scope, createdAtMs: nowMs, expiresAtMs: nowMs + this.#ttlS * 1000 });
    const body: Record<string, unknown> = { access_token: accessToken, expires_in: this.#ttlS, scope };
    if (withRefresh && this.#refreshTokens) {
      const refreshToken = `fake-refresh-${this.#serial}-${randomBytes(16).toString('hex')}`;
      this.#refreshTokensIssued.set(refreshToken, { clientId: this.clientId, scope, createdAtMs: nowMs, expiresAtMs: nowMs + REFRESH_TOKEN_TTL_S * 1000 });
      body.refresh_token = refreshToken;
      body.refresh_token_expires_in = REFRESH_TOKEN_TTL_S;
    }
    return body;
  }

  #introspect(form: URLSearchParams): Reply {
    if (form.get('client_id') !== this.clientId) return oauthError(400, 'invalid_request', 'Invalid client id');
    if (form.get('client_secret') !== this.clientSecret) return oauthError(401, 'invalid_client', 'Client authentication failed');
    const token = form.get('token');
    if (!token) return oauthError(400, 'invalid_request', 'token is required');
    const issued = this.#accessTokens.get(token);
    if (!issued) return json(200, { active: false });
    const active = issued.expiresAtMs > this.#now().getTime();
    return json(200, {
      active,
      client_id: issued.clientId,
      authorized_at: Math.floor(issued.createdAtMs / 1000),
      created_at: Math.floor(issued.createdAtMs / 1000),
      status: active ? 'active' : 'expired',
      expires_at: issued.expiresAtMs === Number.MAX_SAFE_INTEGER ? undefined : Math.floor(issued.expiresAtMs / 1000),
      scope: issued.scope,
      auth_type: '3L',
    });
  }
}

function lifetimeElement(orgId: string): unknown {
  return {
    organizationalEntity: `urn:li:organization:${orgId}`,
    followerCountsByAssociationType: [],
    followerCountsBySeniority: [],
    followerCountsByIndustry: [],
    followerCountsByFunction: [],
    followerCountsByStaffCountRange: [],
    followerCountsByGeoCountry: [],
    followerCountsByGeo: [],
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function toClock(now: Date | (() => Date) | undefined): () => Date {
  if (now === undefined) return () => new Date();
  if (typeof now === 'function') return now;
  const fixed = new Date(now.getTime());
  return () => new Date(fixed.getTime());
}

export async function startFakeLinkedIn(options: FakeLinkedInOptions = {}): Promise<FakeLinkedIn> {
  const fake = new FakeLinkedInServer(options);
  await fake.listen();
  return fake;
}
