import type * as KeytarModule from 'keytar';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/main/engine/log/redactor';
import { EnvSecretStore } from '../../src/main/engine/secrets/env-secret-store';
import { keychainUnavailable, KeytarSecretStore } from '../../src/main/engine/secrets/keytar-store';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { openSecretStore } from '../../src/main/engine/secrets/open-secret-store';

const ENV_TOKEN = 'FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN';

describe('MemorySecretStore', () => {
  it('sets, gets, reports and deletes', async () => {
    const store = new MemorySecretStore({ 'smtp.password': 'smtp-pw-1' });
    expect(await store.get('smtp.password')).toBe('smtp-pw-1');
    await store.set('linkedin.accessToken', 'tok-1');
    expect(await store.source('linkedin.accessToken')).toBe('keychain');
    expect(await store.delete('linkedin.accessToken')).toBe(true);
    expect(await store.delete('linkedin.accessToken')).toBe(false);
    expect(await store.source('linkedin.accessToken')).toBeNull();
  });

  it('can stand in for an unavailable keychain', async () => {
    const store = new MemorySecretStore({}, { unavailable: true });
    await expect(store.get('linkedin.accessToken')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});

describe('EnvSecretStore', () => {
  it('prefers the environment and never asks the inner store for an overridden secret', async () => {
    const store = new EnvSecretStore(new MemorySecretStore({}, { unavailable: true }), { [ENV_TOKEN]: 'env-token' });
    expect(await store.get('linkedin.accessToken')).toBe('env-token');
    expect(await store.source('linkedin.accessToken')).toBe('environment');
  });

  it('falls back to the inner store, and writes always go to it', async () => {
    const inner = new MemorySecretStore({ 'smtp.password': 'kc-pw' });
    const store = new EnvSecretStore(inner, { [ENV_TOKEN]: '' });
    expect(await store.get('smtp.password')).toBe('kc-pw');
    expect(await store.source('linkedin.accessToken')).toBeNull();
    await store.set('linkedin.accessToken', 'kc-token');
    expect(await inner.get('linkedin.accessToken')).toBe('kc-token');
    expect(await store.source('linkedin.accessToken')).toBe('keychain');
    expect(await store.delete('linkedin.accessToken')).toBe(true);
  });
});

describe('openSecretStore', () => {
  it('registers overrides, values read and values set with the redactor', async () => {
    const redactor = new Redactor();
    const store = openSecretStore(
      { [ENV_TOKEN]: 'env-token-value' },
      { redactor, keychain: new MemorySecretStore({ 'smtp.password': 'smtp-pw-value' }) },
    );
    expect(redactor.redact('env-token-value')).toBe('***');
    expect(redactor.redact('smtp-pw-value')).toBe('smtp-pw-value');
    await store.get('smtp.password');
    await store.set('x.bearerToken', 'x-bearer-value');
    expect(redactor.redact('smtp-pw-value x-bearer-value')).toBe('*** ***');
  });
});

describe('KeytarSecretStore failures', () => {
  it('maps a native module that fails to load to KEYCHAIN_UNAVAILABLE', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    });
    await expect(store.get('linkedin.accessToken')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message:
        'The system keychain is not available (the keytar native module could not be loaded), so no stored linkedin.accessToken can be read (and FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN is not set)',
    });
  });

  it('gives up on a keychain that never answers', async () => {
    const hang = new Promise<never>(() => undefined);
    const store = new KeytarSecretStore({
      timeoutMs: 20,
      loadKeytar: () => Promise.resolve({ getPassword: () => hang } as unknown as typeof KeytarModule),
    });
    await expect(store.get('linkedin.accessToken')).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      retryable: true,
    });
  });

  it.each([
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no Secret Service is installed or running'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'no D-Bus session bus'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'the login keyring does not exist or is not unlocked'],
    ['Cannot create an item in a locked collection', 'the keyring is locked'],
    ['Something new\nwith details', 'Something new'],
  ])('%s → %s', (raw, reason) => {
    const error = keychainUnavailable(new Error(raw), 'smtp.password');
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.message).toBe(`The system keychain is not available (${reason})`);
    expect(error.hint).toContain('GNOME Keyring / Windows Credential Manager / macOS Keychain');
    expect(error.hint).toContain('FOLLOWER_PULSE_SECRET_SMTP_PASSWORD');
  });
});

describe('secret values with control characters (issue 9 item 8)', () => {
  it('are refused on input, before the keychain, and on use, naming the secret but never the value', async () => {
    const keychain = new MemorySecretStore({ 'smtp.password': 'pw\u0007x' });
    const store = openSecretStore({}, { keychain, redactor: new Redactor() });
    await expect(store.set('linkedin.accessToken', 'abc\ndef')).rejects.toMatchObject({ code: 'USAGE' });
    expect(await keychain.get('linkedin.accessToken')).toBeNull();
    await store.set('linkedin.accessToken', '  abc-def\n');
    await expect(store.get('smtp.password')).rejects.toMatchObject({ code: 'SETTINGS_INVALID', message: expect.stringContaining('smtp.password') as unknown });
    const fromEnv = openSecretStore({ [ENV_TOKEN]: 'abc\r\ndef' }, { keychain, redactor: new Redactor() });
    const error = await fromEnv.get('linkedin.accessToken').catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'LINKEDIN_TOKEN_INVALID' });
    expect((error as Error).message).not.toContain('def');
  });
});
