import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runCli } from '../../src/main/cli/run-cli';
import { mirrorLake, type MirrorProgress } from '../../src/main/engine/lake/lake-mirror';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { createS3Client } from '../../src/main/engine/lake/s3-client';
import { S3LakeDestination } from '../../src/main/engine/lake/s3-destination';
import { getObjectBytes } from '../../src/main/engine/lake/s3-objects';
import { nullLogger } from '../../src/main/engine/log/logger';
import { SettingsStore } from '../../src/main/engine/settings/settings-store';
import type { Settings } from '../../src/shared/settings-schema';
import { gainRow, s3Settings, seedLake } from '../support/lake-fixture';
import { holdLockInAnotherProcess } from '../support/lock-holder';
import { startFaultProxy } from '../support/s3-fault-proxy';
import { startS3rver, type S3rverHandle } from '../support/s3-server';

const BUCKET = 'lake-bucket';
const AWS_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];

let s3rver: S3rverHandle;
let client: S3Client;
const savedEnv = new Map<string, string | undefined>();
let scratch: string;
let source: LocalLake;
let home: string;
let testNo = 0;
let prefix: string;

interface Captured {
  io: CliIo;
  out: string[];
  err: string[];
  json: unknown[];
}

function captureIo(): Captured {
  const captured: Captured = {
    out: [],
    err: [],
    json: [],
    io: {
      out: (line) => captured.out.push(line),
      err: (line) => captured.err.push(line),
      json: (value) => captured.json.push(value),
      stdin: process.stdin,
      isTTY: false,
    },
  };
  return captured;
}

beforeAll(async () => {
  for (const name of AWS_ENV) savedEnv.set(name, process.env[name]);
  for (const name of AWS_ENV) delete process.env[name];
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  s3rver = await startS3rver({ buckets: [BUCKET] });
  client = await createS3Client(s3Settings(s3rver.endpoint).s3);
});

