import { type BucketCheckResult, checkBucket, mirrorLake, type MirrorProgress, type MirrorResult } from '../../engine/lake/lake-mirror';
import { LocalLake } from '../../engine/lake/local-lake';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse mirror [--check] [--json]

Pulls the lake from S3 (s3.bucket, under s3.prefix) into the local data folder, so a PC can
read what a server synced. Only files that differ from the local copy are downloaded (the
bucket's copy wins); local files are never deleted. Holds the sync lock while it runs.

With --check it works the other way, for the machine that syncs: every local lake file is
compared with the bucket (size and MD5) and what is missing or different there is uploaded
(the local copy wins); lake files only the bucket has are listed, never deleted. A sync does
this by itself when an upload failed and once a week; otherwise it uploads only what it wrote.

Needs s3.enabled, s3.bucket and s3.region in the settings; AWS credentials come from the AWS
SDK's usual places (s3.profile, SSO, environment, EC2 instance role).

Options:
  --check  check and heal the bucket against the local lake instead of pulling
  --json   print {"downloaded", "skipped", "bytes"} as JSON; with --check
           {"checked", "uploaded", "skipped", "failed", "bytes", "uploadedKeys", "failedKeys", "remoteOnlyKeys"}

Exit codes: 0 done or already up to date, 1 a download or upload failed, 2 bad usage or S3 not set up, 3 another sync is running.`;

/** Every file while there are few, then every tenth, and always the last. */
export function shouldReportProgress(done: number, total: number): boolean {
  return total <= 20 || done % 10 === 0 || done === total;
}

export function progressLine(event: MirrorProgress): string {
  return `Downloaded ${event.done} of ${event.total} file${event.total === 1 ? '' : 's'}…`;
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('mirror', argv, { check: { type: 'boolean' } });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('mirror', `Unexpected argument: ${args.positionals[0]}`);
  const settings = await ctx.settings();
  const lakeDir = ctx.lakeDir(settings);
  if (args.values.check === true) {
    const checked = await checkBucket({ settings, lake: new LocalLake(lakeDir), home: ctx.home, trigger: 'cli', now: () => ctx.now(), logger: ctx.logger() });
    reportCheck(ctx, checked, lakeDir);
    // The findings are printed; the failure itself ends as every failure does: one line, exit 1.
    if (checked.error) throw checked.error;
    return EXIT.ok;
  }
  const result = await mirrorLake({
    settings,
    lake: new LocalLake(lakeDir),
    home: ctx.home,
    trigger: 'cli',
    logger: ctx.logger(),
    progress: (event) => {
      if (shouldReportProgress(event.done, event.total)) ctx.io.err(progressLine(event));
    },
  });
  report(ctx, result, lakeDir);
  return EXIT.ok;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function report(ctx: CliContext, result: MirrorResult, lakeDir: string): void {
  if (ctx.json) {
    ctx.io.json({ downloaded: result.downloaded, skipped: result.skipped, bytes: result.bytes });
    return;
  }
  const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  if (result.downloaded === 0 && result.skipped === 0) {
    ctx.io.out(`Nothing to mirror: ${result.source} holds no lake files — check s3.bucket and s3.prefix (the server's sync writes there).`);
    return;
  }
  if (result.downloaded === 0) {
    ctx.io.out(`Already up to date: ${files(result.skipped)} in ${lakeDir} match ${result.source}.`);
    return;
  }
  ctx.io.out(
    `Mirror finished: ${files(result.downloaded)} downloaded (${formatBytes(result.bytes)}) from ${result.source}, ${result.skipped} already up to date. Data in ${lakeDir}`,
  );
}

function reportCheck(ctx: CliContext, result: BucketCheckResult, lakeDir: string): void {
  const checked = result.uploaded + result.failed + result.skipped;
  if (ctx.json) {
    const { uploaded, skipped, failed, bytes, uploadedKeys, failedKeys, remoteOnlyKeys } = result;
    ctx.io.json({ checked, uploaded, skipped, failed, bytes, uploadedKeys, failedKeys, remoteOnlyKeys });
    return;
  }
  const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
  const healed = result.uploaded === 0 ? 'nothing to upload' : `${files(result.uploaded)} uploaded (${formatBytes(result.bytes)})`;
  const failed = result.failed === 0 ? '' : `, ${files(result.failed)} failed (the next sync retries them)`;
  ctx.io.out(`Checked ${files(checked)} of ${lakeDir} against ${result.target}: ${result.skipped} already there, ${healed}${failed}.`);
  if (result.remoteOnlyKeys.length > 0) {
    ctx.io.out(`${files(result.remoteOnlyKeys.length)} in the bucket ${result.remoteOnlyKeys.length === 1 ? 'has' : 'have'} no local copy (left alone; run follower-pulse mirror to pull them):`);
    for (const key of result.remoteOnlyKeys.slice(0, 10)) ctx.io.out(`  ${key}`);
    if (result.remoteOnlyKeys.length > 10) ctx.io.out(`  … and ${result.remoteOnlyKeys.length - 10} more`);
  }
}
