import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { XClient } from '../../src/main/engine/sources/x/x-client';
import { waitBeforeNextCallMs } from '../../src/main/engine/sources/x/x-rate-limit';
import { xSource, type XSourceClient } from '../../src/main/engine/sources/x/x-source';
import { defaultSettings } from '../../src/shared/settings-schema';
import { caught } from '../support/caught';
import { freePort } from '../support/free-port';
import { type FakeX, startFakeX } from '../fakes/fake-x';

const TOKEN = 'AAAAAAAAAAAAAAAAAAAAAbearer-do-not-leak';

let fake: FakeX;

beforeEach(async () => {
  fake = await startFakeX({ token: TOKEN });
  fake.addUser('XDevelopers', { id: '2244994945', name: 'X Developers', followers: 583_423 });
});
afterEach(async () => fake.close());

function client(token = TOKEN): XSourceClient {
  const settings = defaultSettings();
  settings.x.apiBaseUrl = fake.apiBaseUrl;
  return xSource.createClient({ settings, secrets: new MemorySecretStore({ 'x.bearerToken': token }), now: () => new Date() }) as XSourceClient;
}

describe('X client against the fake user-lookup API', () => {
  it('reads public_metrics.followers_count; the name and the total of one run cost one billed read', async () => {
    const c = client();
    expect(await c.lookUpName('XDevelopers')).toBe('X Developers');
    expect(await c.fetchTotal('xdevelopers')).toBe(583_423);
    expect(fake.requests).toEqual([{ path: '/2/users/by/username/XDevelopers', query: 'user.fields=public_metrics' }]);
    expect(c.apiCalls).toBe(1);
  });

  it('an X that cannot be reached is NETWORK naming the host and the reason', async () => {
    const port = await freePort();
    const settings = defaultSettings();
    settings.x.apiBaseUrl = `http://127.0.0.1:${port}`;
    const c = xSource.createClient({ settings, secrets: new MemorySecretStore({ 'x.bearerToken': TOKEN }), now: () => new Date() }) as XSourceClient;
    const error = await caught(c.fetchTotal('XDevelopers'));
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe(`Could not reach X (127.0.0.1:${port}): connection refused`);
    expect(error.retryable).toBe(true);
  });

  it('a wrong Bearer token is X_TOKEN_INVALID saying what to do, without the token', async () => {
    const error = await caught(client('wrong-bearer-value').fetchTotal('XDevelopers'));
    expect(error.code).toBe('X_TOKEN_INVALID');
    expect(error.oneLine()).toContain('follower-pulse secret set x.bearerToken');
    expect(error.oneLine()).not.toContain('wrong-bearer-value');
  });

  it('an unknown handle (200 with an errors list) is X_NOT_FOUND naming it', async () => {
    const error = await caught(client().fetchTotal('nobody_here'));
    expect(error.code).toBe('X_NOT_FOUND');
    expect(error.message).toContain('@nobody_here');
  });

  it('a missing token is X_TOKEN_MISSING before any request', async () => {
    const settings = defaultSettings();
    settings.x.apiBaseUrl = fake.apiBaseUrl;
    const c = xSource.createClient({ settings, secrets: new MemorySecretStore(), now: () => new Date() });
    expect(await caught(c.fetchTotal('XDevelopers'))).toMatchObject({ code: 'X_TOKEN_MISSING' });
    expect(fake.requests).toHaveLength(0);
  });

  it('x-rate-limit-remaining 0 with a far reset: the next account fails at once without a request', async () => {
    fake.addUser('second', { id: '2', name: 'Second', followers: 10 });
    fake.setWindow(1, 600);
    const c = client();
    expect(await c.fetchTotal('XDevelopers')).toBe(583_423);
    const error = await caught(c.fetchTotal('second'));
    expect(error.code).toBe('X_THROTTLED');
    expect(error.oneLine()).toMatch(/after \d\d:\d\d UTC/);
    expect(fake.requests).toHaveLength(1);
  });

  it('a 429 whose window resets within a minute is waited out and the read succeeds', async () => {
    fake.setWindow(0, 1);
    const c = client();
    expect(await c.fetchTotal('XDevelopers')).toBe(583_423);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('a 429 with a far reset is X_THROTTLED, not retried', async () => {
    fake.setWindow(0, 900);
    const c = client();
    expect(await caught(c.fetchTotal('XDevelopers'))).toMatchObject({ code: 'X_THROTTLED' });
    expect(fake.requests).toHaveLength(1);
  });

  it('a 503 is retried', async () => {
    fake.failNext(503);
    const c = new XClient({ apiBaseUrl: fake.apiBaseUrl, getBearerToken: () => Promise.resolve(TOKEN), now: () => new Date(), retryBaseMs: 5 });
    expect((await c.lookUpUser('XDevelopers')).followers).toBe(583_423);
    expect(c.apiCalls).toBe(2);
  });
});

describe('X description', () => {
  it('is a totals-only network read once per UTC day, with handles normalised', () => {
    expect(xSource.streams.gains).toBeUndefined();
    expect(xSource.streams.totals.kind).toBe('snapshot-per-utc-day');
    expect(xSource.normalizeAccountId('@XDevelopers')).toBe('XDevelopers');
    expect(xSource.normalizeAccountId('https://x.com/XDevelopers')).toBe('XDevelopers');
    expect(() => xSource.normalizeAccountId('not a handle!')).toThrow(AppError);
  });

  it('waits only while no call remains and the window has not reset', () => {
    expect(waitBeforeNextCallMs({ remaining: 3, resetAtMs: 10_000 }, 0)).toBe(0);
    expect(waitBeforeNextCallMs({ remaining: 0, resetAtMs: 10_000 }, 4_000)).toBe(6_000);
    expect(waitBeforeNextCallMs({ remaining: 0, resetAtMs: 10_000 }, 12_000)).toBe(0);
    expect(waitBeforeNextCallMs({ remaining: null, resetAtMs: null }, 0)).toBe(0);
  });
});
