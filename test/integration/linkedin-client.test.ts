import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayRange, dayToMs, twelveMonthsBefore } from '../../src/main/engine/dates';
import { AppError } from '../../src/main/engine/errors';
import { fallbackVersions, LinkedInClient, redactToken } from '../../src/main/engine/sources/linkedin/linkedin-client';
import type { LinkedInClientOptions } from '../../src/main/engine/sources/linkedin/types';
import { defaultFakeGains, startFakeLinkedIn, type FakeLinkedIn } from '../fakes/fake-linkedin';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const TODAY = '2026-11-28';
const TOKEN = 'AQXsecretTOKEN-do-not-leak-9f8e7d6c';
const ORG = '2414183';
const URN_ENCODED = 'urn%3Ali%3Aorganization%3A2414183';

let fake: FakeLinkedIn;
let tokenReads: number;

beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: NOW, token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme', vanityName: 'acme', followers: 219145 });
  tokenReads = 0;
});

afterEach(async () => {
  await fake.close();
});

function client(overrides: Partial<LinkedInClientOptions> = {}): LinkedInClient {
  return new LinkedInClient({
    apiBaseUrl: fake.apiBaseUrl,
    apiVersion: '202611',
    getAccessToken: () => {
      tokenReads += 1;
      return Promise.resolve(TOKEN);
    },
    backoffBaseMs: 2,
    timeoutMs: 2_000,
    now: () => NOW,
    ...overrides,
  });
}

/** Awaits a rejection and checks, for every error in this file, that the token never leaks. */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  const cause = appError.cause instanceof Error ? appError.cause.message : String(appError.cause);
  for (const text of [appError.message, appError.hint ?? '', cause, JSON.stringify(appError), appError.oneLine(), appError.stack ?? '']) {
    expect(text).not.toContain(TOKEN);
  }
  return appError;
}

const statsQuery = (from: string, to: string): string =>
  `q=organizationalEntity&organizationalEntity=${URN_ENCODED}` +
  `&timeIntervals=(timeGranularityType:DAY,timeRange:(end:${dayToMs(addDays(to, 1))},start:${dayToMs(from)}))`;

