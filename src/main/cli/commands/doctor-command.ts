import { runDoctor } from '../../engine/doctor/run-doctor';
import { oneLine } from '../../engine/text';
import type { DoctorCheck } from '../../../shared/ui-api';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse doctor [--send-test] [--json]

Checks everything the daily sync needs and says how to fix what is wrong: settings, the
keychain, the LinkedIn token (one cheap API call) and API version, the local data folder,
S3 (writes, reads and deletes a probe object), Athena (workgroup and result location) and
the SMTP login. --send-test also sends a test alert e-mail. Exit 1 if any check fails.`;

const MARK: Record<DoctorCheck['status'], string> = { ok: '✔', warn: '!', fail: '✘', skipped: '–' };


export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('doctor', argv, { 'send-test': { type: 'boolean' } });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('doctor', `Unexpected argument: ${args.positionals[0]}`);
  const checks = await runDoctor({ home: ctx.home, env: ctx.env, secrets: ctx.secrets(), now: ctx.now(), sendTest: args.values['send-test'] === true });
  const failed = checks.filter((c) => c.status === 'fail').length;
  if (ctx.json) ctx.io.json({ ok: failed === 0, checks });
  else {
    const width = Math.max(...checks.map((c) => c.title.length));
    for (const c of checks) {
      // One line per check (a multi-line error would look like more checks than are counted).
      ctx.io.out(`${MARK[c.status]} ${c.title.padEnd(width)}  ${oneLine(c.detail)}`);
      if (c.fix && c.status !== 'ok') ctx.io.out(`  ${' '.repeat(width)}  → ${oneLine(c.fix)}`);
    }
    ctx.io.out(failed === 0 ? '\nAll checks passed.' : `\n${failed} check${failed === 1 ? '' : 's'} failed.`);
  }
  return failed === 0 ? EXIT.ok : EXIT.runFailed;
}
