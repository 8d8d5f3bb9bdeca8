import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayRange } from '../../src/main/engine/dates';
import { AppError } from '../../src/main/engine/errors';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { facebookSource, type FacebookSourceClient } from '../../src/main/engine/sources/facebook/facebook-source';
import { SharedBackoff } from '../../src/main/engine/sources/shared-backoff';
import { planBounds, requestWindows } from '../../src/main/engine/sync/sync-planner';
import { defaultSettings } from '../../src/shared/settings-schema';
import { caught } from '../support/caught';
import { freePort } from '../support/free-port';
import { defaultFollows, defaultUnfollows, type FakeGraph, startFakeGraph } from '../fakes/fake-graph';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const TOKEN = 'EAAGsecretPAGEtoken-do-not-leak-123';
const PAGE = '104173652001234';

let fake: FakeGraph;

beforeEach(async () => {
  fake = await startFakeGraph({ token: TOKEN, now: NOW });
  fake.addPage(PAGE, { name: 'Acme Brasil', followers: 48_210 });
});
afterEach(async () => fake.close());

function client(token = TOKEN, apiBaseUrl = fake.url): FacebookSourceClient {
  const settings = defaultSettings();
  settings.facebook.apiBaseUrl = apiBaseUrl;
  return facebookSource.createClient({
    settings,
    secrets: new MemorySecretStore({ 'facebook.pageToken': token }),
    now: () => NOW,
    backoff: new SharedBackoff(),
  }) as FacebookSourceClient;
}

