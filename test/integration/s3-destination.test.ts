import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { createS3Client } from '../../src/main/engine/lake/s3-client';
import { createS3Destination, S3LakeDestination } from '../../src/main/engine/lake/s3-destination';
import { md5Hex } from '../../src/main/engine/lake/s3-plan';
import { nullLogger } from '../../src/main/engine/log/logger';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { gainRow, s3Settings, seedLake } from '../support/lake-fixture';
import { startFaultProxy, type FaultProxy } from '../support/s3-fault-proxy';
import { startS3rver, type S3rverHandle } from '../support/s3-server';
import { caught } from '../support/caught';

const BUCKET = 'lake-bucket';
const ORG = '2414183';
const AWS_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];

let s3rver: S3rverHandle;
let proxy: FaultProxy;
let inspector: S3Client;
const savedEnv = new Map<string, string | undefined>();
let scratch: string;
let lake: LocalLake;
let testNo = 0;
let prefix: string;

beforeAll(async () => {
  for (const name of AWS_ENV) savedEnv.set(name, process.env[name]);
  for (const name of AWS_ENV) delete process.env[name];
  // The SDK's default chain finds these, as it would find a real machine's credentials.
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
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
  prefix = `t${testNo}/lake`;
  scratch = await mkdtemp(join(tmpdir(), 'fp-s3dest-'));
  lake = new LocalLake(join(scratch, 'lake'));
  proxy.setMode({ kind: 'pass' });
  proxy.requests.length = 0;
});

afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function settingsFor(overrides: Partial<Settings['s3']> = {}, accounts: readonly string[] = [ORG]): Settings {
  return s3Settings(proxy.endpoint, { prefix, ...overrides }, accounts);
}

async function destination(settings: Settings = settingsFor()): Promise<S3LakeDestination> {
  const client = await createS3Client(settings.s3);
  return new S3LakeDestination({ client, lake, s3: settings.s3, compatOrgIds: settings.accounts.map((a) => a.id), logger: nullLogger });
}

async function bucketObjects(keyPrefix: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let token: string | undefined;
  do {
    const page = await inspector.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: keyPrefix, ContinuationToken: token, MaxKeys: 5 }));
    for (const object of page.Contents ?? []) {
      const got = await inspector.send(new GetObjectCommand({ Bucket: BUCKET, Key: object.Key }));
      out.set(object.Key!, Buffer.from(await got.Body!.transformToByteArray()));
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return out;
}

async function localObjects(keyPrefix: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const key of await lake.listFiles()) out.set(`${keyPrefix}${key}`, await readFile(lake.pathOf(key)));
  return out;
}


