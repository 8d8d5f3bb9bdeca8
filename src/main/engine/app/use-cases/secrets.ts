import type { SecretName } from '../../../../shared/secret-names';
import type { SecretStore } from '../../secrets/secret-store';
import type { StateStore } from '../../settings/state-store';
import { SOURCES } from '../../sources/registry';
import type { SourceDescription } from '../../sources/source';

/** `secret set|delete` and the UI's secrets.set|clear: the value to the keychain, the token's expiry to state. */
export interface SecretServices {
  secrets: SecretStore;
  state: StateStore;
  now: () => Date;
  sources?: readonly SourceDescription[];
}

function tokenOwner(name: SecretName, sources: readonly SourceDescription[]): SourceDescription | undefined {
  return sources.find((s) => s.token.accessSecret === name);
}

/** A pasted access token's expiry is an estimate until a sign-in says otherwise. */
export async function storeSecret(services: SecretServices, name: SecretName, value: string): Promise<void> {
  await services.secrets.set(name, value);
  const owner = tokenOwner(name, services.sources ?? SOURCES);
  if (owner) await services.state.update((s) => owner.token.recordPasted(s, services.now()));
}

export async function deleteSecret(services: SecretServices, name: SecretName): Promise<boolean> {
  const deleted = await services.secrets.delete(name);
  const owner = tokenOwner(name, services.sources ?? SOURCES);
  if (owner) await services.state.update((s) => owner.token.forget(s));
  return deleted;
}
