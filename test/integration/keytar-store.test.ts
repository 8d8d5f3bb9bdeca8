import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type * as KeytarModule from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/main/engine/log/redactor';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../src/main/engine/secrets/keytar-store';
import { openSecretStore } from '../../src/main/engine/secrets/open-secret-store';
import type { SecretStore } from '../../src/main/engine/secrets/secret-store';
import { SECRET_NAMES, type SecretName } from '../../src/shared/secret-names';

const run = promisify(execFile);
// Resolved here because the child runs in an empty folder where `--import tsx` would not resolve.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const keyringReady = process.env.FOLLOWER_PULSE_KEYRING_READY === '1';
const ENV_TOKEN = 'FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN';

async function loadKeytar(): Promise<typeof KeytarModule> {
  const mod = (await import('keytar')) as typeof KeytarModule & { default?: typeof KeytarModule };
  return mod.default ?? mod;
}

/** What `secret list` shows: each name with where it is set, never a value. */
async function list(store: SecretStore): Promise<Partial<Record<SecretName, string>>> {
  const entries = await Promise.all(SECRET_NAMES.map(async (name) => [name, await store.source(name)] as const));
  return Object.fromEntries(entries.filter(([, source]) => source !== null));
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String);
}

describe.skipIf(!keyringReady)('KeytarSecretStore against a real GNOME keyring (needs scripts/with-keyring.sh)', () => {
  let keytar: typeof KeytarModule;

  beforeAll(async () => {
    keytar = await loadKeytar();
  });

  afterEach(async () => {
    for (const { account } of await keytar.findCredentials(KEYCHAIN_SERVICE)) await keytar.deletePassword(KEYCHAIN_SERVICE, account);
  });

  it('set / get / list / delete round trip through openSecretStore, under the service "Follower Pulse"', async () => {
    const store = openSecretStore({}, { redactor: new Redactor() });
    expect(await store.get('linkedin.accessToken')).toBeNull();

    await store.set('linkedin.accessToken', 'AQV-real-keyring-token');
    await store.set('smtp.password', 'smtp pässwörd "quoted"');
    expect(await store.get('linkedin.accessToken')).toBe('AQV-real-keyring-token');
    expect(await store.get('smtp.password')).toBe('smtp pässwörd "quoted"');
    expect(await list(store)).toEqual({ 'linkedin.accessToken': 'keychain', 'smtp.password': 'keychain' });

    // Stored where the OS tools (seahorse, secret-tool) will show it: service + account = name.
    const stored = await keytar.findCredentials(KEYCHAIN_SERVICE);
    expect(stored.map((c) => c.account).sort()).toEqual(['linkedin.accessToken', 'smtp.password']);
    expect(await keytar.getPassword('Follower Pulse', 'linkedin.accessToken')).toBe('AQV-real-keyring-token');

    await store.set('linkedin.accessToken', 'AQV-replaced');
    expect(await store.get('linkedin.accessToken')).toBe('AQV-replaced');

    expect(await store.delete('linkedin.accessToken')).toBe(true);
    expect(await store.delete('linkedin.accessToken')).toBe(false);
    expect(await store.get('linkedin.accessToken')).toBeNull();
    expect(await list(store)).toEqual({ 'smtp.password': 'keychain' });
  });

  it('an environment override wins without touching the keychain', async () => {
    await keytar.setPassword(KEYCHAIN_SERVICE, 'linkedin.accessToken', 'keychain-token');
    let keychainCalls = 0;
    const counting = new KeytarSecretStore({
      loadKeytar: () => {
        keychainCalls++;
        return loadKeytar();
      },
    });
    const store = openSecretStore({ [ENV_TOKEN]: 'env-token' }, { redactor: new Redactor(), keychain: counting });
    expect(await store.get('linkedin.accessToken')).toBe('env-token');
    expect(await store.source('linkedin.accessToken')).toBe('environment');
    expect(keychainCalls).toBe(0);

    // Without the override the keychain value is still there, untouched.
    expect(await openSecretStore({}, { redactor: new Redactor() }).get('linkedin.accessToken')).toBe('keychain-token');
  });
});

describe.skipIf(process.platform !== 'linux')('KeytarSecretStore without a reachable Secret Service', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'fp-nokeyring-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('fails with KEYCHAIN_UNAVAILABLE and advice, and writes no file anywhere', async () => {
    const secret = 'probe-value-never-on-disk';
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: scratch,
      XDG_DATA_HOME: path.join(scratch, 'data'),
      XDG_CONFIG_HOME: path.join(scratch, 'config'),
      XDG_RUNTIME_DIR: path.join(scratch, 'run'),
      FOLLOWER_PULSE_HOME: path.join(scratch, 'home'),
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/follower-pulse-bus',
      TMPDIR: scratch,
      TSX_DISABLE_CACHE: '1',
    };
    const probe = path.resolve('test/support/keychain-probe.ts');
    const { stdout } = await run(process.execPath, ['--import', tsxLoader, probe, secret], { cwd: scratch, env, timeout: 20_000 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<'get' | 'set', Record<string, string>>;

    for (const outcome of [result.get, result.set]) {
      expect(outcome).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
      expect(outcome.message).toMatch(/^The system keychain is not available \(.+\)$/);
      expect(outcome.hint).toContain(ENV_TOKEN);
      expect(outcome.hint).toContain('GNOME Keyring');
      expect(JSON.stringify(outcome)).not.toContain(secret);
    }
    // No plaintext fallback: nothing at all was written under the child's home, cwd or tmp.
    expect(await filesUnder(scratch)).toEqual([]);
  });

  it('does not load the native module until a secret is actually needed from the keychain', async () => {
    const probe = path.resolve('test/support/lazy-keytar-probe.ts');
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/follower-pulse-bus', [ENV_TOKEN]: 'env-token' };
    const { stdout } = await run(process.execPath, ['--import', tsxLoader, probe], { env, timeout: 20_000 });
    expect(JSON.parse(stdout.trim())).toEqual({ gotValue: true, afterEnvRead: false, afterKeychainRead: true });
  });
});
