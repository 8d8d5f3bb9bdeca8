import type { Settings } from '../../../shared/settings-schema';
import type { AccountView } from '../../../shared/ui-api';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';
import type { SettingsWriter } from './settings-writer';
import { type AccountServices, addAccount, removeAccount, setAccountEnabled } from './use-cases/accounts';

/** accounts.*: the tracked pages in settings.json, through the same use cases as `accounts`. */
export function createAccountHandlers(ctx: AppContext, writer: SettingsWriter): MethodGroup<'accounts.list' | 'accounts.add' | 'accounts.remove' | 'accounts.setEnabled'> {
  const services: AccountServices = {
    settings: () => ctx.settings(),
    updateSettings: (change) => writer.update(change),
    secrets: ctx.deps.secrets,
    now: ctx.deps.now,
    caller: 'ui',
  };
  return {
    'accounts.list': async () => views(await ctx.settings()),
    'accounts.add': async (request) => views((await addAccount(services, request)).settings),
    'accounts.remove': async (key) => views((await removeAccount(services, key)).settings),
    'accounts.setEnabled': async (key) => views(await setAccountEnabled(services, key)),
  };
}

function views(settings: Settings): AccountView[] {
  return settings.accounts.map((a) => ({ network: a.network, id: a.id, name: a.name, enabled: a.enabled }));
}
