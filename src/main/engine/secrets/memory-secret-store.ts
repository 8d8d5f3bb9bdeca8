import type { SecretName } from '../../../shared/secret-names';
import { keychainUnavailable } from './keytar-store';
import type { SecretStore } from './secret-store';

/** An in-memory stand-in for the keychain, for tests. */
export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<SecretName, string>();
  readonly #unavailable: boolean;

  /** `unavailable` makes every call fail like a missing keyring does. */
  constructor(initial: Partial<Record<SecretName, string>> = {}, options: { unavailable?: boolean } = {}) {
    for (const [name, value] of Object.entries(initial) as [SecretName, string][]) this.#values.set(name, value);
    this.#unavailable = options.unavailable ?? false;
  }

  get(name: SecretName): Promise<string | null> {
    return this.#run(name, () => this.#values.get(name) ?? null);
  }

  set(name: SecretName, value: string): Promise<void> {
    return this.#run(name, () => void this.#values.set(name, value));
  }

  delete(name: SecretName): Promise<boolean> {
    return this.#run(name, () => this.#values.delete(name));
  }

  source(name: SecretName): Promise<'keychain' | null> {
    return this.#run(name, () => (this.#values.has(name) ? 'keychain' : null));
  }

  // Always asynchronous, like the keychain, so callers cannot come to rely on sync throws.
  async #run<T>(name: SecretName, fn: () => T): Promise<T> {
    await Promise.resolve();
    if (this.#unavailable) throw keychainUnavailable(new Error('simulated: no Secret Service'), name);
    return fn();
  }
}
