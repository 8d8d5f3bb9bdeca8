import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addAccount } from '../../src/main/engine/app/use-cases/accounts';
import { addDays, dayRange, type Day } from '../../src/main/engine/dates';
import { AppError, toAppError } from '../../src/main/engine/errors';
import { RunHistory } from '../../src/main/engine/history/run-history';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import type { FetchWindow, SourceClient, SourceDescription } from '../../src/main/engine/sources/source';
import { runSync, type SyncProgress } from '../../src/main/engine/sync/sync-runner';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';

/*
 * A second network that exists only in this test proves the runner and the planner are
 * generic: they read its description (a 30-day request limit, 60 days of history, no paid
 * split, its own token and URL) and never need to know its name.
 */
const NOW = new Date('2026-11-28T10:00:00Z');
const SERVED_DAYS = 60;
const oldestServed = (today: Day): Day => addDays(today, -(SERVED_DAYS - 1));
const HOLE: Day = '2026-11-01';

interface FakeNetwork {
  source: SourceDescription;
  windows: FetchWindow[];
  totals: string[];
}

function fakeNetwork(): FakeNetwork {
  const windows: FetchWindow[] = [];
  const totals: string[] = [];
  const client = (getToken: () => Promise<string>): SourceClient => {
    let calls = 0;
    return {
      get apiCalls() {
        return calls;
      },
      async fetchGains(accountId, window) {
        await getToken();
        calls += 1;
        windows.push(window);
        return dayRange(window.from, window.to)
          .filter((day) => day !== HOLE)
          .map((day) => ({ day, organicGain: accountId.length, paidGain: null }));
      },
      async fetchTotal(accountId) {
        await getToken();
        calls += 1;
        totals.push(accountId);
        return 4242;
      },
      async lookUpName(accountId) {
        await getToken();
        return `${accountId} on X`;
      },
    };
  };
  const source: SourceDescription = {
    id: 'x',
    displayName: 'X',
    streams: { gains: { maxWindowDays: 30, oldestServedDay: oldestServed }, totals: { kind: 'snapshot-per-run' } },
    planSettings: () => ({ lagDays: 1, lookbackDays: 2, backfillDays: 365, oldestServedDay: oldestServed }),
    settings: { section: 'x', schema: z.object({}) },
    token: {
      accessSecret: 'x.bearerToken',
      secrets: ['x.bearerToken'],
      load: async (secrets) => {
        const token = await secrets.get('x.bearerToken');
        if (!token) throw new AppError('USAGE', 'No X token is stored');
        return token;
      },
      info: () => undefined,
      recordPasted: (state) => state,
      forget: (state) => state,
    },
    classifyError: (error) => toAppError(error),
    normalizeAccountId: (input) => {
      const handle = input.trim().replace(/^@/, '');
      if (/^[A-Za-z0-9_]{1,15}$/.test(handle)) return handle;
      throw new AppError('USAGE', `"${input}" is not an X handle`);
    },
    accountIdExample: 'acme',
    accountIdPlaceholder: 'HANDLE',
    accountIdHelp: 'HANDLE is the name after @.',
    accountUrl: (id) => `https://x.com/${id}`,
    createClient: (context) => client(context.getAccessToken ?? (() => source.token.load(context.secrets))),
  };
  return { source, windows, totals };
}

let home: string;
let network: FakeNetwork;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fp-runner-'));
  network = fakeNetwork();
});

function settingsWith(accounts: Settings['accounts']): Settings {
  return { ...defaultSettings(), accounts };
}

