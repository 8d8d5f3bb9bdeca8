import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { testConnection } from '../../src/main/engine/sources/connection-test';
import { facebookSource } from '../../src/main/engine/sources/facebook/facebook-source';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { xSource } from '../../src/main/engine/sources/x/x-source';
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

describe('doctor checks of the newer networks', () => {
  const state = new StateStore('/nonexistent-home-for-doctor');

  it('Facebook: the token reads the first tracked Page, or the check fails with the fix', async () => {
    settings.accounts = [{ network: 'facebook', id: PAGE, name: 'Acme Brasil', enabled: true }];
    expect(await facebookSource.doctorChecks?.({ settings, secrets: secrets(), state, now: NOW })).toEqual([
      { id: 'facebook-token', title: 'Facebook token', status: 'ok', detail: 'reads Acme Brasil: 48210 followers' },
    ]);
    const [expired] = (await facebookSource.doctorChecks?.({ settings, secrets: secrets({ 'facebook.pageToken': 'stale' }), state, now: NOW })) ?? [];
    expect(expired).toMatchObject({ status: 'fail', detail: expect.stringContaining('FACEBOOK_TOKEN_EXPIRED') as string, fix: expect.stringContaining('facebook.pageToken') as string });
  });

  it('X: checks the token is stored without spending a billed read; no account, no check', async () => {
    expect(await xSource.doctorChecks?.({ settings, secrets: secrets(), state, now: NOW })).toEqual([]);
    settings.accounts = [{ network: 'x', id: 'AcmeBrasil', name: '', enabled: true }];
    expect(await xSource.doctorChecks?.({ settings, secrets: secrets(), state, now: NOW })).toMatchObject([{ status: 'ok' }]);
    expect(await xSource.doctorChecks?.({ settings, secrets: secrets({}), state, now: NOW })).toMatchObject([{ status: 'fail', detail: expect.stringContaining('X_TOKEN_MISSING') as string }]);
    expect(x.requests).toHaveLength(0);
  });
});