describe('S3LakeDestination against s3rver', () => {
  it('first delivery uploads every lake file with identical keys and bytes; the second uploads nothing', async () => {
    await seedLake(lake);
    const local = await localObjects(`${prefix}/`);
    expect(local.size).toBe(7);
    const dest = await destination();

    await dest.deliver({ filesWritten: [], rowsWritten: 0, daysWritten: [], bytesWritten: 0 });
    const first = dest.lastResult!;
    expect(first).toMatchObject({ uploaded: 7, skipped: 0, failed: 0 });
    expect(first.uploadedKeys).toEqual([...local.keys()].sort());
    expect(first.bytes).toBe([...local.values()].reduce((n, b) => n + b.length, 0));
    const remote = await bucketObjects(`${prefix}/`);
    expect([...remote.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [key, bytes] of local) expect(remote.get(key)?.equals(bytes), key).toBe(true);
    expect([...remote.keys()].some((key) => key.includes('/.'))).toBe(false);
    const put = proxy.puts()[0];
    expect(put.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(put.headers['x-amz-server-side-encryption']).toBeUndefined();

    proxy.requests.length = 0;
    const second = await dest.reconcile();
    expect(second).toMatchObject({ uploaded: 0, skipped: 7, failed: 0, bytes: 0 });
    expect(proxy.puts()).toHaveLength(0);
  });

  it('re-uploads a changed file alone, also when its size did not change', async () => {
    await seedLake(lake);
    const dest = await destination();
    await dest.reconcile();

    const grown = await lake.mergeGains([gainRow(ORG, '2026-11-04', 7, 1)]);
    expect(grown.filesWritten).toEqual(['follower_gains/month=2026-11/linkedin-2414183-api.csv']);
    expect((await dest.reconcile()).uploadedKeys).toEqual([`${prefix}/follower_gains/month=2026-11/linkedin-2414183-api.csv`]);

    // Same bytes count, one digit different: only the MD5 can tell.
    const key = 'follower_totals/month=2026-11/linkedin-2414183-api.csv';
    const before = await readFile(lake.pathOf(key), 'utf8');
    const after = before.replace(',1500,', ',1501,');
    expect(after).not.toBe(before);
    await writeFile(lake.pathOf(key), after);
    proxy.requests.length = 0;
    expect((await dest.reconcile()).uploadedKeys).toEqual([`${prefix}/${key}`]);
    expect(proxy.puts()).toHaveLength(1);
    expect((await bucketObjects(`${prefix}/${key}`)).get(`${prefix}/${key}`)?.toString()).toBe(after);
  });

  it('trusts the MD5 stored with an object whose ETag is not one (SSE-KMS), so it is not re-uploaded every run', async () => {
    await seedLake(lake);
    const dest = await destination();
    await dest.reconcile();
    const key = 'accounts/accounts.csv';
    const bytes = await readFile(lake.pathOf(key));
    // Same size, other bytes, but the metadata MD5 of the local file: what S3 reports for a KMS object.
    await inspector.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${key}`, Body: Buffer.alloc(bytes.length, 'x'), Metadata: { md5: md5Hex(bytes) } }),
    );
    proxy.requests.length = 0;
    expect(await dest.reconcile()).toMatchObject({ uploaded: 0, skipped: 7 });
    expect(proxy.requests.filter((r) => r.method === 'HEAD')).toHaveLength(1);
    // Without that metadata the ETag decides, and the file goes up again.
    await inspector.send(new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${key}`, Body: Buffer.alloc(bytes.length, 'x') }));
    expect((await dest.reconcile()).uploadedKeys).toEqual([`${prefix}/${key}`]);
  });

  it('normalises the prefix: a leading slash and a missing trailing slash name the same keys', async () => {
    await seedLake(lake);
    await (await destination(settingsFor({ prefix: `/${prefix}` }))).reconcile();
    const again = await (await destination(settingsFor({ prefix: `${prefix}/` }))).reconcile();
    expect(again.uploaded).toBe(0);
    expect([...(await bucketObjects(`${prefix}/`)).keys()].every((key) => key.startsWith(`${prefix}/`) && !key.includes('//'))).toBe(true);
  });

  it('a missing bucket is S3_NO_SUCH_BUCKET naming it, with what to check', async () => {
    await seedLake(lake);
    const error = await caught((await destination(settingsFor({ bucket: 'no-such-bucket' }))).deliver({ filesWritten: [], rowsWritten: 0, daysWritten: [], bytesWritten: 0 }));
    expect(error.code).toBe('S3_NO_SUCH_BUCKET');
    expect(error.message).toContain('no-such-bucket');
    expect(error.hint).toContain('check s3.bucket and s3.region');
  });

  it('a PUT refused by the policy is S3_ACCESS_DENIED with the IAM hint, never the credentials', async () => {
    await seedLake(lake);
    proxy.setMode({ kind: 'deny-puts' });
    const error = await caught((await destination()).reconcile());
    expect(error.code).toBe('S3_ACCESS_DENIED');
    expect(error.message).toContain(`s3://${BUCKET}/${prefix}/`);
    expect(error.message).toContain('7 of 7 files not uploaded');
    expect(error.hint).toContain('s3:PutObject');
    expect(error.hint).toMatch(/profile|SSO|instance role/);
    expect(error.oneLine()).not.toContain('S3RVER');
    expect(await bucketObjects(`${prefix}/`)).toHaveProperty('size', 0);
  });

  it('a network cut mid-upload is S3_WRITE_FAILED; the next delivery uploads exactly what is missing', async () => {
    await seedLake(lake);
    const dest = await destination();
    proxy.setMode({ kind: 'cut-puts', after: 3 });
    const error = await caught(dest.reconcile());
    expect(error.code).toBe('S3_WRITE_FAILED');
    expect(error.hint).toContain('the next sync uploads whatever is still missing');
    expect(dest.lastResult).toMatchObject({ uploaded: 3, failed: 4 });

    const local = await localObjects(`${prefix}/`);
    const partial = await bucketObjects(`${prefix}/`);
    const stillWanted = [...local].filter(([key, bytes]) => !partial.get(key)?.equals(bytes)).map(([key]) => key).sort();
    expect(stillWanted).toHaveLength(4);
    // s3rver keeps the half body a cut PUT delivered (real S3 would not): the size tells it apart.
    expect(stillWanted.filter((key) => partial.has(key)).length).toBeGreaterThan(0);

    proxy.setMode({ kind: 'pass' });
    proxy.requests.length = 0;
    const repair = await dest.reconcile();
    expect(repair.uploadedKeys).toEqual(stillWanted);
    expect(proxy.puts().map((r) => decodeURIComponent(r.url.split('?')[0]).replace(`/${BUCKET}/`, '')).sort()).toEqual(stillWanted);
    const final = await bucketObjects(`${prefix}/`);
    expect([...final.keys()].sort()).toEqual([...local.keys()].sort());
    for (const [key, bytes] of local) expect(final.get(key)?.equals(bytes), key).toBe(true);
  });

  it('sends x-amz-server-side-encryption: AES256 when s3.serverSideEncryption is AES256', async () => {
    await seedLake(lake);
    await (await destination(settingsFor({ serverSideEncryption: 'AES256' }))).reconcile();
    const puts = proxy.puts();
    expect(puts).toHaveLength(7);
    for (const put of puts) expect(put.headers['x-amz-server-side-encryption']).toBe('AES256');
  });

  it('uploads byte-exact prototype-compatible files under their own prefix, flat for one page', async () => {
    await seedLake(lake);
    const compat = { enabled: true, prefix: `t${testNo}/legacy/follower_stats` };
    const dest = await destination(settingsFor({ prototypeCompat: compat }));
    const result = await dest.reconcile();
    const files = await bucketObjects(`t${testNo}/legacy/`);
    expect([...files.keys()].sort()).toEqual(
      ['20261029', '20261030', '20261031', '20261101', '20261102', '20261103'].map((d) => `t${testNo}/legacy/follower_stats/follower_stats_${d}.csv`),
    );
    expect(files.get(`t${testNo}/legacy/follower_stats/follower_stats_20261101.csv`)?.toString('hex')).toBe(
      Buffer.from('organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados\r\nurn:li:organization:2414183,2026-11-01,13,0\r\n', 'utf8').toString('hex'),
    );
    expect(result.uploaded).toBe(7 + 6);
    expect((await dest.reconcile()).uploaded).toBe(0);
  });

  it('puts each page in its own compat folder when several LinkedIn pages are tracked', async () => {
    await seedLake(lake, [ORG, '99']);
    const compat = { enabled: true, prefix: `t${testNo}/legacy/` };
    await (await destination(settingsFor({ prototypeCompat: compat }, [ORG, '99']))).reconcile();
    const keys = [...(await bucketObjects(`t${testNo}/legacy/`)).keys()];
    expect(keys).toHaveLength(12);
    expect(keys).toContain(`t${testNo}/legacy/99/follower_stats_20261103.csv`);
    expect(keys).toContain(`t${testNo}/legacy/2414183/follower_stats_20261029.csv`);
  });

  it('createS3Destination: null when S3 is off, SETTINGS_INVALID when on but unfilled, working otherwise', async () => {
    await seedLake(lake);
    expect(await createS3Destination(defaultSettings(), lake, nullLogger)).toBeNull();
    const unfilled = settingsFor({ bucket: '', region: '' });
    await expect(createS3Destination(unfilled, lake, nullLogger)).rejects.toMatchObject({
      code: 'SETTINGS_INVALID',
      message: expect.stringMatching(/s3\.bucket.*s3\.region/) as unknown,
    });
    const dest = await createS3Destination(settingsFor(), lake, nullLogger);
    expect(dest?.name).toBe('s3');
    await dest!.deliver({ filesWritten: [], rowsWritten: 0, daysWritten: [], bytesWritten: 0 });
    expect((await bucketObjects(`${prefix}/`)).size).toBe(7);
  });

  it('uses the s3.profile profile from the shared credentials file, and names a missing one as S3_ACCESS_DENIED', async () => {
    await seedLake(lake);
    const credentials = join(scratch, 'credentials');
    await writeFile(credentials, '[fp-test]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n');
    const config = join(scratch, 'config');
    await writeFile(config, '');
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    process.env.AWS_CONFIG_FILE = config;
    try {
      const ok = await (await destination(settingsFor({ profile: 'fp-test' }))).reconcile();
      expect(ok.uploaded).toBe(7);
      const error = await caught((await destination(settingsFor({ profile: 'no-such-profile' }))).reconcile());
      expect(error.code).toBe('S3_ACCESS_DENIED');
      expect(error.hint).toContain('aws configure');
      expect(error.hint).toContain('aws sso login');
    } finally {
      delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      delete process.env.AWS_CONFIG_FILE;
    }
  });
});
