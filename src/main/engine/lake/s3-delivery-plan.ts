import type { Day } from '../dates';
import type { S3DeliveryState } from '../settings/state-store';
import { type LakeSource, parseLakeKey } from './lake-layout';
import { decodeGains, type GainRow } from './lake-rows';
import { LocalLake } from './local-lake';
import { buildPrototypeCompatFiles } from './prototype-compat';
import type { S3Settings } from './s3-client';
import { normalizePrefix } from './s3-plan';

/**
 * Pure rules of delta delivery: when a run may upload only what it wrote, and when the bucket
 * must be compared with the whole lake (list + MD5 of every file) instead.
 */

/** A bucket nobody has touched by hand still gets compared with the lake this often. */
export const FULL_RECONCILE_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;

export type FullReconcileReason = 'first-delivery' | 'target-changed' | 'pending' | 'weekly';

/**
 * Names where and in what shape the lake is delivered. When it changes (another bucket, prefix,
 * endpoint, compat layout or set of pages) what the state remembers says nothing about the new
 * place, so the next delivery compares everything.
 */
export function deliveryTarget(s3: S3Settings, compatOrgIds: readonly string[]): string {
  const compat = s3.prototypeCompat.enabled ? { prefix: normalizePrefix(s3.prototypeCompat.prefix), pages: [...compatOrgIds].sort() } : null;
  return JSON.stringify({ endpoint: s3.endpoint ?? null, bucket: s3.bucket.trim(), prefix: normalizePrefix(s3.prefix), compat });
}

/** Why this delivery must compare the whole lake with the bucket, or null when the run's own files suffice. */
export function fullReconcileReason(state: S3DeliveryState | null | undefined, target: string, now: Date): FullReconcileReason | null {
  if (!state) return 'first-delivery';
  if (state.target !== target) return 'target-changed';
  if (state.pending.length > 0) return 'pending';
  const last = state.lastFullReconcileAt === null ? Number.NaN : Date.parse(state.lastFullReconcileAt);
  if (Number.isNaN(last) || now.getTime() - last >= FULL_RECONCILE_INTERVAL_MS) return 'weekly';
  return null;
}

function sortedUnique(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}

/** After a whole-lake comparison: whatever still failed is pending, and the clock restarts. */
export function stateAfterReconcile(target: string, now: Date, failedKeys: readonly string[]): S3DeliveryState {
  return { target, pending: sortedUnique(failedKeys), lastFullReconcileAt: now.toISOString() };
}

/** After uploading a run's own files (nothing was pending before): the failed ones are pending. */
export function stateAfterChangedFiles(state: S3DeliveryState, failedKeys: readonly string[]): S3DeliveryState {
  return { ...state, pending: sortedUnique(failedKeys) };
}

/**
 * The bucket could not be listed, so nothing was compared: keep what was pending, add what
 * this run could not send, and leave the comparison due. Null when there is nothing to remember
 * (the reason for the comparison still holds next run).
 */
export function stateAfterFailedListing(state: S3DeliveryState | null | undefined, target: string, unsentKeys: readonly string[]): S3DeliveryState | null {
  if (state && state.target === target) return { ...state, pending: sortedUnique([...state.pending, ...unsentKeys]) };
  if (unsentKeys.length === 0) return null;
  return { target, pending: sortedUnique(unsentKeys), lastFullReconcileAt: null };
}

export interface WrittenLakeFile {
  /** Lake-relative key. */
  key: string;
  body: Uint8Array;
}

/**
 * The lake as far as this run wrote it: gains rows come from the written files' bytes (already
 * read for the upload), and only for the days the run wrote. The compat files built from this
 * view are exactly the ones those days call for, and no other lake file is read.
 */
export class WrittenGainsView extends LocalLake {
  readonly #rows: GainRow[];

  constructor(dir: string, files: readonly WrittenLakeFile[], days: readonly Day[]) {
    super(dir);
    const wanted = new Set(days);
    this.#rows = files.flatMap((file) => {
      const info = parseLakeKey(file.key);
      if (info?.table !== 'follower_gains') return [];
      const identity = { month: info.month!, network: info.network!, accountId: info.accountId!, source: info.source! };
      return decodeGains(Buffer.from(file.body).toString('utf8'), file.key, identity).filter((row) => wanted.has(row.day));
    });
  }

  override readGains(network: string, accountId: string, source?: LakeSource): Promise<GainRow[]> {
    return Promise.resolve(this.#rows.filter((r) => r.network === network && r.accountId === accountId && (source === undefined || r.source === source)));
  }
}

/**
 * The prototype-compatible files a run's written gains files call for, for the days it wrote.
 * `orgIds` are all tracked pages (their count decides between the flat and per-page layout).
 */
export function compatFilesForWritten(
  lakeDir: string,
  files: readonly WrittenLakeFile[],
  days: readonly Day[],
  orgIds: readonly string[],
  prefix: string,
): Promise<{ key: string; body: Buffer }[]> {
  if (days.length === 0 || !files.some((file) => parseLakeKey(file.key)?.table === 'follower_gains')) return Promise.resolve([]);
  return buildPrototypeCompatFiles(new WrittenGainsView(lakeDir, files, days), orgIds, prefix);
}
