import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runCli } from '../../src/main/cli/run-cli';
import { createS3Client } from '../../src/main/engine/lake/s3-client';
import { s3Settings } from '../support/lake-fixture';
import { startS3rver, type S3rverHandle } from '../support/s3-server';

const BUCKET = 'legacy-bucket';
const AWS_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_EC2_METADATA_DISABLED'];
const HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';

let s3rver: S3rverHandle;
let client: S3Client;
const savedEnv = new Map<string, string | undefined>();

function captureIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l), json: (v) => out.push(JSON.stringify(v)), stdin: process.stdin, isTTY: false } };
}

async function put(key: string, body: string): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.from(body, 'utf8') }));
}

beforeAll(async () => {
  for (const name of AWS_ENV) savedEnv.set(name, process.env[name]);
  for (const name of AWS_ENV) delete process.env[name];
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  s3rver = await startS3rver({ buckets: [BUCKET] });
  client = await createS3Client(s3Settings(s3rver.endpoint).s3);
  // The prototype's uploads: one file per day, CRLF, as pandas wrote them on Windows.
  await put('prototype/follower_stats_20251030.csv', `${HEADER}\r\nurn:li:organization:2414183,2025-10-30,9,1\r\n`);
  await put('prototype/follower_stats_20251031.csv', `${HEADER}\r\nurn:li:organization:2414183,2025-10-31,11,\r\n`);
  await put('prototype/.hidden.csv', 'not a lake file');
  await put('other/follower_stats_20251031.csv', `${HEADER}\r\nurn:li:organization:2414183,2025-10-31,99,0\r\n`);
});

afterAll(async () => {
  client?.destroy();
  await s3rver?.stop();
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('import from an S3 prefix', () => {
  it("reads every file under the prefix with the settings' S3 endpoint and imports them as one", async () => {
    const home = await mkdtemp(join(tmpdir(), 'fp-import-s3-'));
    const settings = s3Settings(s3rver.endpoint);
    // The prefix names the bucket; S3 need not be a sync destination for an import.
    settings.s3.enabled = false;
    await writeFile(join(home, 'settings.json'), JSON.stringify(settings));
    const captured = captureIo();
    const env = { ...process.env, FOLLOWER_PULSE_NOW: '2026-11-28T10:00:00Z' };

    const code = await runCli(['import', `s3://${BUCKET}/prototype/`, '--network', 'linkedin', '--home', home], env, captured.io);
    expect(captured.err).toEqual([]);
    expect(captured.out).toEqual(['Imported 2 days of gains (2025-10-30 to 2025-10-31) for linkedin 2414183 (2 files, prototype): 2 days new or changed in 1 file.']);
    expect(code).toBe(0);
    expect(await readFile(join(home, 'lake', 'follower_gains', 'month=2025-10', 'linkedin-2414183-import.csv'), 'utf8')).toBe(
      [
        'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at',
        '2025-10-30,linkedin,2414183,9,1,10,import,2026-11-28T10:00:00.000Z',
        '2025-10-31,linkedin,2414183,11,,11,import,2026-11-28T10:00:00.000Z',
        '',
      ].join('\n'),
    );

    const empty = captureIo();
    expect(await runCli(['import', `s3://${BUCKET}/nothing-here/`, '--network', 'linkedin', '--home', home], env, empty.io)).toBe(2);
    expect(empty.err).toEqual([`Nothing to import under s3://${BUCKET}/nothing-here/: no .csv or .xlsx objects — check the bucket and prefix`]);
  });
});
