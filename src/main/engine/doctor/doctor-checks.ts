import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../shared/settings-schema';
import type { DoctorCheck } from '../../../shared/ui-api';
import { isAppError } from '../errors';
import { fail } from './failed-check';
import type { SecretStore } from '../secrets/secret-store';
import { SOURCES } from '../sources/registry';

/**
 * Each check answers one question a user would ask before trusting the daily job, and says
 * how to fix what is wrong. Checks never throw: a failure is a `fail` row.
 */
export type Check = () => Promise<DoctorCheck>;


/** `networks`: those with a tracked account; a network nobody uses needs no token (default: the first). */
export async function checkKeychain(secrets: SecretStore, networks: readonly string[] = []): Promise<DoctorCheck> {
  const title = 'Keychain';
  const used = SOURCES.filter((s) => networks.includes(s.id));
  try {
    const fromEnvironment: string[] = [];
    for (const source of used.length > 0 ? used : SOURCES.slice(0, 1)) if ((await secrets.source(source.token.accessSecret)) === 'environment') fromEnvironment.push(source.displayName);
    const detail = fromEnvironment.length === 0 ? 'reachable' : `reachable; the ${fromEnvironment.join(', ')} token comes from the environment`;
    return { id: 'keychain', title, status: 'ok', detail };
  } catch (error) {
    return fail('keychain', title, error);
  }
}

export async function checkLakeWritable(lakeDir: string): Promise<DoctorCheck> {
  const title = 'Local data folder';
  const probe = join(lakeDir, `.doctor-probe-${randomBytes(4).toString('hex')}`);
  try {
    await fs.mkdir(lakeDir, { recursive: true });
    await fs.writeFile(probe, 'probe');
    await fs.rm(probe);
    return { id: 'lake', title, status: 'ok', detail: `${lakeDir} is writable` };
  } catch (error) {
    const { toLakeError } = await import('../lake/local-lake');
    return fail('lake', title, toLakeError(lakeDir, error));
  }
}

export async function checkS3(settings: Settings): Promise<DoctorCheck> {
  const title = 'S3 bucket';
  if (!settings.s3.enabled) return { id: 's3', title, status: 'skipped', detail: 'S3 delivery is off (s3.enabled)' };
  const { requireS3Settings, createS3Client } = await import('../lake/s3-client');
  const { normalizePrefix } = await import('../lake/s3-plan');
  const { classifyS3Error } = await import('../lake/s3-errors');
  const { PutObjectCommand, GetObjectCommand, DeleteObjectCommand } = await import('@aws-sdk/client-s3');
  const place = { bucket: settings.s3.bucket, prefix: settings.s3.prefix, region: settings.s3.region };
  try {
    requireS3Settings(settings.s3);
    const client = await createS3Client(settings.s3);
    // A dot-named key: Athena, DuckDB and the mirror skip it should a delete ever fail.
    const key = `${normalizePrefix(settings.s3.prefix)}.follower-pulse-doctor-${randomBytes(4).toString('hex')}`;
    try {
      const sse = settings.s3.serverSideEncryption === 'AES256' ? { ServerSideEncryption: 'AES256' as const } : {};
      await client.send(new PutObjectCommand({ Bucket: settings.s3.bucket, Key: key, Body: 'probe', ...sse }));
      const got = await client.send(new GetObjectCommand({ Bucket: settings.s3.bucket, Key: key }));
      if ((await got.Body?.transformToString()) !== 'probe') throw new Error('the probe object came back different');
      await client.send(new DeleteObjectCommand({ Bucket: settings.s3.bucket, Key: key }));
    } finally {
      client.destroy();
    }
    return { id: 's3', title, status: 'ok', detail: `wrote, read and deleted a probe object in s3://${settings.s3.bucket}/${normalizePrefix(settings.s3.prefix)}` };
  } catch (error) {
    return fail('s3', title, isAppError(error) ? error : classifyS3Error(error, place, 'check'));
  }
}

export async function checkAthena(settings: Settings): Promise<DoctorCheck> {
  const title = 'Athena';
  if (!settings.athena.enabled) return { id: 'athena', title, status: 'skipped', detail: 'Athena is off (athena.enabled)' };
  try {
    const { AthenaClient, GetWorkGroupCommand } = await import('@aws-sdk/client-athena');
    const region = settings.athena.region ?? settings.s3.region;
    const credentials = settings.s3.profile ? (await import('@aws-sdk/credential-providers')).fromIni({ profile: settings.s3.profile }) : undefined;
    const client = new AthenaClient({ region, ...(credentials ? { credentials } : {}) });
    try {
      const out = await client.send(new GetWorkGroupCommand({ WorkGroup: settings.athena.workgroup }));
      const output = settings.athena.outputLocation ?? out.WorkGroup?.Configuration?.ResultConfiguration?.OutputLocation ?? null;
      if (!output) {
        return { id: 'athena', title, status: 'fail', detail: `workgroup ${settings.athena.workgroup} has no query result location`, fix: 'set athena.outputLocation to s3://your-bucket/athena-results/' };
      }
      return { id: 'athena', title, status: 'ok', detail: `workgroup ${settings.athena.workgroup} found; results go to ${output}` };
    } finally {
      client.destroy();
    }
  } catch (error) {
    const e = error as { name?: string; message?: string };
    const detail = e.name === 'InvalidRequestException' ? `workgroup ${settings.athena.workgroup} was not found or is not usable: ${e.message ?? ''}` : `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
    return { id: 'athena', title, status: 'fail', detail, fix: 'check athena.workgroup and athena.region, and that these AWS credentials may use Athena (athena:GetWorkGroup, athena:StartQueryExecution)' };
  }
}

export async function checkSmtp(settings: Settings, secrets: SecretStore, sendTest: boolean): Promise<DoctorCheck> {
  const title = 'Alert e-mail (SMTP)';
  const { isSmtpConfigured, sendTestEmail } = await import('../alerts/alert-sender');
  if (!isSmtpConfigured(settings.alerts.smtp)) {
    return { id: 'smtp', title, status: 'warn', detail: 'not set up: nobody is told when a day has no data', fix: 'fill alerts.smtp (host, from, to) in Settings › Alerts' };
  }
  try {
    const { createSmtpTransport } = await import('../alerts/mail-transport');
    const smtp = settings.alerts.smtp;
    if (sendTest) {
      await sendTestEmail(settings, secrets);
      return { id: 'smtp', title, status: 'ok', detail: `logged in to ${smtp.host}:${smtp.port} and sent a test e-mail to ${smtp.to.join(', ')}` };
    }
    const password = smtp.user ? await secrets.get('smtp.password') : null;
    await createSmtpTransport(smtp, password).verify();
    return { id: 'smtp', title, status: 'ok', detail: `logged in to ${smtp.host}:${smtp.port}` };
  } catch (error) {
    return fail('smtp', title, error);
  }
}
