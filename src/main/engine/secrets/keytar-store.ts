import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors';
import { secretEnvVar, type SecretName } from '../../../shared/secret-names';
import type { SecretStore } from './secret-store';
// Type-only: erased at runtime, so loading this file does not load the native module.
import type * as KeytarModule from 'keytar';

/** Contract §1: the keychain service name; the account is the secret name. */
export const KEYCHAIN_SERVICE = 'Follower Pulse';

type Keytar = typeof KeytarModule;

export interface KeytarSecretStoreOptions {
  service?: string;
  /** How keytar is loaded; tests inject a failing loader. */
  loadKeytar?: () => Promise<Keytar>;
  /** A keychain that never answers (a prompt nobody sees) must not hang a scheduled run. */
  timeoutMs?: number;
}

/**
 * The OS keychain (Windows Credential Manager, macOS Keychain, Secret Service on Linux).
 * keytar is loaded on first use so that commands which never touch secrets never load the
 * native module. Every failure becomes KEYCHAIN_UNAVAILABLE; there is no file fallback.
 */
export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #load: () => Promise<Keytar>;
  readonly #timeoutMs: number;
  #keytar: Promise<Keytar> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#load = options.loadKeytar ?? importKeytar;
    this.#timeoutMs = options.timeoutMs ?? 60_000;
  }

  async get(name: SecretName): Promise<string | null> {
    return this.#call(name, (k) => k.getPassword(this.#service, name), 'read');
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (value === '') throw new AppError('USAGE', `The value for ${name} is empty`, { hint: 'use secret delete to remove a secret' });
    return this.#call(name, (k) => k.setPassword(this.#service, name, value), 'set');
  }

  async delete(name: SecretName): Promise<boolean> {
    return this.#call(name, (k) => k.deletePassword(this.#service, name));
  }

  async source(name: SecretName): Promise<'keychain' | null> {
    return (await this.get(name)) === null ? null : 'keychain';
  }

  async #call<T>(name: SecretName, op: (keytar: Keytar) => Promise<T>, action?: KeychainAction): Promise<T> {
    try {
      const keytar = await this.#keytarModule();
      return await withTimeout(op(keytar), this.#timeoutMs);
    } catch (error) {
      throw keychainUnavailable(error, name, action);
    }
  }

  #keytarModule(): Promise<Keytar> {
    this.#keytar ??= this.#load().catch((error: unknown) => {
      this.#keytar = undefined; // let a later call retry, e.g. after the user installs libsecret
      throw new ModuleLoadError(error);
    });
    return this.#keytar;
  }
}

async function importKeytar(): Promise<Keytar> {
  // keytar is CommonJS; Node's ESM loader exposes its functions on `default`.
  const mod = (await import('keytar')) as Keytar & { default?: Keytar };
  return mod.default ?? mod;
}

class ModuleLoadError extends Error {
  constructor(cause: unknown) {
    super('the keytar native module could not be loaded', { cause });
  }
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`the keychain did not answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Known keytar / libsecret / D-Bus messages → a short reason people can act on. */
const REASONS: readonly [RegExp, string][] = [
  [/org\.freedesktop\.secrets was not provided/i, 'no Secret Service is installed or running'],
  [/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|Failed to connect to socket|dbus/i, 'no D-Bus session bus'],
  [/Object does not exist at path|collection\/login/i, 'the login keyring does not exist or is not unlocked'],
  [/locked collection|is locked|unlock/i, 'the keyring is locked'],
  [/Cannot find module|keytar\.node|libsecret|undefined symbol|wrong ELF|was compiled against/i, 'the keytar native module could not be loaded'],
];

export type KeychainAction = 'read' | 'set';

/** Reasons a Linux server without a desktop session gives; the keyring wrapper cures them. */
const HEADLESS_REASONS = new Set([
  'no D-Bus session bus',
  'no Secret Service is installed or running',
  'the login keyring does not exist or is not unlocked',
  'the keyring is locked',
]);

/**
 * Pure mapping of any keychain failure to the AppError users see. Never includes a value.
 * On Linux, where a server has no desktop session to unlock the keyring, the hint names the
 * exact command to run through scripts/keyring-session.sh (README › Headless Linux).
 */
export function keychainUnavailable(error: unknown, name?: SecretName, action?: KeychainAction, platform: NodeJS.Platform = process.platform): AppError {
  if (error instanceof AppError) return error;
  const envVar = name ? secretEnvVar(name) : 'FOLLOWER_PULSE_SECRET_<NAME>';
  const reason = shortReason(error);
  // A read that fails leaves the caller with no secret at all: say so, not only why.
  const consequence = action === 'read' && name ? `, so no stored ${name} can be read (and ${envVar} is not set)` : '';
  const headless = platform === 'linux' && HEADLESS_REASONS.has(reason);
  const command = action === 'set' && name ? `follower-pulse secret set ${name}` : 'follower-pulse <command>';
  const wrapper = headless ? `on a server without a desktop session run: sh ${keyringWrapperPath()} ${command} (README › Headless Linux); otherwise ` : '';
  return new AppError('KEYCHAIN_UNAVAILABLE', `The system keychain is not available (${reason})${consequence}`, {
    hint:
      `${wrapper}unlock or start the keyring (GNOME Keyring / Windows Credential Manager / macOS Keychain), ` +
      `or set ${envVar} in the environment of the scheduled task`,
    retryable: error instanceof TimeoutError,
    cause: error,
  });
}

/** scripts/keyring-session.sh of this installation, found from wherever this code was bundled. */
function keyringWrapperPath(): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.url));
    for (let depth = 0; depth < 6; depth++) {
      const candidate = join(dir, 'scripts', 'keyring-session.sh');
      if (existsSync(candidate)) return candidate;
      dir = dirname(dir);
    }
  } catch {
    // not a file: URL (a packaged app); fall through to the repository-relative path
  }
  return 'scripts/keyring-session.sh';
}

function shortReason(error: unknown): string {
  if (error instanceof ModuleLoadError || error instanceof TimeoutError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const known = REASONS.find(([re]) => re.test(message));
  if (known) return known[1];
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  return firstLine.length > 120 ? `${firstLine.slice(0, 117)}...` : firstLine || 'unknown error';
}