describe('follower gains', () => {
  it('fetches a full 12-month window in ONE request with the documented headers and encoding', async () => {
    const from = twelveMonthsBefore(TODAY);
    const to = addDays(TODAY, -3);
    const li = client();
    const gains = await li.fetchFollowerGains(ORG, from, to);

    expect(gains.map((g) => g.day)).toEqual(dayRange(from, to));
    expect(gains.length).toBeGreaterThanOrEqual(360);
    for (const gain of gains) {
      const { organic, paid } = defaultFakeGains(ORG, gain.day);
      expect(gain).toEqual({ day: gain.day, organicGain: organic, paidGain: paid });
    }
    expect(fake.statsRequests).toBe(1);
    expect(li.apiCalls).toBe(1);

    const [request] = fake.requests;
    expect(request?.path).toBe('/rest/organizationalEntityFollowerStatistics');
    expect(request?.query).toBe(statsQuery(from, to));
    expect(request?.headers['linkedin-version']).toBe('202611');
    expect(request?.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(request?.headers).not.toHaveProperty('authorization');
  });

  it('accepts the newest settled day (today − 2) and turns LinkedIn window errors into LINKEDIN_BAD_REQUEST', async () => {
    const li = client();
    await expect(li.fetchFollowerGains(ORG, addDays(TODAY, -2), addDays(TODAY, -2))).resolves.toHaveLength(1);

    const tooNew = await failure(li.fetchFollowerGains(ORG, addDays(TODAY, -5), addDays(TODAY, -1)));
    expect(tooNew.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(tooNew.message).toContain('Invalid timeIntervals parameter');

    const tooOld = await failure(li.fetchFollowerGains(ORG, addDays(twelveMonthsBefore(TODAY), -1), addDays(TODAY, -3)));
    expect(tooOld.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(fake.statsRequests).toBe(3);
  });

  it('leaves days LinkedIn omits absent, never zero', async () => {
    fake.omitDays(ORG, ['2026-11-20', '2026-11-22']);
    const gains = await client().fetchFollowerGains(ORG, '2026-11-18', '2026-11-24');
    expect(gains.map((g) => g.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-21', '2026-11-23', '2026-11-24']);
  });

  it('keeps negative gains and sees revisions', async () => {
    fake.setGain(ORG, '2026-11-20', { organic: -7, paid: 2 });
    const li = client();
    expect(await li.fetchFollowerGains(ORG, '2026-11-20', '2026-11-20')).toEqual([{ day: '2026-11-20', organicGain: -7, paidGain: 2 }]);
    fake.setGain(ORG, '2026-11-20', { organic: -9, paid: 0 });
    expect(await li.fetchFollowerGains(ORG, '2026-11-20', '2026-11-20')).toEqual([{ day: '2026-11-20', organicGain: -9, paidGain: 0 }]);
  });

  it('uses a custom gains generator, and null means the day is missing', async () => {
    fake.addOrganization('77', { name: 'Beta', gains: (day) => (day.endsWith('5') ? null : { organic: 1, paid: 0 }) });
    const gains = await client().fetchFollowerGains('77', '2026-11-14', '2026-11-16');
    expect(gains).toEqual([
      { day: '2026-11-14', organicGain: 1, paidGain: 0 },
      { day: '2026-11-16', organicGain: 1, paidGain: 0 },
    ]);
  });

  it('sorts by day whatever order the elements arrive in', async () => {
    const reversing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { elements: unknown[] };
      body.elements.reverse();
      return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
    };
    const gains = await client({ fetchImpl: reversing }).fetchFollowerGains(ORG, '2026-11-01', '2026-11-05');
    expect(gains.map((g) => g.day)).toEqual(dayRange('2026-11-01', '2026-11-05'));
  });

  it('refuses a bad organization id or day range without calling LinkedIn or the keychain', async () => {
    const li = client();
    expect((await failure(li.fetchFollowerGains('acme', '2026-11-01', '2026-11-02'))).code).toBe('USAGE');
    expect((await failure(li.fetchFollowerGains(ORG, '2026-11-05', '2026-11-01'))).code).toBe('USAGE');
    expect((await failure(li.fetchFollowerCount('1:2'))).code).toBe('USAGE');
    expect(fake.requests).toHaveLength(0);
    expect(tokenReads).toBe(0);
  });
});

describe('totals, organizations and administered pages', () => {
  it('reads networkSizes with the URN percent-encoded in the path', async () => {
    const li = client();
    expect(await li.fetchFollowerCount(ORG)).toBe(219145);
    expect(fake.requests[0]?.path).toBe(`/rest/networkSizes/${URN_ENCODED}`);
    expect(fake.requests[0]?.query).toBe('edgeType=COMPANY_FOLLOWED_BY_MEMBER');
  });

  it('looks up an organization', async () => {
    fake.addOrganization('55', { name: 'No Vanity' });
    const li = client();
    expect(await li.fetchOrganization(ORG)).toEqual({ id: ORG, name: 'Acme', vanityName: 'acme' });
    expect(await li.fetchOrganization('55')).toEqual({ id: '55', name: 'No Vanity', vanityName: null });
    expect((await failure(li.fetchOrganization('999'))).code).toBe('LINKEDIN_NOT_FOUND');
  });

  it('pages through organizationAcls, reading the legacy organizationalTarget field too', async () => {
    const extra = Array.from({ length: 60 }, (_, i) => String(1000 + i));
    extra.forEach((id, i) => fake.addOrganization(id, { name: `Org ${id}`, legacyAcl: i % 2 === 0 }));
    const seen: string[] = [];
    const li = client({ onRequest: (info) => seen.push(info.path) });

    expect(await li.listAdministeredOrganizationIds()).toEqual([ORG, ...extra]);
    const queries = fake.requests.map((r) => `${r.path}?${r.query}`);
    expect(queries).toEqual([
      '/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=0&count=50',
      '/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=50&count=50',
    ]);
    expect(seen).toEqual(queries.map((q) => q.replace('/rest', '')));
    expect(li.apiCalls).toBe(2);
  });
});

describe('token errors, permissions', () => {
  it.each([
    ['expired', 'LINKEDIN_TOKEN_EXPIRED'],
    ['revoked', 'LINKEDIN_TOKEN_REVOKED'],
    ['invalid', 'LINKEDIN_TOKEN_INVALID'],
  ] as const)('401 %s → %s without retrying', async (kind, code) => {
    fake.failNext(kind);
    const error = await failure(client().fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe(code);
    expect(error.hint).toContain('linkedin.accessToken');
    expect(fake.requests).toHaveLength(1);
  });

  it('a wrong token is rejected by the fake as invalid', async () => {
    const error = await failure(client({ getAccessToken: () => Promise.resolve('wrong-token') }).fetchFollowerCount(ORG));
    expect(error.code).toBe('LINKEDIN_TOKEN_INVALID');
    expect(error.message).toBe('LinkedIn rejected the access token as invalid');
  });

  it('403 → LINKEDIN_PERMISSION_DENIED', async () => {
    fake.failNext('forbidden');
    const error = await failure(client().fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe('LINKEDIN_PERMISSION_DENIED');
    expect(error.hint).toContain('ADMINISTRATOR');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('version routing', () => {
  it('on 426 falls back to the newest accepted monthly version and keeps it', async () => {
    fake.acceptedVersions.delete('202611');
    const li = client({ apiVersion: '202401' });
    expect(await li.fetchFollowerCount(ORG)).toBe(219145);
    expect(li.effectiveVersion).toBe('202610');
    expect(li.versionFallbackUsed).toEqual({ configured: '202401', used: '202610' });

    await li.fetchFollowerGains(ORG, '2026-11-01', '2026-11-02');
    expect(fake.requests.map((r) => r.headers['linkedin-version'])).toEqual(['202401', '202611', '202610', '202610']);
    expect(li.apiCalls).toBe(4);
  });

  it('a one-off 426 on a configured version moves to another recent version', async () => {
    fake.failNext('version-inactive');
    const li = client();
    expect(await li.fetchOrganization(ORG)).toMatchObject({ name: 'Acme' });
    expect(li.versionFallbackUsed).toEqual({ configured: '202611', used: '202610' });
  });

  it('without a working version fails with LINKEDIN_VERSION_INACTIVE after at most 6 tries', async () => {
    fake.acceptedVersions.clear();
    const li = client({ apiVersion: '202401' });
    const error = await failure(li.fetchFollowerCount(ORG));
    expect(error.code).toBe('LINKEDIN_VERSION_INACTIVE');
    expect(error.message).toContain('202401');
    expect(error.hint).toBe('update Settings › LinkedIn › API version to a current YYYYMM');
    expect(fake.requests.map((r) => r.headers['linkedin-version'])).toEqual(['202401', '202611', '202610', '202609', '202608', '202607', '202606']);
    expect(li.versionFallbackUsed).toBeNull();
    expect(li.effectiveVersion).toBe('202401');
  });

  it('with versionFallback off, 426 fails at once', async () => {
    const error = await failure(client({ apiVersion: '202401', versionFallback: false }).fetchFollowerCount(ORG));
    expect(error.code).toBe('LINKEDIN_VERSION_INACTIVE');
    expect(fake.requests).toHaveLength(1);
  });

  it('chooses candidates from the current month backwards, skipping the configured one', () => {
    expect(fallbackVersions(new Date('2026-02-10T00:00:00Z'), '202601')).toEqual(['202602', '202512', '202511', '202510', '202509', '202508']);
  });
});

describe('rate limits', () => {
  it('after a DAY-limit 429 the client sends nothing more for its lifetime', async () => {
    fake.failNext('daily-limit');
    const li = client();
    const first = await failure(li.fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(first.code).toBe('LINKEDIN_DAILY_LIMIT');
    expect(first.retryable).toBe(false);
    expect(first.hint).toContain('00:00 UTC');

    const later = await Promise.all([
      failure(li.fetchFollowerGains(ORG, '2026-11-01', '2026-11-05')),
      failure(li.fetchFollowerCount(ORG)),
      failure(li.fetchOrganization(ORG)),
      failure(li.listAdministeredOrganizationIds()),
    ]);
    expect(later.map((e) => e.code)).toEqual(Array(4).fill('LINKEDIN_DAILY_LIMIT'));
    expect(fake.requests).toHaveLength(1);
    expect(li.apiCalls).toBe(1);
    expect(tokenReads).toBe(1);
  });

  it('retries a burst 429 and succeeds', async () => {
    fake.failNext('throttle', 2);
    const li = client();
    await expect(li.fetchFollowerGains(ORG, '2026-11-01', '2026-11-05')).resolves.toHaveLength(5);
    expect(fake.statsRequests).toBe(3);
    expect(li.apiCalls).toBe(3);
  });

  it('gives up on a persistent burst 429 with LINKEDIN_THROTTLED after maxRetries', async () => {
    fake.failNext('throttle', 10);
    const error = await failure(client({ maxRetries: 3 }).fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe('LINKEDIN_THROTTLED');
    expect(error.retryable).toBe(true);
    expect(fake.requests).toHaveLength(4);
  });
});

describe('bad responses and the network', () => {
  it.each(['html-502', 'truncated-json', 'server-error'] as const)('%s once is retried and succeeds', async (kind) => {
    fake.failNext(kind);
    await expect(client().fetchFollowerGains(ORG, '2026-11-01', '2026-11-05')).resolves.toHaveLength(5);
    expect(fake.statsRequests).toBe(2);
  });

  it.each(['html-502', 'truncated-json', 'server-error'] as const)('%s every time → LINKEDIN_BAD_RESPONSE after retries', async (kind) => {
    fake.failNext(kind, 10);
    const error = await failure(client({ maxRetries: 2 }).fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe('LINKEDIN_BAD_RESPONSE');
    expect(fake.requests).toHaveLength(3);
  });

  it('an element without followerGains → LINKEDIN_BAD_RESPONSE, not a missing day, not retried', async () => {
    fake.failNext('missing-follower-gains');
    const error = await failure(client().fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe('LINKEDIN_BAD_RESPONSE');
    expect(error.message).toContain('followerGains');
    expect(fake.statsRequests).toBe(1);
  });

  it('a request that never answers times out → NETWORK', async () => {
    fake.failNext('hang', 10);
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 150, maxRetries: 1 }).fetchFollowerCount(ORG));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`Could not reach LinkedIn (${new URL(fake.url).host}): no answer within 150 ms`);
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('slow but in-time answers are fine', async () => {
    fake.setLatency(50);
    await expect(client({ timeoutMs: 1_000 }).fetchFollowerCount(ORG)).resolves.toBe(219145);
  });

  it('a closed port → NETWORK "connection refused", retried first', async () => {
    const port = await closedPort();
    const li = new LinkedInClient({
      apiBaseUrl: `http://127.0.0.1:${port}/rest`,
      apiVersion: '202611',
      getAccessToken: () => Promise.resolve(TOKEN),
      backoffBaseMs: 1,
      maxRetries: 2,
    });
    const error = await failure(li.fetchFollowerGains(ORG, '2026-11-01', '2026-11-05'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`Could not reach LinkedIn (127.0.0.1:${port}): connection refused`);
    expect(error.hint).toMatch(/internet.*proxy/);
    expect(li.apiCalls).toBe(3);
  });
});

describe('the token never leaks', () => {
  it('not even when a proxy or LinkedIn echoes it', async () => {
    const echoingProxy: typeof fetch = (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      return Promise.reject(new TypeError(`fetch failed (${auth})`, { cause: Object.assign(new Error(auth), { code: 'ECONNRESET' }) }));
    };
    expect((await failure(client({ fetchImpl: echoingProxy, maxRetries: 0 }).fetchFollowerCount(ORG))).code).toBe('NETWORK');

    const echoingServer: typeof fetch = (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const body = JSON.stringify({ status: 400, message: `Bad header ${auth}` });
      return Promise.resolve(new Response(body, { status: 400, headers: { 'content-type': 'application/json' } }));
    };
    const error = await failure(client({ fetchImpl: echoingServer }).fetchFollowerCount(ORG));
    expect(error.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(error.message).toContain('[redacted]');
  });

  it('redactToken rewrites message, hint and cause', () => {
    const leaky = new AppError('INTERNAL', `saw ${TOKEN}`, { hint: `not ${TOKEN}`, cause: new Error(`Bearer ${TOKEN}`), retryable: true });
    const clean = redactToken(leaky, TOKEN);
    expect(JSON.stringify([clean.message, clean.hint, (clean.cause as Error).message])).not.toContain(TOKEN);
    expect(clean.retryable).toBe(true);
    expect(redactToken(leaky, '')).toBe(leaky);
  });
});

describe('the fake validates requests like LinkedIn', () => {
  const get = async (path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { message?: string; code?: string } }> => {
    const response = await fetch(`${fake.url}${path}`, {
      headers: { Authorization: `Bearer ${TOKEN}`, 'LinkedIn-Version': '202611', 'X-Restli-Protocol-Version': '2.0.0', ...headers },
    });
    return { status: response.status, body: (await response.json()) as { message?: string; code?: string } };
  };
  const start = dayToMs('2026-11-01');
  const end = dayToMs('2026-11-02');
  const stats = `/rest/organizationalEntityFollowerStatistics?q=organizationalEntity&organizationalEntity=${URN_ENCODED}`;

  it('accepts either key order inside timeIntervals', async () => {
    const { status } = await get(`${stats}&timeIntervals=(timeRange:(start:${start},end:${end}),timeGranularityType:DAY)`);
    expect(status).toBe(200);
  });

  it("rejects the dotted 1.0 form and malformed values with \"Parameter 'timeIntervals' is invalid\"", async () => {
    for (const query of [
      `&timeIntervals.timeGranularityType=DAY&timeIntervals.timeRange.start=${start}&timeIntervals.timeRange.end=${end}`,
      `&timeIntervals=(timeRange:(start=${start},end=${end}),timeGranularityType:DAY)`,
      `&timeIntervals=(timeRange:(start:${start}),timeGranularityType:DAY)`,
    ]) {
      const { status, body } = await get(`${stats}${query}`);
      expect(status).toBe(400);
      expect(body.message).toBe("Parameter 'timeIntervals' is invalid");
    }
  });

  it('rejects bounds off midnight UTC with "Invalid timeIntervals parameter"', async () => {
    const { status, body } = await get(`${stats}&timeIntervals=(timeGranularityType:DAY,timeRange:(end:${end + 1000},start:${start}))`);
    expect(status).toBe(400);
    expect(body.message).toContain('Invalid timeIntervals parameter');
  });

  it('requires the version header, an encoded URN and the right edgeType', async () => {
    expect((await get(`/rest/networkSizes/${URN_ENCODED}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, { 'LinkedIn-Version': '' })).body.code).toBe('VERSION_MISSING');
    expect((await get(`/rest/networkSizes/urn:li:organization:${ORG}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`)).status).toBe(400);
    expect((await get(`/rest/networkSizes/${URN_ENCODED}?edgeType=CompanyFollowedByMember`)).status).toBe(400);
    const sunset = await get(`/rest/networkSizes/${URN_ENCODED}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, { 'LinkedIn-Version': '202404' });
    expect(sunset).toEqual({ status: 426, body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20240401 is not active' } });
  });

  it('never records the Authorization header', async () => {
    await get(`/rest/organizations/${ORG}`);
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
