import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { FakeLinkedIn } from '../../fakes/fake-linkedin';
import { ApiClient } from './api-client';
import { ACME, startTestLinkedIn, TEST_TOKEN } from './fake-linkedin-setup';
import { startServe, type ServeProcess } from './serve-process';

export type Preset =
  /** A new install: no settings.json, no token, no pages. */
  | 'fresh'
  /** Token stored (through the keychain), Acme Ltda tracked, the first year already synced. */
  | 'synced'
  /** A settings.json with two invalid keys, as a hand edit might leave it. */
  | 'broken-settings';

const BROKEN_SETTINGS = `${JSON.stringify({ version: 1, schedule: { dailyAt: '25:00' }, alerts: { smtp: { port: 99999 } } }, null, 2)}\n`;

interface TestFixtures {
  preset: Preset;
  /** Days LinkedIn "does not return" for Acme Ltda: gaps for the coverage strip. */
  missingDays: string[];
  fake: FakeLinkedIn;
  serve: ServeProcess;
  api: ApiClient;
}

/**
 * The fake LinkedIn runs inside the Playwright worker process, so a spec tells it to misbehave
 * (`fake.failNext('expired', 10)`) or slow down with plain calls; one per test, so a failure
 * queued by one spec can never leak into the next. Each test also gets its own `serve` on its
 * own temp home and keyring, arranged by `preset` through the API.
 */
export const test = base.extend<TestFixtures>({
  missingDays: [[], { option: true }],
  fake: async ({ missingDays }, use) => {
    const fake = await startTestLinkedIn();
    fake.omitDays(ACME.id, missingDays);
    await use(fake);
    await fake.close();
  },
  preset: ['synced', { option: true }],
  serve: async ({ fake }, use) => {
    const serve = await startServe({ apiBaseUrl: fake.apiBaseUrl });
    await use(serve);
    await serve.stop();
  },
  api: async ({ serve, preset }, use) => {
    const api = new ApiClient(serve);
    if (preset === 'broken-settings') {
      await writeFile(join(serve.home, 'settings.json'), BROKEN_SETTINGS);
    }
    if (preset === 'synced') {
      await api.value('secrets.set', { name: 'linkedin.accessToken', value: TEST_TOKEN });
      await api.value('accounts.add', { network: 'linkedin', id: ACME.id, name: ACME.name });
      await api.syncAndWait();
    }
    await use(api);
  },
  page: async ({ page, serve, api }, use) => {
    // `api` first: the home is arranged before the page loads.
    void api;
    await page.goto(serve.url);
    await use(page);
  },
});

export { expect };
