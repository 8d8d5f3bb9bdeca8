import type { Day } from '../dates';
import type { S3DeliveryState } from '../settings/state-store';
import { parseLakeKey } from './lake-layout';
import { decodeGains, type GainRow } from './lake-rows';
import { type CompatFile, prototypeCompatFiles } from './prototype-compat';
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
 * The prototype-compatible files a run's written gains files call for, for the days it wrote,
 * without reading any other lake file. `orgIds` are all tracked pages (their count decides
 * between the flat and the per-page layout).
 */
export function compatFilesForWritten(files: readonly WrittenLakeFile[], days: readonly Day[], orgIds: readonly string[], prefix: string): CompatFile[] {
  const wanted = new Set(days);
  const gainsByOrg = new Map<string, GainRow[]>();
  for (const file of files) {
    const info = parseLakeKey(file.key);
    if (info?.table !== 'follower_gains' || info.source !== 'api' || info.network !== 'linkedin') continue;
    if (!orgIds.includes(info.accountId!)) continue;
    const identity = { month: info.month!, network: info.network, accountId: info.accountId!, source: info.source };
    const rows = decodeGains(Buffer.from(file.body).toString('utf8'), file.key, identity).filter((row) => wanted.has(row.day));
    gainsByOrg.set(info.accountId!, [...(gainsByOrg.get(info.accountId!) ?? []), ...rows]);
  }
  if (gainsByOrg.size === 0) return [];
  return prototypeCompatFiles(orgIds.map((orgId) => ({ orgId, gains: gainsByOrg.get(orgId) ?? [] })), prefix);
}
