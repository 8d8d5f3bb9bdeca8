import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { createS3Client } from '../../src/main/engine/lake/s3-client';
import { stateStoreLedger } from '../../src/main/engine/lake/s3-delivery-ledger';
import { S3LakeDestination } from '../../src/main/engine/lake/s3-destination';
import { getObjectBytes, listObjects } from '../../src/main/engine/lake/s3-objects';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { executeSync } from '../../src/main/engine/sync/execute-sync';
import type { LakeDestination } from '../../src/main/engine/lake/lake-destination';
import type { RunRecord } from '../../src/shared/run-record';
import type { Settings } from '../../src/shared/settings-schema';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { s3Settings } from '../support/lake-fixture';
import { startFaultProxy, type FaultProxy } from '../support/s3-fault-proxy';
import { startS3rver, type S3rverHandle } from '../support/s3-server';

const BUCKET = 'lake-bucket';
const TOKEN = 'delta-token';
const PAGES = Array.from({ length: 16 }, (_, i) => String(3_000_000 + i));
const DAY_MS = 86_400_000;
const AWS_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_EC2_METADATA_DISABLED'];

let s3rver: S3rverHandle;
let proxy: FaultProxy;
let inspector: S3Client;
let fake: FakeLinkedIn;
let clock: Date;
let home: string;
let prefix: string;
let testNo = 0;
const savedEnv = new Map<string, string | undefined>();

beforeAll(async () => {
  for (const name of AWS_ENV) savedEnv.set(name, process.env[name]);
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  s3rver = await startS3rver({ buckets: [BUCKET] });
  proxy = await startFaultProxy(s3rver.port);
  inspector = await createS3Client(s3Settings(s3rver.endpoint).s3);
});

