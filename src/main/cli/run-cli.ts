import { AppError, toAppError } from '../engine/errors';
import { redactor } from '../engine/log/redactor';
import { describeIoError, isErrnoError } from '../engine/atomic-write';
import { restrictNewFiles, tightenHome } from '../engine/settings/home-permissions';
import { createCliContext } from './cli-context';
import { mainHelp } from './cli-help';
import { processIo, type CliIo } from './cli-io';
import { findCommand } from './command-registry';
import { EXIT, exitCodeForError, type ExitCode } from './exit-codes';

declare const __APP_VERSION__: string | undefined;
const VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';

interface GlobalArgs {
  home?: string;
  json: boolean;
  help: boolean;
  version: boolean;
  rest: string[];
}

/** Global options may stand anywhere; everything else goes to the command. */
export function splitGlobalArgs(argv: readonly string[]): GlobalArgs {
  const out: GlobalArgs = { json: false, help: false, version: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--version') out.version = true;
    else if (arg === '--home') {
      const value = argv[++i];
      if (value === undefined) throw new AppError('USAGE', '--home needs a folder', { hint: 'e.g. --home /srv/follower-pulse' });
      out.home = value;
    } else if (arg.startsWith('--home=')) out.home = arg.slice('--home='.length);
    else out.rest.push(arg);
  }
  return out;
}

export async function runCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo = processIo()): Promise<ExitCode> {
  let json = argv.includes('--json');
  try {
    const args = splitGlobalArgs(argv);
    json = args.json;
    if (args.version) {
      io.out(VERSION);
      return EXIT.ok;
    }
    const [name, ...rest] = args.rest;
    if (name === undefined || name === 'help') {
      io.out(mainHelp(VERSION));
      return args.help || name === 'help' ? EXIT.ok : EXIT.usage;
    }
    const entry = findCommand(name);
    if (!entry) throw new AppError('USAGE', `Unknown command: ${name}`, { hint: 'see: follower-pulse --help' });
    const ctx = createCliContext(io, env, { home: args.home, json: args.json });
    restrictNewFiles();
    await tightenHome(ctx.home);
    const command = await entry.load();
    return await command.run(ctx, args.help ? [...rest, '--help'] : rest);
  } catch (error) {
    return reportError(io, fileSystemProblem(error) ?? toAppError(error), json);
  }
}

/**
 * A raw file-system error that escaped a command (a read-only or foreign home, a folder where
 * a file should be) as the one line of contract §3, naming the path: the home cannot be used
 * as it is, which is a setup problem (exit 2), not a failed run.
 */
export function fileSystemProblem(error: unknown): AppError | null {
  if (!isErrnoError(error) || typeof error.path !== 'string') return null;
  const problem =
    error.code === 'EISDIR' ? { reason: 'it is a folder, not a file', hint: 'Move that folder away' } : IO_CODES.has(error.code ?? '') ? describeIoError(error) : null;
  if (problem === null) return null;
  return new AppError('USAGE', `Could not use ${error.path}: ${problem.reason}`, {
    hint: `${problem.hint}, or choose another home with --home DIR or FOLLOWER_PULSE_HOME`,
    cause: error,
  });
}

const IO_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST']);

export function reportError(io: CliIo, error: AppError, json: boolean): ExitCode {
  if (json) io.json({ error: { code: error.code, message: redactor.redact(error.message), hint: error.hint ?? null } });
  else io.err(`${error.code === 'INTERNAL' ? 'Unexpected error: ' : ''}${error.oneLine()}`);
  return exitCodeForError(error.code);
}
