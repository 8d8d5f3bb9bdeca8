import type { Network } from '../../../shared/networks';
import type { ConnectionTest } from '../../../shared/ui-api';
import type { Settings } from '../../../shared/settings-schema';
import type { AppContext } from '../app/app-context';
import type { MethodGroup } from '../app/method-table';
import { toAppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import { sourceFor } from './registry';
import type { SourceDescription } from './source';

export interface ConnectionTestDeps {
  settings: Settings;
  secrets: SecretStore;
  now: () => Date;
  sources?: readonly SourceDescription[];
}

/**
 * One network's "test connection": reads the given account (or the first one tracked on that
 * network) the way a sync would, with one quick attempt; with no account, checks only that a
 * token is stored. Never throws: a failure is the network's own one-line problem.
 */
export async function testConnection(deps: ConnectionTestDeps, request: { network: Network; accountId?: string }): Promise<ConnectionTest> {
  const { network } = request;
  let accountId: string | null = null;
  try {
    const source = sourceFor(network, deps.sources);
    accountId = request.accountId === undefined ? (deps.settings.accounts.find((a) => a.network === network)?.id ?? null) : source.normalizeAccountId(request.accountId);
    if (accountId === null) {
      await source.token.load(deps.secrets, 'ui');
      return { network, ok: true, accountId: null, name: null, followers: null };
    }
    const client = source.createClient({ settings: deps.settings, secrets: deps.secrets, now: deps.now, interactive: true });
    const id = accountId;
    const [name, followers] = await Promise.all([client.lookUpName(id), client.fetchTotal(id)]);
    return { network, ok: true, accountId, name, followers };
  } catch (error) {
    const appError = toAppError(error);
    return {
      network,
      ok: false,
      accountId,
      problem: { code: appError.code, message: appError.message, ...(appError.hint === undefined ? {} : { hint: appError.hint }) },
    };
  }
}

export function createConnectionTestHandlers(ctx: AppContext): MethodGroup<'sources.testConnection'> {
  return {
    'sources.testConnection': async (request) => testConnection({ settings: await ctx.settings(), secrets: ctx.deps.secrets, now: ctx.deps.now }, request),
  };
}
