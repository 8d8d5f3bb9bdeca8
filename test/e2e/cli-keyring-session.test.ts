import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/shared/run-record';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { type CliRun, cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { BUILT_CLI } from '../support/global-setup';

/**
 * Issue 9 item 9: on a headless Linux server `secret set` (step 1 of the README) must say what
 * to run, and the documented wrapper must give the CLI and the scheduled sync one persistent,
 * unlocked keyring.
 */
const WRAPPER = fileURLToPath(new URL('../../scripts/keyring-session.sh', import.meta.url));
const ORG = '2414183';
const TOKEN = 'keyring-session-token-DO-NOT-LEAK';
const NOW = '2026-11-28T10:00:00Z';
const canRun = process.platform === 'linux' && ['/usr/bin/gnome-keyring-daemon', '/usr/bin/dbus-run-session'].every((p) => existsSync(p));

let home: string;
let fake: FakeLinkedIn;

beforeEach(async () => {
  home = await tempHome('fp-keyring-');
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
});
afterEach(async () => fake.close());

/** A server login: no desktop, no D-Bus session, its own data folder for keyrings. */
function headlessEnv(): NodeJS.ProcessEnv {
  const env = cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, now: NOW, extra: { XDG_DATA_HOME: join(home, 'xdg-data') } });
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN;
  return env;
}

function runWrapped(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliRun> {
  const child = spawn('sh', [WRAPPER, process.execPath, BUILT_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe.skipIf(!canRun)('headless Linux keychain (issue 9 item 9)', () => {
  it('without D-Bus, secret set says exactly what to run', async () => {
    const r = await runCliProcess(['secret', 'set', 'linkedin.accessToken'], headlessEnv(), `${TOKEN}\n`);
    expect(r.code).not.toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`sh ${WRAPPER} follower-pulse secret set linkedin.accessToken`);
    expect(lines[0]).toContain('FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN');
  });

  it('without D-Bus and no token in the environment, a sync says no token can be read, not only that the keychain is unavailable', async () => {
    const r = await runCliProcess(['sync'], headlessEnv());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no stored linkedin.accessToken can be read');
    expect(r.stderr).toContain(`sh ${WRAPPER} follower-pulse`);
  });

  it('through the wrapper, secret set stores the token and a later scheduled sync in a new session reads it', async () => {
    const env = headlessEnv();
    const set = await runWrapped(['secret', 'set', 'linkedin.accessToken'], env, `${TOKEN}\n`);
    expect(set.stderr.replace(/.*Failed to set fd limit.*\n?/g, '')).toBe('');
    expect(set.code).toBe(0);
    const passwordFile = join(home, 'xdg-data', 'keyrings', 'follower-pulse.password');
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);

    const sync = await runWrapped(['sync', '--trigger', 'schedule', '--json'], env);
    expect(sync.code).toBe(0);
    const record = JSON.parse(sync.stdout) as RunRecord;
    expect(record).toMatchObject({ status: 'success', error: null });
    expect(fake.requests.length).toBeGreaterThan(0);
  });
});
