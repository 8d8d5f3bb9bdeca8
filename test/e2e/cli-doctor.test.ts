import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../src/shared/ui-api';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { startS3rver, type S3rverHandle } from '../support/s3-server';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

const ORG = '2414183';
const TOKEN = 'doctor-token';
const NOW = '2026-11-28T10:00:00Z';

let fake: FakeLinkedIn;
let s3: S3rverHandle;
let smtp: TestSmtpServer;
let home: string;
let certFile: string;

beforeAll(async () => {
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
  s3 = await startS3rver({ buckets: ['company-lake'] });
  smtp = await startSmtpServer({ user: 'alerts@acme.example', password: 'smtp-pass' });
});
afterAll(async () => {
  await fake.close();
  await s3.stop();
  await smtp.stop();
});
beforeEach(async () => {
  home = await tempHome('fp-doctor-');
  certFile = join(home, 'smtp-ca.pem');
  await writeFile(certFile, smtp.cert);
});

function settings(overrides: { bucket?: string; smtpPort?: number } = {}): unknown {
  return {
    version: 1,
    accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }],
    s3: { enabled: true, bucket: overrides.bucket ?? 'company-lake', prefix: 'linkedin/', region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true },
    alerts: { smtp: { host: '127.0.0.1', port: overrides.smtpPort ?? smtp.port, secure: false, user: 'alerts@acme.example', from: 'alerts@acme.example', to: ['marketing@acme.example'] } },
  };
}

function env(smtpPassword = 'smtp-pass'): NodeJS.ProcessEnv {
  return cliEnv({
    home,
    apiBaseUrl: fake.apiBaseUrl,
    token: TOKEN,
    now: NOW,
    extra: {
      FOLLOWER_PULSE_SECRET_SMTP_PASSWORD: smtpPassword,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      // The test SMTP server's self-signed certificate, trusted the standard Node way.
      NODE_EXTRA_CA_CERTS: certFile,
    },
  });
}

async function doctor(args: string[] = [], e = env()): Promise<{ code: number | null; checks: DoctorCheck[]; stdout: string }> {
  const r = await runCliProcess(['doctor', '--json', ...args], e);
  return { code: r.code, checks: (JSON.parse(r.stdout) as { checks: DoctorCheck[] }).checks, stdout: r.stdout };
}

describe('follower-pulse doctor against real peers', () => {
  it('is green with a working token, bucket and SMTP login, and --send-test mails', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify(settings()));
    const before = smtp.messages.length;
    const r = await doctor(['--send-test']);
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({ settings: 'ok', accounts: 'ok', keychain: 'ok', 'linkedin-token': 'ok', lake: 'ok', s3: 'ok', athena: 'skipped', smtp: 'ok' });
    expect(r.code).toBe(0);
    expect(smtp.messages.length).toBe(before + 1);
    expect(smtp.messages.at(-1)!.to).toMatchObject({ text: 'marketing@acme.example' });
    expect(r.stdout).not.toContain('smtp-pass');
    expect(r.stdout).not.toContain(TOKEN);
  });

  it('names each failure with its fix and exits 1', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify(settings({ bucket: 'no-such-bucket' })));
    // The token check makes exactly one LinkedIn call.
    fake.failNext('expired', 1);
    const r = await doctor([], env('wrong-password'));
    expect(r.code).toBe(1);
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(byId['linkedin-token']).toMatchObject({ status: 'fail', detail: expect.stringContaining('LINKEDIN_TOKEN_EXPIRED') as unknown });
    expect(byId.s3).toMatchObject({ status: 'fail', detail: expect.stringContaining('S3_NO_SUCH_BUCKET') as unknown });
    expect(byId.smtp).toMatchObject({ status: 'fail', detail: expect.stringContaining('SMTP_FAILED') as unknown });
    for (const c of [byId['linkedin-token'], byId.s3, byId.smtp]) expect(c.fix).toBeTruthy();
  });

  it('prints a readable checklist', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify(settings()));
    const r = await runCliProcess(['doctor'], env());
    expect(r.stdout).toMatch(/✔ Settings +.*settings\.json is valid/);
    expect(r.stdout).toMatch(/– Athena +Athena is off/);
    expect(r.stdout).toContain('All checks passed.');
  });
});
