import type { S3Client } from '@aws-sdk/client-s3';
import { md5Base64, md5Hex, normalizeEtag, type RemoteObjectInfo } from './s3-plan';

/**
 * The few S3 calls the lake needs. Commands are imported lazily like the client, so nothing
 * here loads the AWS SDK until S3 is actually used.
 */

/** User metadata holding the content MD5: where the ETag is not one (SSE-KMS), this still is. */
export const MD5_METADATA_KEY = 'md5';

export type ServerSideEncryptionSetting = 'bucket-default' | 'AES256';

export interface PutLakeObject {
  bucket: string;
  key: string;
  body: Uint8Array;
  serverSideEncryption: ServerSideEncryptionSetting;
}

/**
 * Every object under `prefix`, following continuation tokens. No delimiter: a delimiter
 * listing returns folders, not files, and some S3-compatible servers drop nested folders.
 */
export async function listObjects(client: S3Client, bucket: string, prefix: string): Promise<RemoteObjectInfo[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const objects: RemoteObjectInfo[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (object.Key === undefined) continue;
      objects.push({ key: object.Key, size: object.Size ?? 0, etag: object.ETag ?? '' });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

/**
 * A single-part PUT, so the ETag is the MD5 we compare with next time. Content-MD5 makes S3
 * reject a body damaged on the way instead of storing it.
 */
export async function putLakeObject(client: S3Client, object: PutLakeObject): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutObjectCommand({
      Bucket: object.bucket,
      Key: object.key,
      Body: object.body,
      ContentLength: object.body.byteLength,
      ContentType: 'text/csv; charset=utf-8',
      ContentMD5: md5Base64(object.body),
      Metadata: { [MD5_METADATA_KEY]: md5Hex(object.body) },
      ...(object.serverSideEncryption === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : {}),
    }),
  );
}

/** Named like an SDK error so classifyS3Error reports it as a failed download. */
class DownloadCheckError extends Error {
  constructor(key: string, detail: string) {
    super(`${key}: ${detail}`);
    this.name = 'IncompleteDownload';
  }
}

/** The whole object; a body shorter or longer than announced is an error, never a file. */
export async function getObjectBytes(client: S3Client, bucket: string, key: string): Promise<Uint8Array> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const bytes = (await response.Body?.transformToByteArray()) ?? new Uint8Array();
  if (response.ContentLength !== undefined && response.ContentLength !== bytes.byteLength) {
    throw new DownloadCheckError(key, `got ${bytes.byteLength} of ${response.ContentLength} bytes`);
  }
  const etag = response.ETag ? normalizeEtag(response.ETag) : null;
  const declared = response.Metadata?.[MD5_METADATA_KEY];
  // Only an MD5 we can trust is checked: our own metadata, or a plain single-part ETag.
  const expectedMd5 = declared ?? (etag && /^[0-9a-f]{32}$/.test(etag) && response.ServerSideEncryption !== 'aws:kms' ? etag : null);
  if (expectedMd5 && md5Hex(bytes) !== expectedMd5) throw new DownloadCheckError(key, 'content does not match its MD5');
  return bytes;
}

/** The MD5 our uploader stored with the object, or null when it has none. */
export async function storedMd5(client: S3Client, bucket: string, key: string): Promise<string | null> {
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  const response = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  const value = response.Metadata?.[MD5_METADATA_KEY];
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value) ? value : null;
}
