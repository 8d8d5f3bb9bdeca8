/**
 * Run as a child process by test/integration/keytar-store.test.ts: tries to read and write a
 * secret through openSecretStore and prints what happened as one JSON line on stdout.
 */
import { isAppError } from '../../src/main/engine/errors';
import { openSecretStore } from '../../src/main/engine/secrets/open-secret-store';

const PROBE_VALUE = process.argv[2] ?? 'probe-secret-value';

async function attempt(op: () => Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    return { ok: true, value: await op() };
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, message: error.message, hint: error.hint };
    return { ok: false, code: 'NOT_AN_APP_ERROR', message: String(error) };
  }
}

const store = openSecretStore(process.env);
const get = await attempt(() => store.get('linkedin.accessToken'));
const set = await attempt(() => store.set('linkedin.accessToken', PROBE_VALUE));
process.stdout.write(`${JSON.stringify({ get, set })}\n`);
