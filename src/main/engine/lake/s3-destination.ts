import { readFile } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Day } from '../dates';
import { AppError } from '../errors';
import { nullLogger, type Logger } from '../log/logger';
import type { Settings } from '../../../shared/settings-schema';
import type { LakeDestination } from './lake-destination';
import { forEachLimited } from './for-each-limited';
import type { S3DeliveryState } from '../settings/state-store';
import { parseLakeKey } from './lake-layout';
import { type LakeWriteResult, type LocalLake, toLakeError } from './local-lake';
import { buildPrototypeCompatFiles, compatOrgIds } from './prototype-compat';
import { createS3Client, requireS3Settings, type S3Settings } from './s3-client';
import type { S3DeliveryLedger } from './s3-delivery-ledger';
import {
  compatFilesForWritten,
  deliveryTarget,
  fullReconcileReason,
  stateAfterChangedFiles,
  stateAfterFailedListing,
  stateAfterReconcile,
  type FullReconcileReason,
} from './s3-delivery-plan';
import { classifyS3Error, mostSevere, s3Url, type S3Place } from './s3-errors';
import { listObjects, putLakeObject, storedMd5 } from './s3-objects';
import { isHiddenKey, md5Hex, normalizePrefix, planUploads, relativeKey, remoteKey, sizeOnlyMatches, type LocalFileDigest, type RemoteObjectInfo } from './s3-plan';

export { planUploads, normalizePrefix } from './s3-plan';

const UPLOAD_CONCURRENCY = 4;

export interface S3DestinationOptions {
  client: S3Client;
  lake: LocalLake;
  s3: S3Settings;
  /** LinkedIn page ids for the prototype-compatible files (used when s3.prototypeCompat.enabled). */
  compatOrgIds?: readonly string[];
  logger?: Logger;
  /**
   * Remembers failed uploads and the last whole-lake comparison between runs. With one, a
   * delivery uploads only the files the run wrote; without one, every delivery compares the
   * whole lake with the bucket.
   */
  ledger?: S3DeliveryLedger;
  now?: () => Date;
  /** Reads a lake file by its local path; a test counts lake reads through it. */
  readLakeFile?: (path: string) => Promise<Buffer>;
}

/** What one delivery did; also kept on the destination as `lastResult`. */
export interface S3DeliveryResult {
  /** `changed`: only the files the run wrote; `reconcile`: the whole lake compared with the bucket. */
  mode: 'changed' | 'reconcile';
  /** Why the whole lake was compared (reconcile only). */
  reason: FullReconcileReason | 'check' | null;
  /** Objects written this time (full S3 keys, sorted). */
  uploadedKeys: string[];
  uploaded: number;
  bytes: number;
  /** Files already in the bucket with the same content. */
  skipped: number;
  failed: number;
  /** Objects that could not be written (full S3 keys, sorted); the next run retries them. */
  failedKeys: string[];
  /** Lake files in the bucket with no local counterpart (reconcile only; never deleted). */
  remoteOnlyKeys: string[];
}

interface Outgoing extends LocalFileDigest {
  /** Null for a lake file compared by digest alone: it is read again only if it goes up. */
  body: Uint8Array | null;
  /** Lake-relative key, for lake files. */
  lakeKey?: string;
  place: S3Place;
}

interface UploadOutcome {
  uploadedKeys: string[];
  failedKeys: string[];
  bytes: number;
  errors: AppError[];
}

