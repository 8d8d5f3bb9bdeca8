import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getObjectBytes, listObjects } from '../../src/main/engine/lake/s3-objects';
import type { RunRecord } from '../../src/shared/run-record';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, readTree, runCliProcess, tempHome } from '../support/cli-harness';
import { startS3rver, type S3rverHandle } from '../support/s3-server';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

const ORG = '2414183';
const TOKEN = 'cloud-token';
const NOW = '2026-11-28T10:00:00Z';
const BUCKET = 'acme-lake';

let fake: FakeLinkedIn;
let s3: S3rverHandle;
let smtp: TestSmtpServer;
let client: S3Client;
let home: string;
let prefix: string;

beforeAll(async () => {
  s3 = await startS3rver({ buckets: [BUCKET] });
  smtp = await startSmtpServer({ user: 'alerts@acme.example', password: 'smtp-pass' });
  client = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });
});
afterAll(async () => {
  client.destroy();
  await s3.stop();
  await smtp.stop();
});
beforeEach(async () => {
  fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
  fake.addOrganization(ORG, { name: 'Acme Ltda', followers: 777 });
  home = await tempHome('fp-cloud-');
  prefix = `${home.split('/').pop()}/`;
  await writeFile(join(home, 'smtp-ca.pem'), smtp.cert);
  await writeFile(
    join(home, 'settings.json'),
    JSON.stringify({
      version: 1,
      language: 'pt-BR',
      accounts: [{ network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: true }],
      s3: { enabled: true, bucket: BUCKET, prefix, region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true },
      alerts: { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts@acme.example', from: 'alerts@acme.example', to: ['marketing@acme.example'] } },
    }),
  );
});
afterEach(async () => fake.close());

function env(): NodeJS.ProcessEnv {
  return cliEnv({
    home,
    apiBaseUrl: fake.apiBaseUrl,
    token: TOKEN,
    now: NOW,
    extra: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', FOLLOWER_PULSE_SECRET_SMTP_PASSWORD: 'smtp-pass', NODE_EXTRA_CA_CERTS: join(home, 'smtp-ca.pem') },
  });
}

describe('sync into S3 with alerts, end to end', () => {
  it('puts the year into the local lake and the bucket with identical keys and bytes, including the run’s own row', async () => {
    const r = await runCliProcess(['sync', '--json'], env());
    expect(r.code).toBe(0);
    const record = JSON.parse(r.stdout) as RunRecord;
    expect(record.destinations).toEqual(['local', 's3']);
    const local = await readTree(join(home, 'lake'));
    const remote = await listObjects(client, BUCKET, prefix);
    expect(remote.map((o) => o.key.slice(prefix.length)).sort()).toEqual([...local.keys()].sort());
    expect(remote.some((o) => o.key.endsWith(`sync_runs/month=2026-11/${record.runId}.csv`))).toBe(true);
    for (const [key, bytes] of local) expect(Buffer.from(await getObjectBytes(client, BUCKET, prefix + key)).equals(bytes), key).toBe(true);

    const again = await runCliProcess(['sync', '--json'], env());
    expect((JSON.parse(again.stdout) as RunRecord).status).toBe('up-to-date');
    const after = await listObjects(client, BUCKET, prefix);
    expect(after.length).toBe(remote.length + 1); // only the second run's sync_runs row is new
  });

  it('a page whose newest day has no data produces exactly one e-mail saying so, even when the run is retried', async () => {
    fake.omitDays(ORG, ['2026-11-25']);
    const before = smtp.messages.length;
    const first = await runCliProcess(['sync', '--json'], env());
    expect(first.code).toBe(1);
    const record = JSON.parse(first.stdout) as RunRecord;
    expect(record.status).toBe('no-data');
    expect(record.alerts).toEqual([{ kind: 'no-data', sent: true }]);
    const retry = await runCliProcess(['sync', '--json'], env());
    expect(retry.code).toBe(1);
    expect(smtp.messages.length).toBe(before + 1);
    const mail = smtp.messages.at(-1)!;
    expect(mail.subject).toBe('[Follower Pulse] Sem dados para 25/11/2026 — Acme Ltda');
    expect(mail.text).toContain('Acme Ltda (LinkedIn 2414183)');
    const raw = smtp.raw.at(-1)!;
    expect(raw).not.toContain('smtp-pass');
    expect(raw).not.toContain(TOKEN);
    for (const [file, content] of await readTree(home)) expect(content.includes('smtp-pass'), file).toBe(false);
    expect(await readFile(join(home, 'state.json'), 'utf8')).toContain('no-data:linkedin:2414183:2026-11-25');
  });
});
