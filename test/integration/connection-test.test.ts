import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { testConnection } from '../../src/main/engine/sources/connection-test';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { type FakeGraph, startFakeGraph } from '../fakes/fake-graph';
import { type FakeX, startFakeX } from '../fakes/fake-x';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const GRAPH_TOKEN = 'EAAGtest-connection-token';
const X_TOKEN = 'AAAAx-test-connection-token';
const PAGE = '104173652001234';

let graph: FakeGraph;
let x: FakeX;
let settings: Settings;

beforeEach(async () => {
  graph = await startFakeGraph({ token: GRAPH_TOKEN, now: NOW });
  graph.addPage(PAGE, { name: 'Acme Brasil', followers: 48_210 });
  x = await startFakeX({ token: X_TOKEN });
  x.addUser('AcmeBrasil', { id: '9', name: 'Acme no X', followers: 321 });
  settings = defaultSettings();
  settings.facebook.apiBaseUrl = graph.url;
  settings.x.apiBaseUrl = x.apiBaseUrl;
});
afterEach(async () => Promise.all([graph.close(), x.close()]));

const secrets = (values: Record<string, string> = { 'facebook.pageToken': GRAPH_TOKEN, 'x.bearerToken': X_TOKEN }) => new MemorySecretStore(values);

describe('sources.testConnection against the fake APIs', () => {
  it('reads the account through its network: name and followers', async () => {
    expect(await testConnection({ settings, secrets: secrets(), now: () => NOW }, { network: 'facebook', accountId: PAGE })).toEqual({
      network: 'facebook',
      ok: true,
      accountId: PAGE,
      name: 'Acme Brasil',
      followers: 48_210,
    });
    expect(await testConnection({ settings, secrets: secrets(), now: () => NOW }, { network: 'x', accountId: '@AcmeBrasil' })).toMatchObject({ ok: true, name: 'Acme no X', followers: 321 });
    expect(x.requests).toHaveLength(1);
  });

  it('reports the network problem in one line instead of throwing', async () => {
    const expired = await testConnection({ settings, secrets: secrets({ 'facebook.pageToken': 'stale' }), now: () => NOW }, { network: 'facebook', accountId: PAGE });
    expect(expired).toMatchObject({ ok: false, problem: { code: 'FACEBOOK_TOKEN_EXPIRED' } });
    const unknown = await testConnection({ settings, secrets: secrets(), now: () => NOW }, { network: 'x', accountId: 'nobody' });
    expect(unknown).toMatchObject({ ok: false, problem: { code: 'X_NOT_FOUND' } });
    const bad = await testConnection({ settings, secrets: secrets(), now: () => NOW }, { network: 'x', accountId: 'no spaces!' });
    expect(bad).toMatchObject({ ok: false, problem: { code: 'USAGE' } });
  });

  it('with no account tracked on the network, checks only that a token is stored', async () => {
    expect(await testConnection({ settings, secrets: secrets(), now: () => NOW }, { network: 'x' })).toMatchObject({ ok: true, accountId: null });
    expect(await testConnection({ settings, secrets: secrets({}), now: () => NOW }, { network: 'instagram' })).toMatchObject({
      ok: false,
      problem: { code: 'INSTAGRAM_TOKEN_MISSING' },
    });
    expect(x.requests).toHaveLength(0);
  });
});
