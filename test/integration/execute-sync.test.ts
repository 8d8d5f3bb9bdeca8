import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { LINKEDIN_SCOPE, startSignIn } from '../../src/main/engine/sources/linkedin/linkedin-oauth';
import { saveTokenSet } from '../../src/main/engine/sources/linkedin/linkedin-token-store';
import { executeSync } from '../../src/main/engine/sync/execute-sync';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { freePort } from '../support/free-port';

const NOW = new Date('2026-11-28T10:00:00Z');
let fake: FakeLinkedIn;
let clock: Date;
let home: string;


beforeEach(async () => {
  clock = NOW;
  fake = await startFakeLinkedIn({ now: () => clock, oauth: { refreshTokens: true } });
  fake.addOrganization('2414183', { name: 'Acme Ltda' });
  home = await mkdtemp(join(tmpdir(), 'fp-exec-'));
});
afterEach(async () => fake.close());

describe('executeSync', () => {
  it('renews an access token about to expire before it syncs, and records the new expiry', async () => {
    const secrets = new MemorySecretStore({ 'linkedin.clientSecret': fake.oauthClientSecret });
    const state = new StateStore(home);
    const flow = await startSignIn({ oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId, clientSecret: fake.oauthClientSecret, redirectPort: await freePort(), scope: LINKEDIN_SCOPE });
    const callback = (await fetch(flow.authorizationUrl, { redirect: 'manual' })).headers.get('location')!;
    await fetch(callback);
    await saveTokenSet(await flow.result, { secrets, state, now: NOW });
    const firstToken = await secrets.get('linkedin.accessToken');
    expect(await secrets.get('linkedin.refreshToken')).toBeTruthy();

    // 57 days later the 60-day token is inside the 7-day renewal window.
    clock = new Date(NOW.getTime() + 57 * 86_400_000);
    const settings: Settings = {
      ...defaultSettings(),
      accounts: [{ network: 'linkedin', id: '2414183', name: 'Acme', enabled: true }],
      linkedin: { ...defaultSettings().linkedin, apiBaseUrl: fake.apiBaseUrl, oauthBaseUrl: fake.oauthBaseUrl, clientId: fake.oauthClientId },
    };
    await writeFile(join(home, 'settings.json'), JSON.stringify(settings));
    const record = await executeSync({ home, settings, secrets, logger: nullLogger, now: () => clock, trigger: 'schedule', alerts: false });

    expect(record.status).toBe('success');
    expect(fake.oauthCalls.map((c) => c.grantType ?? c.endpoint)).toContain('refresh_token');
    const renewed = await secrets.get('linkedin.accessToken');
    expect(renewed).not.toBe(firstToken);
    const expiresAt = (await state.get()).linkedinToken?.expiresAt;
    expect(Date.parse(expiresAt!)).toBeGreaterThan(clock.getTime() + 50 * 86_400_000);
    expect(JSON.stringify(record)).not.toContain(renewed!);
  });

  it('a sync leaves the coverage it read in derived/ for the next one, outside the lake', async () => {
    const settings: Settings = {
      ...defaultSettings(),
      accounts: [{ network: 'linkedin', id: '2414183', name: 'Acme', enabled: true }],
      linkedin: { ...defaultSettings().linkedin, apiBaseUrl: fake.apiBaseUrl },
    };
    const secrets = new MemorySecretStore({ 'linkedin.accessToken': 'test-token' });
    const sync = (): Promise<unknown> => executeSync({ home, settings, secrets, logger: nullLogger, now: () => clock, trigger: 'cli', alerts: false });
    await sync();
    const lakeFiles = (await readdir(join(home, 'lake', 'follower_gains'), { recursive: true })).filter((f) => f.endsWith('.csv'));
    expect(lakeFiles.length).toBeGreaterThan(10);
    // The first run found an empty lake; the second read the files the first wrote.
    await sync();
    const memo = JSON.parse(await readFile(join(home, 'derived', 'lake-coverage.json'), 'utf8')) as { lakeDir: string; entries: Record<string, unknown> };
    expect(memo.lakeDir).toBe(join(home, 'lake'));
    expect(Object.keys(memo.entries).map((key) => key.replace('follower_gains/', '')).sort()).toEqual(lakeFiles.map((f) => f.split('\\').join('/')).sort());
  });
});