describe('Facebook Page client against the fake Graph API', () => {
  it('reads followers_count and the name with the Page token in the Authorization header, never the URL', async () => {
    const c = client();
    expect(await c.fetchTotal(PAGE)).toBe(48_210);
    expect(await c.lookUpName(PAGE)).toBe('Acme Brasil');
    expect(fake.requests.map((r) => r.path)).toEqual([`/v27.0/${PAGE}`, `/v27.0/${PAGE}`]);
    expect(fake.requests.every((r) => !JSON.stringify(r.query).includes(TOKEN))).toBe(true);
    expect(c.apiCalls).toBe(2);
  });

  it('turns Pacific end_times into UTC days and organic = follows − unfollows, paid empty', async () => {
    const gains = await client().fetchGains(PAGE, { from: '2026-11-01', to: '2026-11-10' });
    expect(gains.map((g) => g.day)).toEqual(dayRange('2026-11-01', '2026-11-10'));
    const first = gains[0];
    expect(first).toEqual({ day: '2026-11-01', organicGain: defaultFollows(PAGE, '2026-11-01') - defaultUnfollows(PAGE, '2026-11-01'), paidGain: null });
    expect(fake.requests[0].query).toMatchObject({
      metric: 'page_daily_follows_unique,page_daily_unfollows_unique',
      period: 'day',
      since: '2026-11-01',
      until: '2026-11-11',
    });
  });

  it('leaves a day missing when Meta omits either side, rather than guessing zero', async () => {
    fake.addPage('555', { name: 'Gaps', followers: 10, follows: (d) => (d === '2026-11-03' ? null : 5), unfollows: (d) => (d === '2026-11-05' ? null : 2) });
    const gains = await client().fetchGains('555', { from: '2026-11-01', to: '2026-11-06' });
    expect(gains.map((g) => g.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-04', '2026-11-06']);
    expect(gains.every((g) => g.organicGain === 3)).toBe(true);
  });

  it('backfills two years in requests of at most 90 days, each accepted by the API', async () => {
    const bounds = planBounds(NOW, facebookSource.planSettings(defaultSettings()));
    expect(bounds).toEqual({ oldest: addDays('2026-11-28', -730), newest: '2026-11-26' });
    const windows = requestWindows({ from: bounds.oldest, to: bounds.newest }, facebookSource.streams.gains?.maxWindowDays ?? 0);
    expect(windows).toHaveLength(9);
    const c = client();
    const all = (await Promise.all(windows.map((w) => c.fetchGains(PAGE, w)))).flat();
    expect(all).toHaveLength(729);
    expect(new Set(all.map((g) => g.day)).size).toBe(729);
    expect(c.apiCalls).toBe(9);
  });

  it('refuses a window longer than 90 days at the fake exactly as Graph does', async () => {
    const error = await caught(client().fetchGains(PAGE, { from: '2026-01-01', to: '2026-04-30' }));
    expect(error).toMatchObject({ code: 'FACEBOOK_BAD_REQUEST' });
    expect((error).message).toContain('90 days');
  });

  it('a Graph API that cannot be reached is NETWORK naming the host and the reason', async () => {
    const port = await freePort();
    const error = await caught(client(TOKEN, `http://127.0.0.1:${port}`).fetchTotal(PAGE));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`Could not reach Facebook (127.0.0.1:${port}): connection refused`);
  });

  it('code 190 is FACEBOOK_TOKEN_EXPIRED with what to do, and no token in the message', async () => {
    const error = (await caught(client('EAAGstale-token-value').fetchTotal(PAGE)));
    expect(error.code).toBe('FACEBOOK_TOKEN_EXPIRED');
    expect(error.oneLine()).toContain('has expired');
    expect(error.oneLine()).toContain('follower-pulse secret set facebook.pageToken');
    expect(error.oneLine()).not.toContain('EAAGstale-token-value');
  });

  it('a missing token is FACEBOOK_TOKEN_MISSING before any request', async () => {
    const settings = defaultSettings();
    settings.facebook.apiBaseUrl = fake.url;
    const c = facebookSource.createClient({ settings, secrets: new MemorySecretStore(), now: () => NOW });
    expect(await caught(c.fetchTotal(PAGE))).toMatchObject({ code: 'FACEBOOK_TOKEN_MISSING' });
    expect(fake.requests).toHaveLength(0);
  });

  it('a removed metric (#100) degrades to snapshots only: no error, a run warning, no further insights calls', async () => {
    fake.removeMetric('page_daily_unfollows_unique');
    const c = client();
    expect(await c.fetchGains(PAGE, { from: '2026-11-01', to: '2026-11-10' })).toEqual([]);
    expect(await c.fetchGains('999', { from: '2026-11-01', to: '2026-11-10' })).toEqual([]);
    expect(await c.fetchTotal(PAGE)).toBe(48_210);
    expect(fake.requests.filter((r) => r.path.endsWith('/insights'))).toHaveLength(1);
    const warnings = facebookSource.runWarnings?.({ settings: defaultSettings(), client: c, now: NOW }) ?? [];
    expect(warnings).toEqual([{ code: 'FACEBOOK_METRIC_UNAVAILABLE', message: expect.stringContaining('only follower totals') as string }]);
    expect(facebookSource.runWarnings?.({ settings: defaultSettings(), client: client(), now: NOW })).toEqual([]);
  });

  it('a throttle (#32) without a wait estimate is retried and then succeeds', async () => {
    fake.failNext({ kind: 'page-limit', regainMinutes: 0 });
    const c = client();
    expect(await c.fetchTotal(PAGE)).toBe(48_210);
    expect(c.apiCalls).toBe(2);
  });

  it('a throttle (#4) with minutes in X-Business-Use-Case-Usage fails at once with the wait, not retried', async () => {
    fake.failNext({ kind: 'app-limit', regainMinutes: 7 });
    const c = client();
    const error = (await caught(c.fetchTotal(PAGE)));
    expect(error.code).toBe('FACEBOOK_THROTTLED');
    expect(error.oneLine()).toContain('about 7 minutes');
    expect(c.apiCalls).toBe(1);
  });

  it('a long lock-out (#17, 120 minutes) is FACEBOOK_DAILY_LIMIT and later calls spend no request', async () => {
    fake.failNext({ kind: 'user-limit', regainMinutes: 120 });
    const c = client();
    const error = (await caught(c.fetchTotal(PAGE)));
    expect(error.code).toBe('FACEBOOK_DAILY_LIMIT');
    expect(error.oneLine()).toContain('2026-11-28 12:00 UTC');
    expect(await caught(c.fetchTotal(PAGE))).toMatchObject({ code: 'FACEBOOK_DAILY_LIMIT' });
    expect(fake.requests).toHaveLength(1);
  });

  it('a missing permission (#10) is FACEBOOK_PERMISSION_DENIED naming the permissions', async () => {
    fake.failNext({ kind: 'permission' });
    const error = (await caught(client().fetchGains(PAGE, { from: '2026-11-01', to: '2026-11-02' })));
    expect(error.code).toBe('FACEBOOK_PERMISSION_DENIED');
    expect(error.hint).toContain('read_insights');
  });

  it('a 500 is retried; a version the fake does not serve is a bad request naming it', async () => {
    fake.failNext({ kind: 'server-error' });
    expect(await client().fetchTotal(PAGE)).toBe(48_210);
    const settings = defaultSettings();
    settings.facebook.apiBaseUrl = fake.url;
    settings.facebook.apiVersion = 'v20.0';
    const old = facebookSource.createClient({ settings, secrets: new MemorySecretStore({ 'facebook.pageToken': TOKEN }), now: () => NOW });
    const error = (await caught(old.fetchTotal(PAGE)));
    expect(error.code).toBe('FACEBOOK_BAD_REQUEST');
    expect(error.message).toContain('v20.0');
  });
});

describe('Facebook settings and ids', () => {
  it('defaults to Graph v27.0 on https://graph.facebook.com and accepts only https or loopback http', () => {
    const settings = defaultSettings();
    expect(settings.facebook).toMatchObject({ apiBaseUrl: 'https://graph.facebook.com', apiVersion: 'v27.0', backfillDays: 730 });
    const schema = facebookSource.settings.schema;
    expect(schema.safeParse({ apiBaseUrl: 'http://127.0.0.1:9000' }).success).toBe(true);
    expect(schema.safeParse({ apiBaseUrl: 'http://graph.example.com' }).success).toBe(false);
    expect(schema.safeParse({ apiVersion: '27' }).success).toBe(false);
  });

  it('normalises Page ids and refuses anything else with a USAGE error', () => {
    expect(facebookSource.normalizeAccountId(' 104173652001234 ')).toBe('104173652001234');
    expect(() => facebookSource.normalizeAccountId('acme.page')).toThrow(AppError);
  });
});
