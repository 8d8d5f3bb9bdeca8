import { SECRET_NAMES, type SecretName } from '../../../shared/secret-names';
import type { SecretStatus } from '../../../shared/ui-api';
import type { Redactor } from '../log/redactor';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';
import { deleteSecret, storeSecret } from './use-cases/secrets';

/**
 * secrets.*: the UI may set or clear a secret and learn whether it is set, never read one.
 * A keychain that cannot be reached fails the call (KEYCHAIN_UNAVAILABLE with advice) rather
 * than reporting secrets as "not set".
 */
export function createSecretHandlers(ctx: AppContext, redactor: Redactor): MethodGroup<'secrets.status' | 'secrets.set' | 'secrets.clear'> {
  const services = { secrets: ctx.deps.secrets, state: ctx.state, now: ctx.deps.now };
  return {
    'secrets.status': () => secretStatus(ctx),
    'secrets.set': async ({ name, value }) => {
      // Registered first, so that even an error from the keychain cannot echo it anywhere.
      redactor.register(value);
      await storeSecret(services, name, value);
      return secretStatus(ctx);
    },
    'secrets.clear': async ({ name }) => {
      await deleteSecret(services, name);
      return secretStatus(ctx);
    },
  };
}

export async function secretStatus(ctx: AppContext): Promise<SecretStatus> {
  const entries = await Promise.all(
    SECRET_NAMES.map(async (name): Promise<[SecretName, SecretStatus[SecretName]]> => {
      const source = await ctx.deps.secrets.source(name);
      return [name, { set: source !== null, source }];
    }),
  );
  return Object.fromEntries(entries) as SecretStatus;
}
