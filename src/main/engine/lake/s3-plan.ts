import { createHash } from 'node:crypto';

/**
 * Pure planning for S3 delivery and mirroring: which objects differ from which files. Both
 * sides name things by the same full key (prefix included), so comparing is a map lookup.
 */

export interface LocalFileDigest {
  key: string;
  size: number;
  /** Lower-case hex MD5 of the content. */
  md5: string;
}

export interface RemoteObjectInfo {
  key: string;
  size: number;
  /** As S3 reports it, usually quoted: `"9e107d9d372bb6826bd81d3542a419d6"`. */
  etag: string;
}

export function md5Hex(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

/** Content-MD5 header value: the same digest, base64. */
export function md5Base64(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('base64');
}

/** `"ABC"` / `W/"abc"` → `abc`. */
export function normalizeEtag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
}

/**
 * A key prefix as S3 wants it: no leading slash (an S3 key starting with `/` is a different
 * key, shown as an empty-named folder in the console), a trailing slash so `lake` and `lake2`
 * never share objects, and `''` for the bucket root.
 */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\\/g, '/').replace(/^\/+/, '').replace(/\/{2,}/g, '/');
  if (trimmed === '') return '';
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/**
 * For a single-part PUT the ETag is the MD5 of the content (SSE-S3 or none); a multipart or
 * SSE-KMS object has another ETag, which then never matches and is checked by metadata.
 */
export function sameContent(local: Pick<LocalFileDigest, 'size' | 'md5'>, remote: Pick<RemoteObjectInfo, 'size' | 'etag'>): boolean {
  return local.size === remote.size && normalizeEtag(remote.etag) === local.md5.toLowerCase();
}

/** Keys whose object is missing or differs (size or ETag) from the local file, in local order. */
export function planUploads(local: readonly LocalFileDigest[], remote: readonly RemoteObjectInfo[]): string[] {
  const byKey = new Map(remote.map((object) => [object.key, object]));
  return local.filter((file) => {
    const object = byKey.get(file.key);
    return object === undefined || !sameContent(file, object);
  }).map((file) => file.key);
}

/**
 * Keys to download: objects with no local file, or whose size or ETag differs from the local
 * file's. `local` holds the digests of the local files that exist (missing ones are absent).
 */
export function planDownloads(remote: readonly RemoteObjectInfo[], local: readonly LocalFileDigest[]): string[] {
  const byKey = new Map(local.map((file) => [file.key, file]));
  return remote.filter((object) => {
    const file = byKey.get(object.key);
    return file === undefined || !sameContent(file, object);
  }).map((object) => object.key);
}

/**
 * Keys planned only because the ETag differs while the size matches: for those the content
 * may still be equal (SSE-KMS ETags are not MD5s), so the caller asks the object's metadata.
 */
export function sizeOnlyMatches(planned: readonly string[], local: readonly LocalFileDigest[], remote: readonly RemoteObjectInfo[]): string[] {
  const localByKey = new Map(local.map((file) => [file.key, file]));
  const remoteByKey = new Map(remote.map((object) => [object.key, object]));
  return planned.filter((key) => {
    const file = localByKey.get(key);
    const object = remoteByKey.get(key);
    return file !== undefined && object !== undefined && file.size === object.size;
  });
}

/** A lake-relative key under a prefix; the prefix must already be normalised. */
export function remoteKey(prefix: string, key: string): string {
  return `${prefix}${key}`;
}

/** The lake-relative key of an object, or null when it is not under the prefix. */
export function relativeKey(prefix: string, key: string): string | null {
  return key.startsWith(prefix) ? key.slice(prefix.length) : null;
}

/** Anything whose name (any path segment) starts with `.` is temporary or hidden: never shipped. */
export function isHiddenKey(key: string): boolean {
  return key.split('/').some((segment) => segment.startsWith('.'));
}
