import type { AccountSettings, Settings } from '../../../../shared/settings-schema';
import { AppError, toAppError } from '../../errors';
import type { SecretStore } from '../../secrets/secret-store';
import { SOURCES, sourceFor } from '../../sources/registry';
import type { SourceDescription } from '../../sources/source';

/**
 * Adding, removing and enabling tracked pages: the one implementation behind `accounts` and
 * the UI's accounts.* methods. The id is validated and normalised by the network's source.
 */
export interface AccountServices {
  settings(): Promise<Settings>;
  /** Read-modify-write of settings.json; returns what was saved. */
  updateSettings(change: (settings: Settings) => Settings): Promise<Settings>;
  secrets: SecretStore;
  now: () => Date;
  /** Where the caller is: the page-name look-up's advice differs (a flag on the CLI, a field in the UI). */
  caller: 'cli' | 'ui';
  sources?: readonly SourceDescription[];
}

export interface AddAccountResult {
  account: AccountSettings;
  /** False when the page was already tracked (nothing changed). */
  added: boolean;
  settings: Settings;
}

const NAME_HINT = { cli: 'add --name NAME to add it without the look-up', ui: 'type the page name to add it without the look-up' } as const;

export async function addAccount(services: AccountServices, input: { network: string; id: string; name?: string }): Promise<AddAccountResult> {
  const source = sourceFor(input.network, services.sources ?? SOURCES);
  const id = source.normalizeAccountId(input.id);
  const settings = await services.settings();
  const existing = findAccount(settings, source.id, id);
  if (existing) return { account: existing, added: false, settings };
  // The name comes from the network unless the user typed one.
  const name = input.name?.trim() || (await lookUpName(services, source, settings, id));
  const account: AccountSettings = { network: source.id, id, name, enabled: true };
  const saved = await services.updateSettings((s) => (findAccount(s, source.id, id) ? s : { ...s, accounts: [...s.accounts, account] }));
  return { account: findAccount(saved, source.id, id) ?? account, added: true, settings: saved };
}

/** Stops tracking a page; its data stays in the lake. */
export async function removeAccount(services: AccountServices, key: { network: string; id: string }): Promise<{ removed: AccountSettings; settings: Settings }> {
  const removed = requireAccount(await services.settings(), key, services.caller);
  const settings = await services.updateSettings((s) => ({ ...s, accounts: s.accounts.filter((a) => !sameAccount(a, key)) }));
  return { removed, settings };
}

export async function setAccountEnabled(services: AccountServices, key: { network: string; id: string; enabled: boolean }): Promise<Settings> {
  requireAccount(await services.settings(), key, services.caller);
  return services.updateSettings((s) => ({ ...s, accounts: s.accounts.map((a) => (sameAccount(a, key) ? { ...a, enabled: key.enabled } : a)) }));
}

function sameAccount(account: AccountSettings, key: { network: string; id: string }): boolean {
  return account.network === key.network && account.id === key.id;
}

function findAccount(settings: Settings, network: string, id: string): AccountSettings | undefined {
  return settings.accounts.find((a) => sameAccount(a, { network, id }));
}

function requireAccount(settings: Settings, key: { network: string; id: string }, caller: AccountServices['caller']): AccountSettings {
  const account = findAccount(settings, key.network, key.id);
  if (account) return account;
  const hint = caller === 'cli' ? 'see: follower-pulse accounts list' : 'reload the list of pages; it may have been changed elsewhere';
  throw new AppError('USAGE', `No tracked ${key.network} page has the id ${key.id}`, { hint });
}

async function lookUpName(services: AccountServices, source: SourceDescription, settings: Settings, id: string): Promise<string> {
  const client = source.createClient({
    settings,
    secrets: services.secrets,
    now: services.now,
    interactive: true,
    getAccessToken: () => source.token.load(services.secrets, services.caller),
  });
  try {
    return await client.lookUpName(id);
  } catch (error) {
    const appError = toAppError(error);
    // A sync's advice ("then run the sync again") is wrong here: nothing was added yet.
    const hint = appError.code === 'NETWORK' ? `check the internet connection and any proxy or firewall settings and try again, or ${NAME_HINT[services.caller]}` : appError.hint;
    throw new AppError(appError.code, `Could not look up ${source.displayName} page ${id}: ${appError.message}`, {
      hint: hint ?? NAME_HINT[services.caller],
    });
  }
}
