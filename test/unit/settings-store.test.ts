import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import {
  applyEnvironment,
  nowFromEnv,
  SettingsInvalidError,
  SettingsStore,
} from '../../src/main/engine/settings/settings-store';

// Contract §4, verbatim, comments included; the test strips them.
const CONTRACT_EXAMPLE = `{
  "version": 1,
  "accounts": [ { "network": "linkedin", "id": "2414183", "name": "Acme", "enabled": true } ],
  "linkedin": {
    "apiBaseUrl": "https://api.linkedin.com/rest",
    "oauthBaseUrl": "https://www.linkedin.com/oauth/v2",
    "apiVersion": "202607",          // LinkedIn-Version header, YYYYMM (each lives ~12 months)
    "clientId": null,                // for the sign-in flow; the secret is in the keychain
    "oauthRedirectPort": 8765,       // loopback redirect http://localhost:PORT/callback, as registered with LinkedIn
    "lagDays": 3,                    // newest day requested = today(UTC) - lagDays (the old prototype's D-3)
    "lookbackDays": 7,               // settled days re-read every run (LinkedIn revises late)
    "backfillDays": 365              // first run fetches this far back (API limit: 12 months)
  },
  "language": "pt-BR",              // "pt-BR" | "en": UI, e-mails
  "schedule": { "enabled": true, "dailyAt": "07:00", "launchAtLogin": true },   // local time
  "lake": { "dir": null },          // null = <home>/lake
  "s3": { "enabled": false, "bucket": "", "prefix": "", "region": "", "profile": null,
          "endpoint": null, "forcePathStyle": false },
  "athena": { "enabled": false, "database": "follower_pulse", "workgroup": "primary",
              "outputLocation": null, "region": null },
  "alerts": {
    "onNoData": true, "onFailure": true, "tokenExpiryWarningDays": 10,
    "smtp": { "host": "smtp-mail.outlook.com", "port": 587, "secure": false,
              "user": "", "from": "", "to": [] }
  }
}`;

const stripComments = (jsonc: string): string => jsonc.replace(/\s+\/\/ .*$/gm, '');

let home: string;
let store: SettingsStore;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'fp-settings-'));
  store = new SettingsStore(home, {});
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

async function expectInvalid(promise: Promise<unknown>): Promise<SettingsInvalidError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SettingsInvalidError);
  return error as SettingsInvalidError;
}

describe('SettingsStore.load', () => {
  it('returns the defaults for a missing file and does not create it', async () => {
    expect(await store.load()).toEqual(defaultSettings());
    expect(await readdir(home)).toEqual([]);
  });

  it('parses the contract §4 example (comments removed) to exactly what it says', async () => {
    await writeFile(store.path, stripComments(CONTRACT_EXAMPLE));
    const settings = await store.load();
    const example = JSON.parse(stripComments(CONTRACT_EXAMPLE)) as Settings;
    expect(settings).toMatchObject(example);
    expect(settings.s3.serverSideEncryption).toBe('bucket-default');
  });

  it('fills missing keys with defaults and accepts a UTF-8 BOM', async () => {
    await writeFile(store.path, '\uFEFF{ "linkedin": { "lagDays": 4 } }');
    const settings = await store.load();
    expect(settings.linkedin.lagDays).toBe(4);
    expect(settings.linkedin.lookbackDays).toBe(7);
    expect(settings.alerts.smtp.port).toBe(587);
  });

  it('reports invalid JSON with its line and column and leaves the file untouched', async () => {
    const bytes = '{\n  "version": 1,\n  "language": "en",,\n}\n';
    await writeFile(store.path, bytes);
    const error = await expectInvalid(store.load());
    expect(error.code).toBe('SETTINGS_INVALID');
    expect(error.message).toMatch(/^settings\.json is invalid: not valid JSON \(.*line 3, column \d+\)$/);
    expect(error.issues).toHaveLength(1);
    expect(error.hint).toBe(`fix the file at ${store.path} (it was left untouched) or open Settings`);
    expect(await readFile(store.path, 'utf8')).toBe(bytes);
  });

  it('names every bad key, and never rewrites the file', async () => {
    const bytes = JSON.stringify({
      linkedin: { lagDays: 1, apiVersion: 'July', apiBaseUrl: 'file:///etc/passwd', backfillDays: 'lots' },
      language: 'fr',
      accounts: [{ network: 'linkedin', id: '' }],
      schedule: { dailyAt: '25:00' },
      alerts: { smtp: { to: ['not-an-address'] } },
    });
    await writeFile(store.path, bytes);
    const error = await expectInvalid(store.load());
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i.message]));
    expect(byPath).toEqual({
      'linkedin.lagDays': 'expected a number ≥ 2',
      'linkedin.apiVersion': 'expected YYYYMM, e.g. 202607',
      'linkedin.apiBaseUrl': 'expected an http(s) URL',
      'linkedin.backfillDays': 'expected a number, got text',
      language: 'expected "pt-BR" or "en"',
      'accounts.0.id': 'expected the page id, e.g. 2414183',
      'schedule.dailyAt': 'expected HH:MM (24-hour local time)',
      'alerts.smtp.to.0': 'expected an e-mail address',
    });
    expect(error.message).toContain('settings.json is invalid: ');
    expect(error.message).toContain('linkedin.lagDays: expected a number ≥ 2');
    expect(error.message).toContain('language: expected "pt-BR" or "en"');
    expect(error.oneLine()).toContain('(it was left untouched)');

    // Neither a later update nor a second load may "fix" it.
    await expect(store.update((s) => s)).rejects.toBeInstanceOf(SettingsInvalidError);
    await expectInvalid(store.load());
    expect(await readFile(store.path, 'utf8')).toBe(bytes);
  });

  it('rejects a document that is not an object, and a wrong version', async () => {
    await writeFile(store.path, '[]');
    expect((await expectInvalid(store.load())).issues).toEqual([{ path: '', message: 'expected an object, got a list' }]);
    await writeFile(store.path, '{"version": 2}');
    expect((await expectInvalid(store.load())).issues).toEqual([{ path: 'version', message: 'expected 1' }]);
  });
});

