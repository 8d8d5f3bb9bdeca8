import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { AppError } from '../errors';
import type { Settings } from '../../../shared/settings-schema';

export type S3Settings = Settings['s3'];

// A hung connection must not hold the sync lock for ever; a lake file is a few KB, so two
// minutes for one request is generous even on a poor line.
const CONNECTION_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;

/** The settings keys still empty before S3 can be used (pure; `s3.enabled` included). */
export function missingS3Settings(s3: S3Settings): string[] {
  const missing: string[] = [];
  if (!s3.enabled) missing.push('s3.enabled');
  if (s3.bucket.trim() === '') missing.push('s3.bucket');
  if (s3.region.trim() === '') missing.push('s3.region');
  return missing;
}

/** Throws SETTINGS_INVALID (exit 2) naming every S3 setting still to fill in. */
export function requireS3Settings(s3: S3Settings): void {
  const missing = missingS3Settings(s3);
  if (missing.length === 0) return;
  const what = missing.map((key) => (key === 's3.enabled' ? 's3.enabled is off' : `${key} is empty`)).join(', ');
  throw new AppError('SETTINGS_INVALID', `S3 is not set up: ${what}`, {
    hint: 'set s3.enabled to true and fill in s3.bucket and s3.region (Settings › S3 or settings.json)',
  });
}

/** Pure: the client configuration for these settings, credentials aside. */
export function s3ClientConfig(s3: S3Settings): S3ClientConfig {
  const config: S3ClientConfig = {
    region: s3.region.trim(),
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  };
  if (s3.endpoint) {
    config.endpoint = s3.endpoint;
    config.forcePathStyle = s3.forcePathStyle;
    // S3-compatible servers often store the SDK's aws-chunked checksum framing as part of the
    // object (s3rver does, silently), so only send checksums an operation requires.
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  } else if (s3.forcePathStyle) {
    config.forcePathStyle = true;
  }
  return config;
}

/**
 * An S3 client using only the AWS SDK's own credential sources (contract §4: the app never
 * stores AWS keys): the `s3.profile` profile when set, else the default chain (environment,
 * SSO, shared config, instance role). The SDK is imported here, lazily, so a sync without S3
 * never loads it.
 */
export async function createS3Client(s3: S3Settings): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  const config = s3ClientConfig(s3);
  const profile = s3.profile?.trim();
  if (profile) {
    const { fromIni } = await import('@aws-sdk/credential-providers');
    config.credentials = fromIni({ profile });
  }
  return new S3Client(config);
}
