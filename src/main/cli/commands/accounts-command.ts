import { isNetwork } from '../../../shared/networks';
import { AppError, toAppError } from '../../engine/errors';
import { LinkedInClient } from '../../engine/sources/linkedin/linkedin-client';
import { accountLabel } from '../../engine/sync/sync-runner';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage:
  follower-pulse accounts list [--json]
  follower-pulse accounts add linkedin ORG_ID [--name NAME]
  follower-pulse accounts remove NETWORK ID

ORG_ID is the number in your page's admin URL (linkedin.com/company/ORG_ID/admin).
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

async function list(ctx: CliContext): Promise<ExitCode> {
  const settings = await ctx.settings();
  if (ctx.json) {
    ctx.io.json({ accounts: settings.accounts });
    return EXIT.ok;
  }
  if (settings.accounts.length === 0) ctx.io.out('No pages tracked yet. Add one: follower-pulse accounts add linkedin ORG_ID');
  for (const a of settings.accounts) ctx.io.out(`${a.network}\t${a.id}\t${a.name || '(no name)'}${a.enabled ? '' : '\t[disabled]'}`);
  return EXIT.ok;
}

async function add(ctx: CliContext, rest: string[], name: string | undefined): Promise<ExitCode> {
  const [network, id, extra] = rest;
  if (network !== 'linkedin') throw usageError('accounts', network === undefined ? 'Missing the network: accounts add linkedin ORG_ID' : `Only LinkedIn pages can be added for now, not "${network}"`);
  if (id === undefined || extra !== undefined) throw usageError('accounts', 'Usage: accounts add linkedin ORG_ID');
  const orgId = id.replace(/^urn:li:organization:/, '');
  if (!/^\d{1,20}$/.test(orgId)) throw usageError('accounts', `"${id}" is not a LinkedIn organization id (digits, e.g. 2414183)`);
  const settings = await ctx.settings();
  if (settings.accounts.some((a) => a.network === 'linkedin' && a.id === orgId)) {
    ctx.io.out(`Already tracked: ${accountLabel(settings.accounts.find((a) => a.id === orgId)!)}`);
    return EXIT.ok;
  }
  const resolvedName = name ?? (await lookUpName(ctx, orgId));
  const saved = await ctx.settingsStore.update((s) => ({
    ...s,
    accounts: [...s.accounts, { network: 'linkedin', id: orgId, name: resolvedName, enabled: true }],
  }));
  const account = saved.accounts[saved.accounts.length - 1];
  if (ctx.json) ctx.io.json({ account });
  else ctx.io.out(`Added ${accountLabel(account)}. Fetch its history now: follower-pulse sync --account ${orgId}`);
  return EXIT.ok;
}

async function lookUpName(ctx: CliContext, orgId: string): Promise<string> {
  const settings = await ctx.settings();
  const secrets = ctx.secrets();
  const client = new LinkedInClient({
    apiBaseUrl: settings.linkedin.apiBaseUrl,
    apiVersion: settings.linkedin.apiVersion,
    getAccessToken: async () => {
      const token = await secrets.get('linkedin.accessToken');
      if (!token) {
        throw new AppError('LINKEDIN_TOKEN_MISSING', 'No LinkedIn access token is stored, so the page name cannot be looked up', {
          hint: 'run: follower-pulse secret set linkedin.accessToken (or add --name NAME)',
        });
      }
      return token.trim();
    },
  });
  try {
    return (await client.fetchOrganization(orgId)).name;
  } catch (error) {
    const appError = toAppError(error);
    // A sync's advice ("then run the sync again") is wrong here: nothing was added yet.
    const hint = appError.code === 'NETWORK' ? 'check the internet connection and any proxy or firewall settings and try again, or add --name NAME to add it without the look-up' : appError.hint;
    throw new AppError(appError.code, `Could not look up LinkedIn page ${orgId}: ${appError.message}`, { hint: hint ?? 'add --name NAME to add it without the look-up' });
  }
}

async function remove(ctx: CliContext, rest: string[]): Promise<ExitCode> {
  const [network, id, extra] = rest;
  if (!isNetwork(network) || id === undefined || extra !== undefined) throw usageError('accounts', 'Usage: accounts remove NETWORK ID (e.g. accounts remove linkedin 2414183)');
  const settings = await ctx.settings();
  const existing = settings.accounts.find((a) => a.network === network && a.id === id);
  if (!existing) throw usageError('accounts', `No tracked ${network} page has the id ${id}`);
  await ctx.settingsStore.update((s) => ({ ...s, accounts: s.accounts.filter((a) => !(a.network === network && a.id === id)) }));
  if (ctx.json) ctx.io.json({ removed: existing });
  else ctx.io.out(`Stopped tracking ${accountLabel(existing)}. Its data stays in ${ctx.lakeDir(settings)}.`);
  return EXIT.ok;
}