describe('runSync over a network described as data', () => {
  it('plans from the description, cuts the requests to its limit and writes its rows', async () => {
    const lake = new LocalLake(join(home, 'lake'));
    const progress: SyncProgress[] = [];
    const record = await runSync(
      {
        settings: settingsWith([
          { network: 'x', id: 'acme', name: 'Acme', enabled: true },
          // Known to the settings but not to this run's sources: not synced.
          { network: 'linkedin', id: '2414183', name: 'Elsewhere', enabled: true },
        ]),
        now: () => NOW,
        secrets: new MemorySecretStore({ 'x.bearerToken': 'x-token' }),
        lake,
        history: new RunHistory(home),
        logger: nullLogger,
        sources: [network.source],
        progress: (event) => progress.push(event),
      },
      { trigger: 'cli' },
    );

    // The 60 served days end today; the wanted ones end at today − lagDays(1): 59 days, at most 30 per request.
    expect(network.windows).toEqual([
      { from: '2026-09-30', to: '2026-10-29' },
      { from: '2026-10-30', to: '2026-11-27' },
    ]);
    expect(network.totals).toEqual(['acme']);
    expect(record.status).toBe('success');
    expect(record.apiCalls).toBe(3);
    expect(record.accounts).toEqual([
      expect.objectContaining({ network: 'x', accountId: 'acme', daysWritten: 58, missingDays: [HOLE], error: null }),
    ]);

    const gains = await lake.readGains('x', 'acme');
    expect(gains).toHaveLength(58);
    expect(gains[0]).toMatchObject({ day: '2026-09-30', organicGain: 4, paidGain: null, totalGain: 4, source: 'api' });
    expect(await lake.readTotals('x', 'acme')).toEqual([expect.objectContaining({ day: '2026-11-28', followers: 4242 })]);
    const accountsCsv = await readFile(join(home, 'lake', 'accounts', 'accounts.csv'), 'utf8');
    expect(accountsCsv).toContain('"x","acme","Acme","https://x.com/acme"');

    expect(progress.map((p) => p.text)).toEqual([
      { key: 'progress.fetching', params: { account: 'Acme', days: 59, from: '2026-09-30', to: '2026-11-27' } },
      { key: 'progress.done', params: { account: 'Acme', written: 58, missing: 1 } },
    ]);
    expect(progress[0].message).toBe('Acme (X acme): fetching 59 days (2026-09-30 → 2026-11-27)');
  });

  it('a failing account reports progress.failed with its code and the page id when it has no name', async () => {
    const progress: SyncProgress[] = [];
    const record = await runSync(
      {
        settings: settingsWith([{ network: 'x', id: 'acme', name: '', enabled: true }]),
        now: () => NOW,
        secrets: new MemorySecretStore(),
        lake: new LocalLake(join(home, 'lake')),
        history: new RunHistory(home),
        logger: nullLogger,
        sources: [network.source],
        progress: (event) => progress.push(event),
      },
      { trigger: 'cli' },
    );
    expect(record.status).toBe('failed');
    expect(progress.at(-1)?.text).toEqual({ key: 'progress.failed', params: { account: 'acme', code: 'USAGE' } });
  });

  it('accounts add validates and normalises the id through the network and looks up its name', async () => {
    let settings = settingsWith([]);
    const services = {
      settings: () => Promise.resolve(settings),
      updateSettings: (change: (s: Settings) => Settings) => Promise.resolve((settings = change(settings))),
      secrets: new MemorySecretStore({ 'x.bearerToken': 'x-token' }),
      now: () => NOW,
      caller: 'cli' as const,
      sources: [network.source],
    };
    const added = await addAccount(services, { network: 'x', id: ' @acme ' });
    expect(added).toMatchObject({ added: true, account: { network: 'x', id: 'acme', name: 'acme on X', enabled: true } });
    expect((await addAccount(services, { network: 'x', id: 'acme' })).added).toBe(false);
    await expect(addAccount(services, { network: 'x', id: 'no spaces' })).rejects.toMatchObject({ code: 'USAGE' });
    const facebook = await addAccount(services, { network: 'facebook', id: '1' }).catch((error: unknown) => error as AppError);
    expect(facebook).toMatchObject({ code: 'USAGE' });
    expect((facebook as AppError).message).toContain('cannot be synced yet');
    expect(settings.accounts).toHaveLength(1);
  });
});
