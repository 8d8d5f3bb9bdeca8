import type { SecretName } from '../../../shared/secret-names';

/**
 * Where secrets live. Implementations: KeytarSecretStore (the OS keychain), EnvSecretStore
 * (FOLLOWER_PULSE_SECRET_* overriding another store), MemorySecretStore (tests).
 * Failures to reach the keychain throw AppError('KEYCHAIN_UNAVAILABLE') with advice.
 */
export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<boolean>;
  /** Where a set value comes from, for `secret list` (never the value itself). */
  source(name: SecretName): Promise<'keychain' | 'environment' | null>;
}
