import type { ErrorCode } from '../../../shared/error-codes';
import type { SecretName } from '../../../shared/secret-names';
import { AppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { TokenDescription } from './source';

type Purpose = 'sync' | 'ui' | 'cli';

/**
 * A token a person pastes once and that has no expiry the app can track (a Facebook Page token,
 * an Instagram token, X's app Bearer token): read from the keychain, trimmed, and when missing
 * an error that says where to put one for the caller at hand.
 */
export interface StoredToken {
  description: TokenDescription;
  /** Reads the token on first use only, for one client's lifetime. */
  lazy(secrets: SecretStore, purpose: Purpose): () => Promise<string>;
}

export function storedToken(options: { secret: SecretName; missingCode: ErrorCode; missing: string; hints: Record<Purpose, string> }): StoredToken {
  const load = async (secrets: SecretStore, purpose: Purpose = 'sync'): Promise<string> => {
    const value = (await secrets.get(options.secret))?.trim();
    if (!value) throw new AppError(options.missingCode, options.missing, { hint: options.hints[purpose] });
    return value;
  };
  return {
    description: {
      accessSecret: options.secret,
      secrets: [options.secret],
      load,
      info: () => undefined,
      recordPasted: (state) => state,
      forget: (state) => state,
    },
    lazy: (secrets, purpose) => {
      let token: Promise<string> | undefined;
      return () => (token ??= load(secrets, purpose));
    },
  };
}