afterAll(async () => {
  inspector?.destroy();
  await proxy?.close();
  await s3rver?.stop();
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(async () => {
  testNo += 1;
  prefix = `delta${testNo}/lake/`;
  clock = new Date('2026-11-28T10:00:00Z');
  fake = await startFakeLinkedIn({ now: () => clock, token: TOKEN });
  for (const id of PAGES) fake.addOrganization(id, { name: `Page ${id}`, followers: 1000 + Number(id.slice(-2)) });
  home = await mkdtemp(join(tmpdir(), 'fp-delta-'));
  proxy.setMode({ kind: 'pass' });
  proxy.requests.length = 0;
});

afterEach(async () => {
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

function settingsFor(overrides: Partial<Settings['s3']> = {}): Settings {
  const settings = s3Settings(proxy.endpoint, { prefix, ...overrides }, PAGES);
  // Two months of history keep the lake (and s3rver's work) small; the counts hold at any size.
  settings.linkedin = { ...settings.linkedin, apiBaseUrl: fake.apiBaseUrl, backfillDays: 60 };
  return settings;
}

function lakeOf(): LocalLake {
  return new LocalLake(join(home, 'lake'));
}

/** The destination executeSync would build, with lake reads counted. */
async function countingDestination(settings: Settings, reads: string[]): Promise<LakeDestination> {
  const client = await createS3Client(settings.s3);
  return new S3LakeDestination({
    client,
    lake: lakeOf(),
    s3: settings.s3,
    compatOrgIds: PAGES,
    logger: nullLogger,
    ledger: stateStoreLedger(new StateStore(home)),
    now: () => clock,
    readLakeFile: (path) => {
      reads.push(path);
      return readFile(path);
    },
  });
}

function sync(settings: Settings, destinations?: LakeDestination[]): Promise<RunRecord> {
  return executeSync({
    home,
    settings,
    secrets: new MemorySecretStore({ 'linkedin.accessToken': TOKEN }),
    logger: nullLogger,
    now: () => clock,
    trigger: 'cli',
    alerts: false,
    destinations,
  });
}

async function expectBucketEqualsLake(): Promise<void> {
  const lake = lakeOf();
  const local = await lake.listFiles();
  const remote = await listObjects(inspector, BUCKET, prefix);
  expect(remote.map((o) => o.key.slice(prefix.length)).sort()).toEqual(local);
  for (const key of local) {
    const bytes = Buffer.from(await getObjectBytes(inspector, BUCKET, `${prefix}${key}`));
    expect(bytes.equals(await readFile(lake.pathOf(key))), key).toBe(true);
  }
}

const runRowKey = (record: RunRecord): string => `sync_runs/month=${record.startedAt.slice(0, 7)}/${record.runId}.csv`;
const putKeys = (): string[] => proxy.puts().map((r) => decodeURIComponent(r.url.split('?')[0]).replace(`/${BUCKET}/`, '')).sort();

describe('S3 delivery of what changed', { timeout: 60_000 }, () => {
  it(`an up-to-date sync of ${PAGES.length} pages reads no lake file for S3 and sends one PUT: its own sync_runs row`, async () => {
    const settings = settingsFor();
    const reads: string[] = [];
    const first = await sync(settings, [await countingDestination(settings, reads)]);
    expect(first.status).toBe('success');
    expect(first.destinations).toEqual(['local', 's3']);
    await expectBucketEqualsLake();
    const lakeFiles = (await lakeOf().listFiles()).length;
    expect(lakeFiles).toBeGreaterThanOrEqual(PAGES.length * 4);

    reads.length = 0;
    proxy.requests.length = 0;
    const second = await sync(settings, [await countingDestination(settings, reads)]);
    expect(second.status).toBe('up-to-date');
    expect(second.destinations).toEqual(['local', 's3']);
    expect(proxy.requests.map((r) => r.method)).toEqual(['PUT']);
    expect(putKeys()).toEqual([`${prefix}${runRowKey(second)}`]);
    expect(reads).toEqual([lakeOf().pathOf(runRowKey(second))]);
    expect((await new StateStore(home).get()).s3Delivery?.pending).toEqual([]);
    await expectBucketEqualsLake();
  });

  it('a run with new days uploads exactly the files it wrote, its row and the compat files of its new days', async () => {
    const settings = settingsFor({ prototypeCompat: { enabled: true, prefix: `delta${testNo}/legacy/` } });
    // One compat file per page and day: two weeks keep the first delivery short.
    settings.linkedin.backfillDays = 14;
    await sync(settings);
    clock = new Date(clock.getTime() + DAY_MS);
    proxy.requests.length = 0;
    const next = await sync(settings);
    expect(next.status).toBe('success');
    expect(proxy.requests.some((r) => r.method === 'GET')).toBe(false);
    const puts = putKeys();
    // Per page: the month's gains file, the totals file (a new day's snapshot) and the new day's compat file.
    expect(puts).toContain(`${prefix}${runRowKey(next)}`);
    expect(puts.filter((key) => key.includes('/follower_gains/'))).toHaveLength(PAGES.length);
    expect(puts.filter((key) => key.includes('/follower_totals/'))).toHaveLength(PAGES.length);
    expect(puts.filter((key) => key.startsWith(`delta${testNo}/legacy/`))).toEqual(
      [...PAGES].sort().map((id) => `delta${testNo}/legacy/${id}/follower_stats_20261126.csv`),
    );
    expect(puts).toHaveLength(3 * PAGES.length + 1);
    // What the delta sent is exactly what a whole-lake comparison would have sent.
    const client = await createS3Client(settings.s3);
    const check = await new S3LakeDestination({ client, lake: lakeOf(), s3: settings.s3, compatOrgIds: PAGES }).reconcile();
    client.destroy();
    expect(check).toMatchObject({ uploaded: 0, failed: 0, remoteOnlyKeys: [] });
  });

  it('after an outage the failed uploads are remembered and the next run heals the bucket byte for byte', async () => {
    const settings = settingsFor();
    await sync(settings);
    clock = new Date(clock.getTime() + DAY_MS);
    proxy.setMode({ kind: 'refuse' });
    const outage = await sync(settings);
    expect(outage.status).toBe('partial');
    expect(outage.destinations).toEqual(['local', 's3']);
    expect(outage.error?.code).toMatch(/^S3_/);
    const pending = (await new StateStore(home).get()).s3Delivery?.pending ?? [];
    expect(pending).toContain(`${prefix}${runRowKey(outage)}`);
    expect(pending.length).toBe(2 * PAGES.length + 1);
    // The local row tells the truth about the run, though the bucket missed it.
    expect(await readFile(lakeOf().pathOf(runRowKey(outage)), 'utf8')).toContain(',partial,');

    proxy.setMode({ kind: 'pass' });
    proxy.requests.length = 0;
    const healed = await sync(settings);
    expect(healed.status).toBe('up-to-date');
    expect(proxy.requests.some((r) => r.method === 'GET' && r.url.includes('list-type=2'))).toBe(true);
    expect(putKeys()).toEqual([...pending, `${prefix}${runRowKey(healed)}`].sort());
    expect((await new StateStore(home).get()).s3Delivery?.pending).toEqual([]);
    await expectBucketEqualsLake();

    // Healed: the run after that is an ordinary one again.
    proxy.requests.length = 0;
    const ordinary = await sync(settings);
    expect(proxy.requests.map((r) => r.method)).toEqual(['PUT']);
    expect(ordinary.status).toBe('up-to-date');
  });

  it('compares the whole lake again after a week, and when the prefix changes', async () => {
    const settings = settingsFor();
    await sync(settings);
    clock = new Date(clock.getTime() + 6 * DAY_MS);
    await sync(settings);
    proxy.requests.length = 0;
    clock = new Date(clock.getTime() + 2 * DAY_MS);
    await sync(settings);
    expect(proxy.requests.filter((r) => r.method === 'GET' && r.url.includes('list-type=2'))).toHaveLength(1);
    proxy.requests.length = 0;
    await sync(settings);
    expect(proxy.requests.some((r) => r.method === 'GET')).toBe(false);

    const moved = settingsFor({ prefix: `delta${testNo}/moved/` });
    prefix = `delta${testNo}/moved/`;
    await sync(moved);
    await expectBucketEqualsLake();
  });
});
