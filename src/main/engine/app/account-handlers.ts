import type { Network } from '../../../shared/networks';
import type { AccountSettings, Settings } from '../../../shared/settings-schema';
import type { AccountView } from '../../../shared/ui-api';
import { AppError, toAppError } from '../errors';
import { type AppContext, linkedInClientFor } from './app-context';
import type { MethodGroup } from './method-table';
import type { SettingsWriter } from './settings-writer';

/** accounts.*: the tracked pages in settings.json. Removing a page keeps its data in the lake. */
export function createAccountHandlers(ctx: AppContext, writer: SettingsWriter): MethodGroup<'accounts.list' | 'accounts.add' | 'accounts.remove' | 'accounts.setEnabled'> {
  return {
    'accounts.list': async () => views(await ctx.settings()),
    'accounts.add': async ({ id, name }) => {
      const settings = await ctx.settings();
      if (findAccount(settings, 'linkedin', id)) return views(settings);
      // Like `accounts add`: the name comes from LinkedIn unless the user typed one.
      const resolved = name || (await lookUpName(ctx, settings, id));
      const account: AccountSettings = { network: 'linkedin', id, name: resolved, enabled: true };
      return views(await writer.update((s) => (findAccount(s, 'linkedin', id) ? s : { ...s, accounts: [...s.accounts, account] })));
    },
    'accounts.remove': async ({ network, id }) => {
      requireAccount(await ctx.settings(), network, id);
      return views(await writer.update((s) => ({ ...s, accounts: s.accounts.filter((a) => !(a.network === network && a.id === id)) })));
    },
    'accounts.setEnabled': async ({ network, id, enabled }) => {
      requireAccount(await ctx.settings(), network, id);
      return views(
        await writer.update((s) => ({ ...s, accounts: s.accounts.map((a) => (a.network === network && a.id === id ? { ...a, enabled } : a)) })),
      );
    },
  };
}

function views(settings: Settings): AccountView[] {
  return settings.accounts.map((a) => ({ network: a.network, id: a.id, name: a.name, enabled: a.enabled }));
}

function findAccount(settings: Settings, network: Network, id: string): AccountSettings | undefined {
  return settings.accounts.find((a) => a.network === network && a.id === id);
}

function requireAccount(settings: Settings, network: Network, id: string): void {
  if (findAccount(settings, network, id)) return;
  throw new AppError('USAGE', `No tracked ${network} page has the id ${id}`, { hint: 'reload the list of pages; it may have been changed elsewhere' });
}

async function lookUpName(ctx: AppContext, settings: Settings, id: string): Promise<string> {
  try {
    return (await linkedInClientFor(ctx, settings).fetchOrganization(id)).name;
  } catch (error) {
    const appError = toAppError(error);
    throw new AppError(appError.code, `Could not look up LinkedIn page ${id}: ${appError.message}`, {
      hint: appError.hint ?? 'type the page name to add it without the look-up',
    });
  }
}
