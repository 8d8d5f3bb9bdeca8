import type { AthenaClient, AthenaClientConfig } from '@aws-sdk/client-athena';
import type { Settings } from '../../../shared/settings-schema';
import type { AthenaErrorContext } from './athena-errors';

/** What the Athena side reads from settings: its own section, plus the bucket and AWS profile of S3. */
export type AthenaSettings = Pick<Settings, 'athena' | 's3'>;

// Each API call is small (start, poll, one page of rows); a hung connection must not hang the CLI.
const CONNECTION_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 60_000;

/** athena.region, else the S3 region (the lake's bucket usually sits where Athena runs), else the SDK's default chain. */
export function athenaRegion(settings: AthenaSettings): string | null {
  return settings.athena.region?.trim() || settings.s3.region.trim() || null;
}

export function athenaClientConfig(settings: AthenaSettings): AthenaClientConfig {
  const config: AthenaClientConfig = {
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  };
  const region = athenaRegion(settings);
  if (region) config.region = region;
  return config;
}

export function athenaErrorContext(settings: AthenaSettings): AthenaErrorContext {
  return {
    workgroup: settings.athena.workgroup,
    database: settings.athena.database,
    bucket: settings.s3.bucket.trim(),
    region: athenaRegion(settings),
  };
}

/**
 * An Athena client on the AWS SDK's own credential sources (the app never stores AWS keys):
 * the `s3.profile` profile when set, else the default chain. Imported lazily so commands that
 * never query Athena (sync) never load the SDK.
 */
export async function createAthenaClient(settings: AthenaSettings): Promise<AthenaClient> {
  const { AthenaClient } = await import('@aws-sdk/client-athena');
  const config = athenaClientConfig(settings);
  const profile = settings.s3.profile?.trim();
  if (profile) {
    const { fromIni } = await import('@aws-sdk/credential-providers');
    config.credentials = fromIni({ profile });
  }
  return new AthenaClient(config);
}
