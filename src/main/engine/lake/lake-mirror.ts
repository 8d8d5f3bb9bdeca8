import { readFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { AppError, toAppError } from '../errors';
import { nullLogger, type Logger } from '../log/logger';
import type { Settings } from '../../../shared/settings-schema';
import { acquireLock } from '../lock/lake-lock';
import { writeFileAtomic } from '../atomic-write';
import { parseLakeKey } from './lake-layout';
import { type LocalLake, toLakeError } from './local-lake';
import { createS3Client, requireS3Settings, type S3Settings } from './s3-client';
import { forEachLimited } from './for-each-limited';
import { classifyS3Error, mostSevere, s3Url, type S3Place } from './s3-errors';
import { getObjectBytes, listObjects, storedMd5 } from './s3-objects';
import { StateStore } from '../settings/state-store';
import { compatOrgIds } from './prototype-compat';
import { stateStoreLedger } from './s3-delivery-ledger';
import { S3LakeDestination, type S3DeliveryResult } from './s3-destination';
import { isHiddenKey, md5Hex, normalizePrefix, planDownloads, relativeKey, sizeOnlyMatches, type LocalFileDigest, type RemoteObjectInfo } from './s3-plan';

/**
 * `follower-pulse mirror`: pulls the bucket's lake into the local lake, for an analyst PC that
 * reads what a server wrote. Objects are compared with local files by size and MD5 and only
 * differing ones are downloaded; the bucket's copy wins. Local files are never deleted, and
 * only lake data files are taken (anything else under the prefix, such as the prototype's
 * files, is left alone).
 */

const DOWNLOAD_CONCURRENCY = 4;

export interface MirrorProgress {
  /** Files downloaded so far, this one included. */
  done: number;
  /** Files this run downloads. */
  total: number;
  /** Lake-relative key just written. */
  key: string;
}

export interface MirrorResult {
  /** `s3://bucket/prefix/` mirrored from. */
  source: string;
  downloaded: number;
  /** Lake files already identical locally. */
  skipped: number;
  bytes: number;
  /** Lake-relative keys written, sorted. */
  downloadedKeys: string[];
}

export interface PullOptions {
  client: S3Client;
  lake: LocalLake;
  s3: S3Settings;
  logger?: Logger;
  progress?: (event: MirrorProgress) => void;
}

export interface MirrorOptions extends Omit<PullOptions, 's3' | 'client'> {
  settings: Settings;
  /** The home folder holding `sync.lock`. */
  home: string;
  /** Recorded in the lock: `cli`, `tray`, `ui`. */
  trigger?: string;
  /** Defaults to a client built from `settings.s3`. */
  client?: S3Client;
}

/**
 * Mirrors the bucket's lake into `lake` while holding the sync lock, as every writer of the
 * lake does. For the CLI, the tray and the UI alike.
 * @throws AppError SETTINGS_INVALID (S3 not set up), LOCK_HELD, S3_*, LAKE_WRITE_FAILED.
 */
export async function mirrorLake(options: MirrorOptions): Promise<MirrorResult> {
  requireS3Settings(options.settings.s3);
  const lock = await acquireLock(options.home, { trigger: options.trigger ?? 'cli' });
  let ownClient: S3Client | null = null;
  try {
    const client = options.client ?? (ownClient = await createS3Client(options.settings.s3));
    return await pullLake({ ...options, client, s3: options.settings.s3 });
  } finally {
    // Its keep-alive sockets would otherwise keep a CLI process waiting.
    ownClient?.destroy();
    await lock.release();
  }
}

export interface BucketCheckOptions {
  settings: Settings;
  lake: LocalLake;
  /** The home folder holding `sync.lock` and the delivery state. */
  home: string;
  trigger?: string;
  now?: () => Date;
  logger?: Logger;
  /** Defaults to a client built from `settings.s3`. */
  client?: S3Client;
}

export interface BucketCheckResult extends S3DeliveryResult {
  /** `s3://bucket/prefix/` checked. */
  target: string;
  /** Why some uploads failed (they stay pending); null when the bucket is whole. */
  error: AppError | null;
}

/**
 * `follower-pulse mirror --check`: the other direction, for the machine that syncs. Compares
 * every local lake file (and compat file) with the bucket, uploads what is missing or differs,
 * and reports bucket lake files with no local counterpart (never deleted). Clears what
 * delivery had pending and restarts its weekly clock. Holds the sync lock.
 * Failed uploads are reported in the result (and stay pending for the next sync).
 * @throws AppError SETTINGS_INVALID, LOCK_HELD, S3_* (the bucket could not be listed), LAKE_WRITE_FAILED.
 */
export async function checkBucket(options: BucketCheckOptions): Promise<BucketCheckResult> {
  requireS3Settings(options.settings.s3);
  const lock = await acquireLock(options.home, { trigger: options.trigger ?? 'cli' });
  let ownClient: S3Client | null = null;
  try {
    const s3 = options.settings.s3;
    const client = options.client ?? (ownClient = await createS3Client(s3));
    await options.lake.cleanupTemporaryFiles();
    const destination = new S3LakeDestination({
      client,
      lake: options.lake,
      s3,
      compatOrgIds: compatOrgIds(options.settings),
      logger: options.logger,
      ledger: stateStoreLedger(new StateStore(options.home)),
      now: options.now,
    });
    const target = s3Url({ bucket: s3.bucket.trim(), prefix: normalizePrefix(s3.prefix), region: s3.region.trim() });
    try {
      return { ...(await destination.reconcile('check')), target, error: null };
    } catch (error) {
      // Uploads were tried and some failed: that is a finding to report, not a crash.
      if (destination.lastResult === null) throw error;
      return { ...destination.lastResult, target, error: toAppError(error) };
    }
  } finally {
    ownClient?.destroy();
    await lock.release();
  }
}

/** The mirror itself; the caller holds the sync lock. */
export async function pullLake(options: PullOptions): Promise<MirrorResult> {
  const logger = options.logger ?? nullLogger;
  const place: S3Place = { bucket: options.s3.bucket.trim(), prefix: normalizePrefix(options.s3.prefix), region: options.s3.region.trim() };
  await options.lake.cleanupTemporaryFiles();
  const remote = await listLakeObjects(options.client, place);
  const local = await localDigests(options.lake, remote);
  const planned = await dropSameContent(options.client, place, planDownloads(remote, local), local, remote);

  const errors: AppError[] = [];
  const downloadedKeys: string[] = [];
  let bytes = 0;
  await forEachLimited(planned, DOWNLOAD_CONCURRENCY, async (key) => {
    try {
      const body = await download(options.client, place, key);
      await writeLakeFile(options.lake, key, body);
      downloadedKeys.push(key);
      bytes += body.byteLength;
      options.progress?.({ done: downloadedKeys.length, total: planned.length, key });
    } catch (error) {
      const appError = toAppError(error, 'S3_READ_FAILED');
      errors.push(appError);
      logger.warn('mirror.download-failed', { key, code: appError.code, message: appError.message });
    }
  });
  const result: MirrorResult = {
    source: s3Url(place),
    downloaded: downloadedKeys.length,
    skipped: remote.length - planned.length,
    bytes,
    downloadedKeys: downloadedKeys.sort(),
  };
  logger.info('mirror.finished', { source: result.source, downloaded: result.downloaded, skipped: result.skipped, bytes, failed: errors.length });
  const worst = mostSevere(errors);
  if (worst) {
    throw new AppError(worst.code, `${worst.message} (${errors.length} of ${planned.length} files not downloaded)`, {
      hint: worst.hint,
      retryable: worst.retryable,
      cause: worst,
    });
  }
  return result;
}

/** Lake data files under the prefix, keyed lake-relative; nothing else is ever written locally. */
async function listLakeObjects(client: S3Client, place: S3Place): Promise<RemoteObjectInfo[]> {
  let objects: RemoteObjectInfo[];
  try {
    objects = await listObjects(client, place.bucket, place.prefix);
  } catch (error) {
    throw classifyS3Error(error, place, 'list');
  }
  const lakeObjects: RemoteObjectInfo[] = [];
  for (const object of objects) {
    const key = relativeKey(place.prefix, object.key);
    // parseLakeKey also keeps `..` and odd names out of local paths.
    if (key === null || isHiddenKey(key) || parseLakeKey(key) === null) continue;
    lakeObjects.push({ ...object, key });
  }
  return lakeObjects;
}

async function localDigests(lake: LocalLake, remote: readonly RemoteObjectInfo[]): Promise<LocalFileDigest[]> {
  const digests: LocalFileDigest[] = [];
  for (const { key } of remote) {
    const body = await readLocal(lake, key);
    if (body !== null) digests.push({ key, size: body.byteLength, md5: md5Hex(body) });
  }
  return digests;
}

async function readLocal(lake: LocalLake, key: string): Promise<Buffer | null> {
  try {
    return await readFile(lake.pathOf(key));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toLakeError(lake.dir, error, 'read');
  }
}

/** Same size, different ETag: an SSE-KMS object may still hold the same bytes; its stored MD5 tells. */
async function dropSameContent(
  client: S3Client,
  place: S3Place,
  planned: string[],
  local: readonly LocalFileDigest[],
  remote: readonly RemoteObjectInfo[],
): Promise<string[]> {
  const md5ByKey = new Map(local.map((file) => [file.key, file.md5]));
  const same = new Set<string>();
  await forEachLimited(sizeOnlyMatches(planned, local, remote), DOWNLOAD_CONCURRENCY, async (key) => {
    const stored = await storedMd5(client, place.bucket, `${place.prefix}${key}`).catch(() => null);
    if (stored !== null && stored === md5ByKey.get(key)) same.add(key);
  });
  return planned.filter((key) => !same.has(key));
}

async function download(client: S3Client, place: S3Place, key: string): Promise<Uint8Array> {
  try {
    return await getObjectBytes(client, place.bucket, `${place.prefix}${key}`);
  } catch (error) {
    throw classifyS3Error(error, place, 'download');
  }
}

async function writeLakeFile(lake: LocalLake, key: string, body: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(lake.pathOf(key), body);
  } catch (error) {
    throw toLakeError(lake.dir, error, 'write');
  }
}