/**
 * Delivers the local lake (and, opted in, the prototype's daily files) to S3.
 *
 * An ordinary run uploads exactly the files it wrote: no listing, no reading or hashing of
 * files it did not touch. The whole lake is compared with the bucket (size and MD5 of every
 * file) only when that cannot be trusted: the first delivery to a place, uploads a run could
 * not make (remembered in the ledger), a weekly check, or on request (`mirror --check`).
 * Nothing remote is ever deleted.
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
  readonly #ledger: S3DeliveryLedger | null;
  readonly #now: () => Date;
  readonly #read: (path: string) => Promise<Buffer>;
  readonly #target: string;

  constructor(options: S3DestinationOptions) {
    this.#client = options.client;
    this.#lake = options.lake;
    this.#s3 = options.s3;
    this.#orgIds = options.compatOrgIds ?? [];
    this.#logger = options.logger ?? nullLogger;
    this.#ledger = options.ledger ?? null;
    this.#now = options.now ?? (() => new Date());
    this.#read = options.readLakeFile ?? ((path) => readFile(path));
    const base = { bucket: options.s3.bucket.trim(), region: options.s3.region.trim() };
    this.#lakePlace = { ...base, prefix: normalizePrefix(options.s3.prefix) };
    this.#compatPlace = options.s3.prototypeCompat.enabled ? { ...base, prefix: normalizePrefix(options.s3.prototypeCompat.prefix) } : null;
    this.#target = deliveryTarget(options.s3, this.#orgIds);
  }

  /**
   * Delivers a run's written files (lake-relative keys, the run's own sync_runs row included),
   * or compares the whole lake when the ledger says it is due. The counts are in `lastResult`.
   * @throws AppError S3_* after trying every file, when the listing or any upload failed.
   */
  async deliver(written?: LakeWriteResult): Promise<void> {
    const files = written?.filesWritten ?? [];
    const days = written?.daysWritten ?? [];
    if (this.#ledger === null) {
      await this.reconcile();
      return;
    }
    const state = await this.#ledger.read();
    const reason = fullReconcileReason(state, this.#target, this.#now());
    if (reason === null) await this.#deliverWritten(state!, files, days);
    else await this.#reconcileWith(reason, state, files, days);
  }

  /**
   * Compares every local file with the bucket and uploads what is missing or different, then
   * tells the ledger the bucket is whole again (or what is still pending).
   * @throws AppError S3_* after trying every file, when the listing or any upload failed.
   */
  async reconcile(reason: S3DeliveryResult['reason'] = 'check'): Promise<S3DeliveryResult> {
    const state = this.#ledger === null ? null : await this.#ledger.read();
    return this.#reconcileWith(reason, state, [], []);
  }

  async #reconcileWith(
    reason: S3DeliveryResult['reason'],
    state: S3DeliveryState | null,
    writtenKeys: readonly string[],
    writtenDays: readonly Day[],
  ): Promise<S3DeliveryResult> {
    const outgoing = [...(await this.#lakeFiles()), ...(await this.#compatFiles())];
    let remote: RemoteObjectInfo[];
    try {
      remote = await this.#listRemote();
    } catch (listError) {
      await this.#sendDespiteFailedListing(state, writtenKeys, writtenDays);
      throw listError;
    }
    const planned = await this.#dropSameContent(planUploads(outgoing, remote), outgoing, remote);
    const byKey = new Map(outgoing.map((file) => [file.key, file]));
    const outcome = await this.#upload(planned.map((key) => byKey.get(key)!));
    await this.#remember(stateAfterReconcile(this.#target, this.#now(), outcome.failedKeys), state);
    return this.#finish(outcome, { mode: 'reconcile', reason, skipped: outgoing.length - planned.length, remoteOnlyKeys: this.#remoteOnly(outgoing, remote) });
  }

  /** Without a listing nothing can be compared, but what this run wrote still goes up. */
  async #sendDespiteFailedListing(state: S3DeliveryState | null, writtenKeys: readonly string[], writtenDays: readonly Day[]): Promise<void> {
    const files = await this.#writtenFiles(writtenKeys, writtenDays);
    const outcome = files.length === 0 ? null : await this.#upload(files);
    const next = stateAfterFailedListing(state, this.#target, outcome?.failedKeys ?? []);
    if (next !== null) await this.#remember(next, state);
  }

  async #deliverWritten(state: S3DeliveryState, writtenKeys: readonly string[], writtenDays: readonly Day[]): Promise<S3DeliveryResult> {
    const files = await this.#writtenFiles(writtenKeys, writtenDays);
    const outcome = await this.#upload(files);
    await this.#remember(stateAfterChangedFiles(state, outcome.failedKeys), state);
    return this.#finish(outcome, { mode: 'changed', reason: null, skipped: 0, remoteOnlyKeys: [] });
  }

  /** The run's written lake files, read once, plus the compat files their new days call for. */
  async #writtenFiles(keys: readonly string[], days: readonly Day[]): Promise<Outgoing[]> {
    const files: Outgoing[] = [];
    for (const key of [...new Set(keys)].sort()) {
      if (isHiddenKey(key) || parseLakeKey(key) === null) continue;
      const body = await this.#readLakeFile(key);
      if (body !== null) files.push({ ...this.#outgoing(remoteKey(this.#lakePlace.prefix, key), body, this.#lakePlace), lakeKey: key });
    }
    const place = this.#compatPlace;
    if (place === null) return files;
    const lakeFiles = files.map((file) => ({ key: file.lakeKey!, body: file.body! }));
    const compat = await compatFilesForWritten(this.#lake.dir, lakeFiles, days, this.#orgIds, place.prefix);
    return [...files, ...compat.map((file) => this.#outgoing(file.key, file.body, place))];
  }

  #outgoing(key: string, body: Uint8Array, place: S3Place): Outgoing {
    return { key, size: body.byteLength, md5: md5Hex(body), body, place };
  }

  async #upload(files: readonly Outgoing[]): Promise<UploadOutcome> {
    const outcome: UploadOutcome = { uploadedKeys: [], failedKeys: [], bytes: 0, errors: [] };
    await forEachLimited(files, UPLOAD_CONCURRENCY, async (file) => {
      // A lake that cannot be read is the lake's failure, not S3's: it is not caught here.
      const body = file.body ?? (await this.#readLakeFile(file.lakeKey!));
      // Gone since it was compared: a concurrent writer would hold the lock, so it was never data.
      if (body === null) return;
      try {
        await putLakeObject(this.#client, { bucket: file.place.bucket, key: file.key, body, serverSideEncryption: this.#s3.serverSideEncryption });
        outcome.uploadedKeys.push(file.key);
        outcome.bytes += file.size;
      } catch (error) {
        const appError = classifyS3Error(error, file.place, 'upload');
        outcome.errors.push(appError);
        outcome.failedKeys.push(file.key);
        this.#logger.warn('s3.upload-failed', { key: file.key, code: appError.code, message: appError.message });
      }
    });
    return outcome;
  }

  #finish(outcome: UploadOutcome, extra: Pick<S3DeliveryResult, 'mode' | 'reason' | 'skipped' | 'remoteOnlyKeys'>): S3DeliveryResult {
    const result: S3DeliveryResult = {
      ...extra,
      uploadedKeys: outcome.uploadedKeys.sort(),
      uploaded: outcome.uploadedKeys.length,
      bytes: outcome.bytes,
      failed: outcome.errors.length,
      failedKeys: outcome.failedKeys.sort(),
    };
    this.lastResult = result;
    const { mode, reason, uploaded, bytes, skipped, failed } = result;
    this.#logger.info('s3.delivered', { target: s3Url(this.#lakePlace), mode, reason, uploaded, bytes, skipped, failed });
    const worst = mostSevere(outcome.errors);
    if (worst) {
      const attempted = outcome.uploadedKeys.length + outcome.failedKeys.length;
      throw new AppError(worst.code, `${worst.message} (${outcome.errors.length} of ${attempted} files not uploaded)`, {
        hint: worst.hint,
        retryable: worst.retryable,
        cause: worst,
      });
    }
    return result;
  }

  /** A ledger write that fails costs only a repeated comparison next run; it never fails delivery. */
  async #remember(next: S3DeliveryState, previous: S3DeliveryState | null): Promise<void> {
    if (this.#ledger === null || JSON.stringify(next) === JSON.stringify(previous)) return;
    try {
      await this.#ledger.write(next);
    } catch (error) {
      this.#logger.warn('s3.state-write-failed', { message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Every lake file's digest; the bytes are dropped so a large lake does not sit in memory. */
  async #lakeFiles(): Promise<Outgoing[]> {
    const files: Outgoing[] = [];
    for (const key of await this.#lake.listFiles()) {
      if (isHiddenKey(key)) continue;
      const body = await this.#readLakeFile(key);
      // Gone since the listing: a concurrent writer would hold the lock, so it was never data.
      if (body === null) continue;
      files.push({ ...this.#outgoing(remoteKey(this.#lakePlace.prefix, key), body, this.#lakePlace), body: null, lakeKey: key });
    }
    return files;
  }

  async #readLakeFile(key: string): Promise<Buffer | null> {
    try {
      return await this.#read(this.#lake.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toLakeError(this.#lake.dir, error, 'read');
    }
  }

  async #compatFiles(): Promise<Outgoing[]> {
    const place = this.#compatPlace;
    if (place === null) return [];
    const files = await buildPrototypeCompatFiles(this.#lake, this.#orgIds, place.prefix);
    return files.map((file) => this.#outgoing(file.key, file.body, place));
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

  /** Lake data objects under the prefix that no local file matches by key (a check reports them). */
  #remoteOnly(local: readonly Outgoing[], remote: readonly RemoteObjectInfo[]): string[] {
    const localKeys = new Set(local.map((file) => file.key));
    return remote
      .filter((object) => {
        const key = relativeKey(this.#lakePlace.prefix, object.key);
        return key !== null && !localKeys.has(object.key) && !isHiddenKey(key) && parseLakeKey(key) !== null;
      })
      .map((object) => object.key)
      .sort();
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

export interface S3DestinationExtras {
  ledger?: S3DeliveryLedger;
  now?: () => Date;
}

/**
 * The S3 destination for a sync, or null when `s3.enabled` is false — in which case the AWS
 * SDK is never loaded. With a ledger (the home's state) a run uploads only what it wrote.
 * @throws AppError SETTINGS_INVALID when S3 is enabled but its bucket or region is empty.
 */
export async function createS3Destination(settings: Settings, lake: LocalLake, logger: Logger, extras: S3DestinationExtras = {}): Promise<S3LakeDestination | null> {
  if (!settings.s3.enabled) return null;
  requireS3Settings(settings.s3);
  const client = await createS3Client(settings.s3);
  return new S3LakeDestination({ client, lake, s3: settings.s3, compatOrgIds: compatOrgIds(settings), logger, ...extras });
}
