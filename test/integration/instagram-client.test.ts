import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { instagramSource, type InstagramSourceClient } from '../../src/main/engine/sources/instagram/instagram-source';
import { planBounds, requestWindows } from '../../src/main/engine/sync/sync-planner';
import { defaultSettings } from '../../src/shared/settings-schema';
import { caught } from '../support/caught';
import { type FakeGraph, startFakeGraph } from '../fakes/fake-graph';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const TOKEN = 'IGQsecret-instagram-token';
const IG = '17841400008460056';

let fake: FakeGraph;

beforeEach(async () => {
  fake = await startFakeGraph({ token: TOKEN, now: NOW });
  fake.addInstagramUser(IG, { username: 'acme.br', followers: 1_500, newFollowers: (day) => (day === '2026-11-20' ? null : Number(day.slice(8)) % 7) });
});
afterEach(async () => fake.close());

function client(token = TOKEN): InstagramSourceClient {
  const settings = defaultSettings();
  settings.instagram.apiBaseUrl = fake.url;
  return instagramSource.createClient({ settings, secrets: new MemorySecretStore({ 'instagram.accessToken': token }), now: () => NOW }) as InstagramSourceClient;
}

describe('Instagram client against the fake Graph API', () => {
  it('plans 30 days at most, in one request', () => {
    const bounds = planBounds(NOW, instagramSource.planSettings(defaultSettings()));
    expect(bounds).toEqual({ oldest: '2026-10-29', newest: '2026-11-26' });
    expect(requestWindows({ from: bounds.oldest, to: bounds.newest }, instagramSource.streams.gains?.maxWindowDays ?? 0)).toHaveLength(1);
  });

  it('reads followers_count once per account for the total, the name and the ≥ 100 check', async () => {
    const c = client();
    expect(await c.fetchTotal(IG)).toBe(1_500);
    expect(await c.lookUpName(IG)).toBe('acme.br');
    const gains = await c.fetchGains(IG, { from: '2026-10-29', to: '2026-11-26' });
    expect(fake.requests.map((r) => r.path)).toEqual([`/v27.0/${IG}`, `/v27.0/${IG}/insights`]);
    expect(fake.requests[1].query).toMatchObject({ metric: 'follower_count', period: 'day', since: '2026-10-29', until: '2026-11-27' });
    expect(gains).toHaveLength(28);
    expect(gains.find((g) => g.day === '2026-11-20')).toBeUndefined();
    expect(gains.find((g) => g.day === '2026-11-21')).toEqual({ day: '2026-11-21', organicGain: 0, paidGain: null });
  });

  it('asks no insights for an account under 100 followers', async () => {
    fake.addInstagramUser('42', { username: 'tiny', followers: 99, newFollowers: () => 1 });
    expect(await client().fetchGains('42', { from: '2026-11-01', to: '2026-11-26' })).toEqual([]);
    expect(fake.requests.map((r) => r.path)).toEqual(['/v27.0/42']);
  });

  it('an empty data set is "not available", not zero', async () => {
    fake.addInstagramUser('43', { username: 'quiet', followers: 500, newFollowers: () => null });
    expect(await client().fetchGains('43', { from: '2026-11-01', to: '2026-11-26' })).toEqual([]);
  });

  it('an expired token is INSTAGRAM_TOKEN_EXPIRED, without the token', async () => {
    const error = await caught(client('IGQold-token').fetchTotal(IG));
    expect(error.code).toBe('INSTAGRAM_TOKEN_EXPIRED');
    expect(error.oneLine()).toContain('instagram.accessToken');
    expect(error.oneLine()).not.toContain('IGQold-token');
  });

  it('a removed metric degrades to totals with a run warning', async () => {
    fake.removeMetric('follower_count');
    const c = client();
    expect(await c.fetchGains(IG, { from: '2026-11-01', to: '2026-11-26' })).toEqual([]);
    expect(instagramSource.runWarnings?.({ settings: defaultSettings(), client: c, now: NOW })).toEqual([
      { code: 'INSTAGRAM_METRIC_UNAVAILABLE', message: expect.stringContaining('only follower totals') as string },
    ]);
  });
});
