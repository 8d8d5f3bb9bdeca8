/**
 * Run as a child process by test/integration/keytar-store.test.ts: opens the secret store,
 * reads an environment-provided secret, and reports whether keytar's native module got loaded.
 */
import { readFileSync } from 'node:fs';
import { openSecretStore } from '../../src/main/engine/secrets/open-secret-store';

const nativeLoaded = (): boolean => readFileSync('/proc/self/maps', 'utf8').includes('keytar.node');

const store = openSecretStore(process.env);
const value = await store.get('linkedin.accessToken');
const afterEnvRead = nativeLoaded();
await store.get('smtp.password').catch(() => null);
process.stdout.write(`${JSON.stringify({ gotValue: value !== null, afterEnvRead, afterKeychainRead: nativeLoaded() })}\n`);
