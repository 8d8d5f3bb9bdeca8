import { isSecretName, SECRET_NAMES, type SecretName } from '../../../shared/secret-names';
import { StateStore } from '../../engine/settings/state-store';
import { deleteSecret, type SecretServices, storeSecret } from '../../engine/app/use-cases/secrets';
import type { CliContext } from '../cli-context';
import type { CliIo } from '../cli-io';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage:
  follower-pulse secret set NAME      read the value from standard input (hidden when typed)
  follower-pulse secret delete NAME
  follower-pulse secret list [--json] names and whether each is set; never the values

Names: ${SECRET_NAMES.join(', ')}
Values go to the OS keychain (service "Follower Pulse"), never to a file. A variable
FOLLOWER_PULSE_SECRET_<NAME> (e.g. FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN) overrides the keychain.

Example: printf %s "$TOKEN" | follower-pulse secret set linkedin.accessToken`;

function services(ctx: CliContext): SecretServices {
  return { secrets: ctx.secrets(), state: new StateStore(ctx.home), now: () => ctx.now() };
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('secret', argv, {});
  const [action, name, extra] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  if (action === 'list') return list(ctx);
  if (action !== 'set' && action !== 'delete') throw usageError('secret', `Unknown action: ${action} (use set, delete or list)`);
  if (name === undefined) throw usageError('secret', `Missing the secret name (one of ${SECRET_NAMES.join(', ')})`);
  if (extra !== undefined) throw usageError('secret', 'Secret values are read from standard input, never from the command line');
  if (!isSecretName(name)) throw usageError('secret', `Unknown secret "${name}" (one of ${SECRET_NAMES.join(', ')})`);
  return action === 'set' ? set(ctx, name) : remove(ctx, name);
}

async function set(ctx: CliContext, name: SecretName): Promise<ExitCode> {
  const value = (await readSecretInput(ctx.io, `Value for ${name}: `)).trim();
  if (value === '') throw usageError('secret', `No value was given for ${name} on standard input`);
  await storeSecret(services(ctx), name, value);
  if (ctx.json) ctx.io.json({ name, set: true });
  else ctx.io.out(`Stored ${name} in the system keychain.`);
  return EXIT.ok;
}

async function remove(ctx: CliContext, name: SecretName): Promise<ExitCode> {
  const deleted = await deleteSecret(services(ctx), name);
  if (ctx.json) ctx.io.json({ name, deleted });
  else ctx.io.out(deleted ? `Deleted ${name} from the system keychain.` : `${name} was not set in the system keychain.`);
  return EXIT.ok;
}

async function list(ctx: CliContext): Promise<ExitCode> {
  const secrets = ctx.secrets();
  const rows: { name: SecretName; set: boolean; source: string | null }[] = [];
  for (const name of SECRET_NAMES) {
    const source = await secrets.source(name);
    rows.push({ name, set: source !== null, source });
  }
  if (ctx.json) ctx.io.json({ secrets: rows });
  else for (const r of rows) ctx.io.out(`${r.name.padEnd(24)} ${r.set ? `set (${r.source})` : 'not set'}`);
  return EXIT.ok;
}

/** Reads all of stdin; when a person types it, echo is off so the token never shows on screen. */
async function readSecretInput(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  if (!stdin.isTTY || !stdin.setRawMode) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk));
    return Buffer.concat(chunks).toString('utf8');
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (data: Buffer): void => {
        for (const ch of data.toString('utf8')) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.off('data', onData);
            process.stderr.write('\n');
            resolve(value);
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            reject(usageError('secret', 'Cancelled'));
            return;
          }
          value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
        }
      };
      stdin.on('data', onData);
      stdin.resume();
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
