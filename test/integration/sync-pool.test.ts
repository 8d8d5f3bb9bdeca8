import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { LinkedInClient } from '../../src/main/engine/sources/linkedin/linkedin-client';
import { linkedInSource } from '../../src/main/engine/sources/linkedin/linkedin-source';
import { SharedBackoff } from '../../src/main/engine/sources/shared-backoff';
import type { SourceDescription } from '../../src/main/engine/sources/source';
import { executeSync } from '../../src/main/engine/sync/execute-sync';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';

const NOW = new Date('2026-11-28T10:00:00Z');
const TOKEN = 'pool-test-token';
const ORGS = ['1001', '1002', '1003', '1004'];
let fake: FakeLinkedIn;
let home: string;

beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: NOW, token: TOKEN });
  for (const id of ORGS) fake.addOrganization(id, { name: `Page ${id}` });
  home = await mkdtemp(join(tmpdir(), 'fp-pool-'));
});
afterEach(async () => fake.close());

function settings(concurrency: number): Settings {
  const base = defaultSettings();
  return {
    ...base,
    accounts: ORGS.map((id) => ({ network: 'linkedin', id, name: `Page ${id}`, enabled: true })),
    linkedin: { ...base.linkedin, apiBaseUrl: fake.apiBaseUrl },
    sync: { concurrency },
  };
}

async function sync(concurrency: number, sources?: SourceDescription[]): Promise<Awaited<ReturnType<typeof executeSync>>> {
  const s = settings(concurrency);
  await writeFile(join(home, 'settings.json'), JSON.stringify(s));
  return executeSync({ home, settings: s, secrets: new MemorySecretStore({ 'linkedin.accessToken': TOKEN }), logger: nullLogger, now: () => NOW, trigger: 'cli', alerts: false, sources });
}

/** LinkedIn as it is, counting how many pages are being fetched at once (one total per page). */
function countingLinkedIn(): { source: SourceDescription; maxPagesAtOnce: () => number } {
  let now = 0;
  let max = 0;
  const source: SourceDescription = {
    ...linkedInSource,
    createClient: (context) => {
      const client = linkedInSource.createClient(context);
      return {
        get apiCalls() {
          return client.apiCalls;
        },
        fetchGains: (id, window) => client.fetchGains(id, window),
        fetchTotal: async (id) => {
          max = Math.max(max, ++now);
          try {
            return await client.fetchTotal(id);
          } finally {
            now -= 1;
          }
        },
        lookUpName: (id) => client.lookUpName(id),
      };
    },
  };
  return { source, maxPagesAtOnce: () => max };
}

const apiRequests = (): number => fake.requests.filter((r) => !r.path.startsWith('/oauth')).length;

describe('the account pool', () => {
  it('syncs every page, at most sync.concurrency at a time', async () => {
    fake.setLatency(50);
    const counting = countingLinkedIn();
    const record = await sync(2, [counting.source]);
    expect(counting.maxPagesAtOnce()).toBe(2);
    expect(record.status).toBe('success');
    expect(record.accounts.map((a) => a.error)).toEqual([null, null, null, null]);
    // Two requests per page: the year of gains and the total, side by side.
    expect(record.apiCalls).toBe(ORGS.length * 2);
  });

  it('a DAY limit stops every LinkedIn call of the run: no later page asks again', async () => {
    fake.failNext('daily-limit');
    const record = await sync(1);
    // The first page's two requests were on the wire together; nothing was sent after the 429.
    expect(apiRequests()).toBe(2);
    expect(record.apiCalls).toBe(2);
    expect(record.status).toBe('failed');
    expect(record.accounts.map((a) => a.error?.code)).toEqual(ORGS.map(() => 'LINKEDIN_DAILY_LIMIT'));
  });
});

class WatchedBackoff extends SharedBackoff {
  readonly pauses: { at: number; ms: number }[] = [];
  #notify: (() => void) | null = null;
  readonly paused = new Promise<void>((resolve) => (this.#notify = resolve));

  override pause(ms: number): void {
    super.pause(ms);
    this.pauses.push({ at: Date.now(), ms });
    this.#notify?.();
  }
}

describe('a throttled request', () => {
  it('pauses every other request sharing the backoff, not only its own retry', async () => {
    const backoff = new WatchedBackoff();
    const sent: { path: string; at: number }[] = [];
    const client = (): LinkedInClient =>
      new LinkedInClient({
        apiBaseUrl: fake.apiBaseUrl,
        apiVersion: '202607',
        getAccessToken: () => Promise.resolve(TOKEN),
        backoff,
        backoffBaseMs: 600,
        onRequest: (r) => sent.push({ path: r.path, at: Date.now() }),
      });
    fake.failNext('throttle');
    const throttled = client().fetchFollowerCount(ORGS[0]);
    await backoff.paused;
    // Another page's request starts while the first one waits to retry.
    const other = await client().fetchFollowerCount(ORGS[1]);
    expect(other).toBeGreaterThan(0);
    expect(await throttled).toBeGreaterThan(0);

    const { at, ms } = backoff.pauses[0];
    expect(ms).toBeGreaterThanOrEqual(300);
    const otherSent = sent.find((r) => r.path.includes(ORGS[1]))!;
    expect(otherSent.at).toBeGreaterThanOrEqual(at + ms - 5);
  });
});