afterAll(async () => {
  client?.destroy();
  await s3rver?.stop();
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(async () => {
  testNo += 1;
  prefix = `m${testNo}/lake`;
  scratch = await mkdtemp(join(tmpdir(), 'fp-mirror-'));
  source = new LocalLake(join(scratch, 'server-lake'));
  home = join(scratch, 'analyst-home');
  await seedLake(source);
  await new SettingsStore(home).save(settingsFor());
  // The server's side: its lake, the prototype files inside the same prefix, and a stray object.
  await publish(settingsFor({ prototypeCompat: { enabled: true, prefix: `${prefix}/follower_stats/` } }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/notes.txt`, Body: 'not lake data' }));
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/follower_gains/month=2026-11/.partial.csv`, Body: 'x' }));
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function settingsFor(overrides: Partial<Settings['s3']> = {}): Settings {
  return s3Settings(s3rver.endpoint, { prefix, ...overrides });
}

async function publish(settings: Settings = settingsFor()): Promise<void> {
  await new S3LakeDestination({ client, lake: source, s3: settings.s3, compatOrgIds: ['2414183'], logger: nullLogger }).reconcile();
}

/** Every file under a folder, dot-files included, keyed with `/`. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out.set(relative(dir, path).split(sep).join('/'), await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

async function sourceFiles(): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const key of await source.listFiles()) out.set(key, await readFile(source.pathOf(key)));
  return out;
}

async function mirror(...args: string[]): Promise<{ code: number } & Captured> {
  const captured = captureIo();
  const code = await runCli(['mirror', '--home', home, ...args], {}, captured.io);
  return { code, ...captured };
}

describe('follower-pulse mirror against s3rver', () => {
  it('reproduces the bucket lake byte for byte in an empty local lake; a second mirror downloads nothing', async () => {
    const first = await mirror();
    expect(first.err).toContain('Downloaded 7 of 7 files…');
    expect(first.out.join('\n')).toMatch(/^Mirror finished: 7 files downloaded \(.+\) from s3:\/\/lake-bucket\/m\d+\/lake\/, 0 already up to date/);
    expect(first.code).toBe(0);
    const wanted = await sourceFiles();
    const mirrored = await tree(join(home, 'lake'));
    // Only lake data: no prototype files, no stray objects, no dot-files.
    expect([...mirrored.keys()].sort()).toEqual([...wanted.keys()].sort());
    for (const [key, bytes] of wanted) expect(mirrored.get(key)?.equals(bytes), key).toBe(true);

    const second = await mirror('--json');
    expect(second.code).toBe(0);
    expect(second.json).toEqual([{ downloaded: 0, skipped: 7, bytes: 0 }]);
    expect(second.err).toEqual([]);
  });

  it('downloads only what changed in the bucket, overwrites a stale local copy, keeps local-only files', async () => {
    expect((await mirror()).code).toBe(0);
    const lake = new LocalLake(join(home, 'lake'));
    await lake.mergeGains([gainRow('555', '2026-11-01', 1, 0)]);
    const localOnly = 'follower_gains/month=2026-11/linkedin-555-api.csv';
    const stale = 'accounts/accounts.csv';
    await writeFile(lake.pathOf(stale), 'network,account_id,name,url\n');
    await source.mergeGains([gainRow('2414183', '2026-11-04', 9, 9)]);
    await publish();

    const run = await mirror('--json');
    expect(run.code).toBe(0);
    const changedKey = 'follower_gains/month=2026-11/linkedin-2414183-api.csv';
    const changedBytes = (await readFile(source.pathOf(changedKey))).length;
    const staleBytes = (await readFile(source.pathOf(stale))).length;
    expect(run.json).toEqual([{ downloaded: 2, skipped: 5, bytes: changedBytes + staleBytes }]);
    expect((await readFile(lake.pathOf(changedKey))).equals(await readFile(source.pathOf(changedKey)))).toBe(true);
    expect((await readFile(lake.pathOf(stale))).equals(await readFile(source.pathOf(stale)))).toBe(true);
    expect((await stat(lake.pathOf(localOnly))).isFile()).toBe(true);
  });

  it('refuses with exit 3 while another process holds the lock, and writes nothing', async () => {
    const holder = await holdLockInAnotherProcess(home);
    try {
      const run = await mirror();
      expect(run.code).toBe(3);
      expect(run.err).toHaveLength(1);
      expect(run.err[0]).toContain(`Another sync is running: a schedule run (pid ${holder.pid}`);
      expect((await tree(join(home, 'lake'))).size).toBe(0);
    } finally {
      await holder.release();
    }
    expect((await mirror()).code).toBe(0);
  });

  it('exit 2 naming the settings to fill in when S3 is not set up', async () => {
    await new SettingsStore(home).save(settingsFor({ enabled: false, bucket: '', region: '' }));
    const run = await mirror();
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/s3\.enabled.*s3\.bucket.*s3\.region/);
    expect(run.err[0]).toContain(' — ');
  });

  it('a missing bucket is one line with what to check, exit 1', async () => {
    await new SettingsStore(home).save(settingsFor({ bucket: 'no-such-bucket' }));
    const run = await mirror();
    expect(run.code).toBe(1);
    expect(run.err).toEqual(['The S3 bucket no-such-bucket does not exist in us-east-1 — check s3.bucket and s3.region in Settings']);
  });

  it('says so when the prefix holds no lake files', async () => {
    await new SettingsStore(home).save(settingsFor({ prefix: 'nothing-here' }));
    const run = await mirror();
    expect(run.code).toBe(0);
    expect(run.out).toEqual([`Nothing to mirror: s3://${BUCKET}/nothing-here/ holds no lake files — check s3.bucket and s3.prefix (the server's sync writes there).`]);
  });

  it('--help explains the command', async () => {
    const run = await mirror('--help');
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toContain('Usage: follower-pulse mirror');
  });

  it('mirrorLake reports progress for the UI and holds the lock while it runs', async () => {
    const events: MirrorProgress[] = [];
    const lockHeld: boolean[] = [];
    const lake = new LocalLake(join(home, 'lake'));
    const progress = (event: MirrorProgress): void => {
      events.push(event);
      lockHeld.push(existsSync(join(home, 'sync.lock')));
    };
    const result = await mirrorLake({ settings: settingsFor(), lake, home, trigger: 'tray', client, progress });
    expect(lockHeld).toEqual(Array<boolean>(7).fill(true));
    expect(result).toMatchObject({ downloaded: 7, skipped: 0, source: `s3://${BUCKET}/${prefix}/` });
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.every((e) => e.total === 7)).toBe(true);
    expect(result.downloadedKeys).toEqual([...(await sourceFiles()).keys()].sort());
    await expect(stat(join(home, 'sync.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--check heals the bucket from the local lake, lists bucket-only lake files, and clears what delivery had pending', async () => {
    expect((await mirror()).code).toBe(0);
    const lake = new LocalLake(join(home, 'lake'));
    const localOnly = 'follower_gains/month=2026-11/linkedin-555-api.csv';
    await lake.mergeGains([gainRow('555', '2026-11-01', 1, 0)]);
    const changed = 'accounts/accounts.csv';
    await writeFile(lake.pathOf(changed), 'network,account_id,name,url\n');
    const bucketOnly = `${prefix}/follower_totals/month=2026-11/linkedin-777-api.csv`;
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: bucketOnly, Body: 'day,network,account_id,followers,source,fetched_at\n' }));
    await writeFile(join(home, 'state.json'), JSON.stringify({ s3Delivery: { target: 'x', pending: [`${prefix}/${changed}`], lastFullReconcileAt: null } }));

    const run = await mirror('--check', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual([
      {
        checked: 8,
        uploaded: 2,
        skipped: 6,
        failed: 0,
        bytes: (await readFile(lake.pathOf(localOnly))).length + (await readFile(lake.pathOf(changed))).length,
        uploadedKeys: [`${prefix}/${changed}`, `${prefix}/${localOnly}`],
        failedKeys: [],
        remoteOnlyKeys: [bucketOnly],
      },
    ]);
    for (const key of [localOnly, changed]) {
      expect(Buffer.from(await getObjectBytes(client, BUCKET, `${prefix}/${key}`)).equals(await readFile(lake.pathOf(key))), key).toBe(true);
    }
    const state = JSON.parse(await readFile(join(home, 'state.json'), 'utf8')) as { s3Delivery: { pending: string[]; lastFullReconcileAt: string } };
    expect(state.s3Delivery.pending).toEqual([]);
    expect(state.s3Delivery.lastFullReconcileAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const again = await mirror('--check');
    expect(again.code).toBe(0);
    expect(again.out[0]).toMatch(/^Checked 8 files of .+ against s3:\/\/lake-bucket\/m\d+\/lake\/: 8 already there, nothing to upload\.$/);
    expect(again.out.slice(1)).toEqual(['1 file in the bucket has no local copy (left alone; run follower-pulse mirror to pull them):', `  ${bucketOnly}`]);
  });

  it('--check with uploads refused prints what it found, keeps them pending, and fails with the S3 error (exit 1)', async () => {
    expect((await mirror()).code).toBe(0);
    const lake = new LocalLake(join(home, 'lake'));
    await lake.mergeGains([gainRow('555', '2026-11-01', 1, 0)]);
    const proxy = await startFaultProxy(s3rver.port);
    try {
      proxy.setMode({ kind: 'deny-puts' });
      await new SettingsStore(home).save(settingsFor({ endpoint: proxy.endpoint }));
      const run = await mirror('--check');
      expect(run.code).toBe(1);
      expect(run.out[0]).toMatch(/: 7 already there, nothing to upload, 1 file failed \(the next sync retries them\)\.$/);
      expect(run.err.join('\n')).toContain('Access denied while uploading to s3://lake-bucket/');
      const state = JSON.parse(await readFile(join(home, 'state.json'), 'utf8')) as { s3Delivery: { pending: string[] } };
      expect(state.s3Delivery.pending).toEqual([`${prefix}/follower_gains/month=2026-11/linkedin-555-api.csv`]);
    } finally {
      await proxy.close();
    }
  });

  it('--check on a bucket that cannot be listed is one line naming it, exit 1', async () => {
    await new SettingsStore(home).save(settingsFor({ bucket: 'no-such-bucket' }));
    const run = await mirror('--check');
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toContain('no-such-bucket');
  });
});
