import { type AccountServices, addAccount, removeAccount } from '../../engine/app/use-cases/accounts';
import { SOURCES } from '../../engine/sources/registry';
import { accountLabel } from '../../engine/sync/sync-runner';
import { addAccountCommands } from '../account-usage';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const ADD_USAGES = SOURCES.map((s) => `  follower-pulse accounts add ${s.id} ${s.accountIdPlaceholder} [--name NAME]`).join('\n');

const HELP = `Usage:
  follower-pulse accounts list [--json]
${ADD_USAGES}
  follower-pulse accounts remove NETWORK ID

${SOURCES.map((s) => s.accountIdHelp).join('\n')}
"add" looks up the page name with the stored access token; --name skips the look-up.
"remove" stops tracking a page; its data stays in the local data folder.`;

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('accounts', argv, { name: { type: 'string' } });
  const [action, ...rest] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  switch (action) {
    case 'list':
      return list(ctx);
    case 'add':
      return add(ctx, rest, args.values.name);
    case 'remove':
      return remove(ctx, rest);
    default:
      throw usageError('accounts', `Unknown action: ${action} (use list, add or remove)`);
  }
}

function services(ctx: CliContext): AccountServices {
  return {
    settings: () => ctx.settings(),
    updateSettings: (change) => ctx.settingsStore.update(change),
    secrets: ctx.secrets(),
    now: () => ctx.now(),
    caller: 'cli',
  };
}

async function list(ctx: CliContext): Promise<ExitCode> {
  const settings = await ctx.settings();
  if (ctx.json) {
    ctx.io.json({ accounts: settings.accounts });
    return EXIT.ok;
  }
  if (settings.accounts.length === 0) ctx.io.out(`No pages tracked yet. Add one: ${addAccountCommands()}`);
  for (const a of settings.accounts) ctx.io.out(`${a.network}\t${a.id}\t${a.name || '(no name)'}${a.enabled ? '' : '\t[disabled]'}`);
  return EXIT.ok;
}

async function add(ctx: CliContext, rest: string[], name: string | undefined): Promise<ExitCode> {
  const [network, id, extra] = rest;
  if (network === undefined) throw usageError('accounts', `Missing the network: ${addAccountCommands().replace(/follower-pulse /g, '')}`);
  if (id === undefined || extra !== undefined) throw usageError('accounts', `Usage: accounts add ${network} ID`);
  const result = await addAccount(services(ctx), { network, id, ...(name === undefined ? {} : { name }) });
  if (!result.added) {
    ctx.io.out(`Already tracked: ${accountLabel(result.account)}`);
    return EXIT.ok;
  }
  if (ctx.json) ctx.io.json({ account: result.account });
  else ctx.io.out(`Added ${accountLabel(result.account)}. Fetch its history now: follower-pulse sync --account ${result.account.id}`);
  return EXIT.ok;
}

async function remove(ctx: CliContext, rest: string[]): Promise<ExitCode> {
  const [network, id, extra] = rest;
  if (network === undefined || id === undefined || extra !== undefined) throw usageError('accounts', `Usage: accounts remove NETWORK ID (e.g. accounts remove ${SOURCES[0].id} ${SOURCES[0].accountIdExample})`);
  const { removed, settings } = await removeAccount(services(ctx), { network, id });
  if (ctx.json) ctx.io.json({ removed });
  else ctx.io.out(`Stopped tracking ${accountLabel(removed)}. Its data stays in ${ctx.lakeDir(settings)}.`);
  return EXIT.ok;
}
