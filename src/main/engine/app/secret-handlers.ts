import { SECRET_NAMES, type SecretName } from '../../../shared/secret-names';
import type { SecretStatus } from '../../../shared/ui-api';
import type { Redactor } from '../log/redactor';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';

/** LinkedIn access tokens live 60 days; a pasted token's expiry is estimated from when it was stored. */
const PASTED_TOKEN_LIFETIME_MS = 60 * 86_400_000;

/**
 * secrets.*: the UI may set or clear a secret and learn whether it is set, never read one.
 * A keychain that cannot be reached fails the call (KEYCHAIN_UNAVAILABLE with advice) rather
 * than reporting secrets as "not set".
 */
export function createSecretHandlers(ctx: AppContext, redactor: Redactor): MethodGroup<'secrets.status' | 'secrets.set' | 'secrets.clear'> {
  const { secrets } = ctx.deps;
  return {
    'secrets.status': () => secretStatus(ctx),
    'secrets.set': async ({ name, value }) => {
      // Registered first, so that even an error from the keychain cannot echo it anywhere.
      redactor.register(value);
      await secrets.set(name, value);
      if (name === 'linkedin.accessToken') await recordPastedToken(ctx);
      return secretStatus(ctx);
    },
    'secrets.clear': async ({ name }) => {
      await secrets.delete(name);
      if (name === 'linkedin.accessToken') await ctx.state.update((s) => ({ ...s, linkedinToken: undefined }));
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

/** Same as `secret set linkedin.accessToken`: the expiry is an estimate until a sign-in says otherwise. */
async function recordPastedToken(ctx: AppContext): Promise<void> {
  const now = ctx.deps.now();
  await ctx.state.update((s) => ({
    ...s,
    linkedinToken: { storedAt: now.toISOString(), expiresAt: new Date(now.getTime() + PASTED_TOKEN_LIFETIME_MS).toISOString(), expiresAtIsEstimate: true },
  }));
}