describe('SettingsStore.save / update', () => {
  it('round-trips, as pretty JSON with a trailing newline', async () => {
    const settings = defaultSettings();
    settings.accounts.push({ network: 'linkedin', id: '2414183', name: 'Acme', enabled: true });
    settings.language = 'en';
    await store.save(settings);
    expect(await store.load()).toEqual(settings);
    const text = await readFile(store.path, 'utf8');
    expect(text).toBe(`${JSON.stringify(settings, null, 2)}\n`);
  });

  it('creates the home folder when needed', async () => {
    const nested = new SettingsStore(path.join(home, 'a', 'b'), {});
    await nested.save(defaultSettings());
    expect(await nested.load()).toEqual(defaultSettings());
  });

  it('leaves no temporary file behind, even after many concurrent saves', async () => {
    await Promise.all(
      [3, 4, 5, 6, 7, 8].map((lagDays) => store.save({ ...defaultSettings(), linkedin: { ...defaultSettings().linkedin, lagDays } })),
    );
    expect(await readdir(home)).toEqual(['settings.json']);
    expect((await store.load()).linkedin.lagDays).toBe(8);
  });

  it('validates before writing: invalid settings are refused and the file stays as it was', async () => {
    await store.save(defaultSettings());
    const before = await readFile(store.path, 'utf8');
    const bad = { ...defaultSettings(), linkedin: { ...defaultSettings().linkedin, lagDays: 0 } };
    const error = await expectInvalid(store.save(bad));
    expect(error.issues).toEqual([{ path: 'linkedin.lagDays', message: 'expected a number ≥ 2' }]);
    expect(error.hint).toContain('nothing was saved');
    expect(await readFile(store.path, 'utf8')).toBe(before);
    expect(await readdir(home)).toEqual(['settings.json']);
  });

  it('update applies fn to the file settings and returns what it saved', async () => {
    const result = await store.update((s) => ({ ...s, language: 'en' }));
    expect(result.language).toBe('en');
    expect((await store.load()).language).toBe('en');
  });

  it('serialises concurrent updates so that none is lost', async () => {
    await Promise.all(
      ['1', '2', '3', '4', '5'].map((id) =>
        store.update((s) => ({ ...s, accounts: [...s.accounts, { network: 'linkedin', id, name: '', enabled: true }] })),
      ),
    );
    expect((await store.load()).accounts.map((a) => a.id).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('a save does not share nested objects with later defaults', async () => {
    const settings = defaultSettings();
    settings.alerts.smtp.to.push('ops@example.com');
    settings.s3.prototypeCompat.enabled = true;
    expect(defaultSettings().alerts.smtp.to).toEqual([]);
    expect(defaultSettings().s3.prototypeCompat.enabled).toBe(false);
    await store.save(settings);
    expect((await store.load()).alerts.smtp.to).toEqual(['ops@example.com']);
  });
});

describe('environment overrides (contract §3)', () => {
  const env = { FOLLOWER_PULSE_LINKEDIN_API_URL: 'http://127.0.0.1:9999/rest' };

  it('applyEnvironment overrides linkedin.apiBaseUrl without mutating its input', () => {
    const settings = defaultSettings();
    const effective = applyEnvironment(settings, env);
    expect(effective.linkedin.apiBaseUrl).toBe('http://127.0.0.1:9999/rest');
    expect(settings.linkedin.apiBaseUrl).toBe('https://api.linkedin.com/rest');
    expect(applyEnvironment(settings, {})).toBe(settings);
    expect(applyEnvironment(settings, { FOLLOWER_PULSE_LINKEDIN_API_URL: '' })).toBe(settings);
  });

  it('refuses a malformed override with a USAGE error', () => {
    expect(() => applyEnvironment(defaultSettings(), { FOLLOWER_PULSE_LINKEDIN_API_URL: 'localhost:9999' })).toThrow(
      expect.objectContaining({ code: 'USAGE', message: expect.stringContaining('FOLLOWER_PULSE_LINKEDIN_API_URL') as string }),
    );
  });

  it('is never persisted: not by update, and not by saving the effective settings', async () => {
    const envStore = new SettingsStore(home, env);
    await envStore.update((s) => ({ ...s, linkedin: { ...s.linkedin, apiBaseUrl: 'https://proxy.example.com/rest' } }));

    const effective = applyEnvironment(await envStore.load(), env);
    await envStore.update((s) => ({ ...s, language: 'en' }));
    await envStore.save({ ...effective, language: 'en' });

    const text = await readFile(envStore.path, 'utf8');
    expect(text).not.toContain('127.0.0.1');
    const onFile = await envStore.load();
    expect(onFile.linkedin.apiBaseUrl).toBe('https://proxy.example.com/rest');
    expect(onFile.language).toBe('en');
  });
});

describe('nowFromEnv', () => {
  it('uses the clock when FOLLOWER_PULSE_NOW is absent or empty', () => {
    const before = Date.now();
    const now = nowFromEnv({}).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(nowFromEnv({ FOLLOWER_PULSE_NOW: '' }).getTime()).toBeGreaterThanOrEqual(before);
  });

  it('parses ISO-8601 instants and dates (a date is midnight UTC)', () => {
    expect(nowFromEnv({ FOLLOWER_PULSE_NOW: '2026-11-28T07:00:01.123Z' }).toISOString()).toBe('2026-11-28T07:00:01.123Z');
    expect(nowFromEnv({ FOLLOWER_PULSE_NOW: '2026-11-28T04:00:00-03:00' }).toISOString()).toBe('2026-11-28T07:00:00.000Z');
    expect(nowFromEnv({ FOLLOWER_PULSE_NOW: '2026-11-28' }).toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it.each(['yesterday', '2026-11-28T07:00:00', '2026-02-30T00:00:00Z', '28/11/2026', '2026-13-01'])(
    'refuses %s with a USAGE error that names the variable',
    (value) => {
      let error: unknown;
      try {
        nowFromEnv({ FOLLOWER_PULSE_NOW: value });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('USAGE');
      expect((error as AppError).message).toBe(`FOLLOWER_PULSE_NOW is not an ISO-8601 instant: ${value}`);
      expect((error as AppError).hint).toContain('2026-11-28T07:00:00Z');
    },
  );
});

describe('contract §3–§4 rules beyond the schema (issue 9 items 2 and 4)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fp-settings-rules-'));
  });

  it.each([
    ['http://api.example.com/rest', false],
    ['http://127.0.0.2:8080/rest', false],
    ['https://api.example.com/rest', true],
    ['http://127.0.0.1:8080/rest', true],
    ['http://localhost:8080/rest', true],
    ['http://[::1]:8080/rest', true],
  ])('apiBaseUrl %s accepted: %s (on load and on save)', async (url, accepted) => {
    const store = new SettingsStore(dir, {});
    await writeFile(store.path, JSON.stringify({ linkedin: { apiBaseUrl: url } }));
    const load = store.load();
    if (accepted) await expect(load).resolves.toMatchObject({ linkedin: { apiBaseUrl: url } });
    else expect((await expectInvalid(load)).issues.map((i) => i.path)).toEqual(['linkedin.apiBaseUrl']);
    const save = store.save({ ...defaultSettings(), linkedin: { ...defaultSettings().linkedin, oauthBaseUrl: url } });
    if (accepted) await expect(save).resolves.toBeDefined();
    else expect((await expectInvalid(save)).issues.map((i) => i.path)).toEqual(['linkedin.oauthBaseUrl']);
  });

  it('unknown keys are named on load and refused on save, the file untouched', async () => {
    const store = new SettingsStore(dir, {});
    const bytes = JSON.stringify({ bogusKey: 1, linkedin: { lagdays: 5 }, s3: { prototypeCompat: { enabld: true } } });
    await writeFile(store.path, bytes);
    const error = await expectInvalid(store.load());
    expect(error.issues.map((i) => i.path)).toEqual(['bogusKey', 'linkedin.lagdays', 's3.prototypeCompat.enabld']);
    await expectInvalid(store.save({ ...defaultSettings(), bogusKey: 1 } as Settings));
    expect(await readFile(store.path, 'utf8')).toBe(bytes);
  });
});
