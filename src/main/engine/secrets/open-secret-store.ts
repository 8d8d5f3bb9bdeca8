import { redactor as processRedactor, type Redactor } from '../log/redactor';
import { SECRET_NAMES, type SecretName } from '../../../shared/secret-names';
import { EnvSecretStore, envSecret } from './env-secret-store';
import { KeytarSecretStore } from './keytar-store';
import type { SecretStore } from './secret-store';
import { hasControlCharacter, invalidSecretInput, invalidStoredSecret } from './secret-value';

type Env = Readonly<Record<string, string | undefined>>;

export interface OpenSecretStoreDeps {
  redactor?: Redactor;
  /** The store behind the environment overrides; the OS keychain unless a test injects one. */
  keychain?: SecretStore;
}

/**
 * The app's secret store: environment overrides over the OS keychain, with every value that
 * passes through registered with the redactor so it can never reach a log line.
 */
export function openSecretStore(env: Env = process.env, deps: OpenSecretStoreDeps = {}): SecretStore {
  const redactor = deps.redactor ?? processRedactor;
  // Overrides are registered up front: a value can leak through an error before anyone reads it.
  for (const name of SECRET_NAMES) {
    const value = envSecret(env, name);
    if (value !== undefined) redactor.register(value);
  }
  // FOLLOWER_PULSE_KEYCHAIN_SERVICE lets tests on a developer's own Windows or macOS keychain
  // use a separate entry; everyone else gets the contract's "Follower Pulse".
  const keychain = deps.keychain ?? new KeytarSecretStore(env.FOLLOWER_PULSE_KEYCHAIN_SERVICE ? { service: env.FOLLOWER_PULSE_KEYCHAIN_SERVICE } : {});
  return new RedactingSecretStore(new EnvSecretStore(keychain, env), redactor);
}

class RedactingSecretStore implements SecretStore {
  readonly #inner: SecretStore;
  readonly #redactor: Redactor;

  constructor(inner: SecretStore, redactor: Redactor) {
    this.#inner = inner;
    this.#redactor = redactor;
  }

  async get(name: SecretName): Promise<string | null> {
    const value = await this.#inner.get(name);
    if (value !== null) this.#redactor.register(value);
    if (value !== null && hasControlCharacter(value)) throw invalidStoredSecret(name);
    return value;
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.#redactor.register(value);
    if (hasControlCharacter(value)) throw invalidSecretInput(name);
    return this.#inner.set(name, value);
  }

  async delete(name: SecretName): Promise<boolean> {
    return this.#inner.delete(name);
  }

  async source(name: SecretName): Promise<'keychain' | 'environment' | null> {
    return this.#inner.source(name);
  }
}
