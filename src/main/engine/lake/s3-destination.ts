import { readFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import { nullLogger, type Logger } from '../log/logger';
import type { Settings } from '../../../shared/settings-schema';
import type { LakeDestination } from './lake-destination';
import { forEachLimited } from './for-each-limited';
import { type LakeWriteResult, type LocalLake, toLakeError } from './local-lake';
import { buildPrototypeCompatFiles, compatOrgIds } from './prototype-compat';
import { createS3Client, requireS3Settings, type S3Settings } from './s3-client';
import { classifyS3Error, mostSevere, s3Url, type S3Place } from './s3-errors';
import { listObjects, putLakeObject, storedMd5 } from './s3-objects';
import { isHiddenKey, md5Hex, normalizePrefix, planUploads, remoteKey, sizeOnlyMatches, type LocalFileDigest, type RemoteObjectInfo } from './s3-plan';

export { planUploads, normalizePrefix } from './s3-plan';

const UPLOAD_CONCURRENCY = 4;

export interface S3DestinationOptions {
  client: S3Client;
  lake: LocalLake;
  s3: S3Settings;
  /** LinkedIn page ids for the prototype-compatible files (used when s3.prototypeCompat.enabled). */
  compatOrgIds?: readonly string[];
  logger?: Logger;
}

/** What one delivery did; also kept on the destination as `lastResult`. */
export interface S3DeliveryResult {
  /** Objects written this time (full S3 keys, sorted). */
  uploadedKeys: string[];
  uploaded: number;
  bytes: number;
  /** Files already in the bucket with the same content. */
  skipped: number;
  failed: number;
}

interface Outgoing extends LocalFileDigest {
  body: Uint8Array;
  place: S3Place;
}

/**
 * Delivers the local lake (and, opted in, the prototype's daily files) to S3 by
 * reconciliation: every run compares every local file with the bucket by size and MD5 and
 * uploads what is missing or different. A run whose uploads failed is thus repaired by the
 * next one, an unchanged file is never uploaded twice, and nothing remote is ever deleted.
 */
export class S3LakeDestination implements LakeDestination {
  readonly name = 's3';
  lastResult: S3DeliveryResult | null = null;
  readonly #client: S3Client;
  readonly #lake: LocalLake;
  readonly #s3: S3Settings;
  readonly #orgIds: readonly string[];
  readonly #logger: Logger;
  readonly #lakePlace: S3Place;
  readonly #compatPlace: S3Place | null;

  constructor(options: S3DestinationOptions) {
    this.#client = options.client;
    this.#lake = options.lake;
    this.#s3 = options.s3;
    this.#orgIds = options.compatOrgIds ?? [];
    this.#logger = options.logger ?? nullLogger;
    const base = { bucket: options.s3.bucket.trim(), region: options.s3.region.trim() };
    this.#lakePlace = { ...base, prefix: normalizePrefix(options.s3.prefix) };
    this.#compatPlace = options.s3.prototypeCompat.enabled ? { ...base, prefix: normalizePrefix(options.s3.prototypeCompat.prefix) } : null;
  }

  /**
   * Uploads whatever differs, whatever `written` says: files a failed run left behind count too.
   * The counts are in `lastResult`. @throws AppError S3_* (see `reconcile`).
   */
  async deliver(_written?: LakeWriteResult): Promise<void> {
    await this.reconcile();
  }

  /**
   * Compares every local file with the bucket and uploads what is missing or different.
   * @throws AppError S3_* after trying every file, when the listing or any upload failed.
   */
  async reconcile(): Promise<S3DeliveryResult> {
    const outgoing = [...(await this.#lakeFiles()), ...(await this.#compatFiles())];
    const remote = await this.#listRemote();
    const planned = await this.#dropSameContent(planUploads(outgoing, remote), outgoing, remote);
    const byKey = new Map(outgoing.map((file) => [file.key, file]));
    const errors: AppError[] = [];
    const uploadedKeys: string[] = [];
    let bytes = 0;
    await forEachLimited(planned, UPLOAD_CONCURRENCY, async (key) => {
      const file = byKey.get(key)!;
      try {
        await putLakeObject(this.#client, { bucket: file.place.bucket, key, body: file.body, serverSideEncryption: this.#s3.serverSideEncryption });
        uploadedKeys.push(key);
        bytes += file.size;
      } catch (error) {
        const appError = classifyS3Error(error, file.place, 'upload');
        errors.push(appError);
        this.#logger.warn('s3.upload-failed', { key, code: appError.code, message: appError.message });
      }
    });
    const result: S3DeliveryResult = {
      uploadedKeys: uploadedKeys.sort(),
      uploaded: uploadedKeys.length,
      bytes,
      skipped: outgoing.length - planned.length,
      failed: errors.length,
    };
    this.lastResult = result;
    const { uploaded, skipped, failed } = result;
    this.#logger.info('s3.delivered', { target: s3Url(this.#lakePlace), uploaded, bytes, skipped, failed });
    const worst = mostSevere(errors);
    if (worst) {
      throw new AppError(worst.code, `${worst.message} (${errors.length} of ${planned.length} files not uploaded)`, {
        hint: worst.hint,
        retryable: worst.retryable,
        cause: worst,
      });
    }
    return result;
  }

  async #lakeFiles(): Promise<Outgoing[]> {
    const files: Outgoing[] = [];
    for (const key of await this.#lake.listFiles()) {
      if (isHiddenKey(key)) continue;
      const body = await this.#readLakeFile(key);
      // Gone since the listing: a concurrent writer would hold the lock, so it was never data.
      if (body === null) continue;
      files.push({ key: remoteKey(this.#lakePlace.prefix, key), size: body.byteLength, md5: md5Hex(body), body, place: this.#lakePlace });
    }
    return files;
  }

  async #readLakeFile(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.#lake.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toLakeError(this.#lake.dir, error, 'read');
    }
  }

  async #compatFiles(): Promise<Outgoing[]> {
    const place = this.#compatPlace;
    if (place === null) return [];
    const files = await buildPrototypeCompatFiles(this.#lake, this.#orgIds, place.prefix);
    return files.map((file) => ({ key: file.key, size: file.body.byteLength, md5: md5Hex(file.body), body: file.body, place }));
  }

  async #listRemote(): Promise<RemoteObjectInfo[]> {
    const places = [this.#lakePlace, ...(this.#compatPlace ? [this.#compatPlace] : [])].sort((a, b) => a.prefix.length - b.prefix.length);
    const needed: S3Place[] = [];
    // A prefix inside another is covered by the outer listing.
    for (const place of places) if (!needed.some((outer) => place.prefix.startsWith(outer.prefix))) needed.push(place);
    const objects: RemoteObjectInfo[] = [];
    for (const place of needed) {
      try {
        objects.push(...(await listObjects(this.#client, place.bucket, place.prefix)));
      } catch (error) {
        throw classifyS3Error(error, place, 'list');
      }
    }
    return objects;
  }

  /**
   * An object of the same size whose ETag is not the file's MD5 may still hold the same bytes
   * (SSE-KMS ETags are not MD5s); the MD5 our uploader stored with it settles it.
   */
  async #dropSameContent(planned: string[], local: readonly Outgoing[], remote: readonly RemoteObjectInfo[]): Promise<string[]> {
    const md5ByKey = new Map(local.map((file) => [file.key, file.md5]));
    const same = new Set<string>();
    await forEachLimited(sizeOnlyMatches(planned, local, remote), UPLOAD_CONCURRENCY, async (key) => {
      const stored = await storedMd5(this.#client, this.#lakePlace.bucket, key).catch(() => null);
      if (stored !== null && stored === md5ByKey.get(key)) same.add(key);
    });
    return planned.filter((key) => !same.has(key));
  }
}

/**
 * The S3 destination for a sync, or null when `s3.enabled` is false — in which case the AWS
 * SDK is never loaded.
 * @throws AppError SETTINGS_INVALID when S3 is enabled but its bucket or region is empty.
 */
export async function createS3Destination(settings: Settings, lake: LocalLake, logger: Logger): Promise<LakeDestination | null> {
  if (!settings.s3.enabled) return null;
  requireS3Settings(settings.s3);
  const client = await createS3Client(settings.s3);
  return new S3LakeDestination({ client, lake, s3: settings.s3, compatOrgIds: compatOrgIds(settings), logger });
}
