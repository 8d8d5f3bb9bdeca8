import { secretEnvVar, type SecretName } from '../../../shared/secret-names';
import type { SecretStore } from './secret-store';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * FOLLOWER_PULSE_SECRET_<NAME> overrides the inner store (contract §3): servers and scheduled
 * tasks without a keychain still run. Reading an override never touches the inner store, so
 * an unavailable keychain does not matter when every secret comes from the environment.
 */
export class EnvSecretStore implements SecretStore {
  readonly #inner: SecretStore;
  readonly #env: Env;

  constructor(inner: SecretStore, env: Env = process.env) {
    this.#inner = inner;
    this.#env = env;
  }

  async get(name: SecretName): Promise<string | null> {
    return envSecret(this.#env, name) ?? this.#inner.get(name);
  }

  async set(name: SecretName, value: string): Promise<void> {
    return this.#inner.set(name, value);
  }

  async delete(name: SecretName): Promise<boolean> {
    return this.#inner.delete(name);
  }

  async source(name: SecretName): Promise<'keychain' | 'environment' | null> {
    if (envSecret(this.#env, name) !== undefined) return 'environment';
    return this.#inner.source(name);
  }
}

/** The override for a secret; an empty variable counts as unset (a blank line in a task definition). */
export function envSecret(env: Env, name: SecretName): string | undefined {
  const value = env[secretEnvVar(name)];
  return value === undefined || value === '' ? undefined : value;
}
