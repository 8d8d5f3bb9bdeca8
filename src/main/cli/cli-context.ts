import { homedir } from 'node:os';
import { join } from 'node:path';
import { createFileLogger, type Logger } from '../engine/log/logger';
import { redactor } from '../engine/log/redactor';
import { openSecretStore } from '../engine/secrets/open-secret-store';
import type { SecretStore } from '../engine/secrets/secret-store';
import { resolveHome, resolveLakeDir } from '../engine/settings/home';
import type { Settings } from '../../shared/settings-schema';
import { applyEnvironment, nowFromEnv, SettingsStore } from '../engine/settings/settings-store';
import type { CliIo } from './cli-io';

/** What every command gets: resolved once, loaded lazily so a command pays only for what it uses. */
export interface CliContext {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  home: string;
  json: boolean;
  now(): Date;
  settingsStore: SettingsStore;
  /** Effective settings: the file plus FOLLOWER_PULSE_* overrides. Throws SETTINGS_INVALID. */
  settings(): Promise<Settings>;
  lakeDir(settings: Settings): string;
  secrets(): SecretStore;
  logger(): Logger;
}

export function createCliContext(io: CliIo, env: NodeJS.ProcessEnv, options: { home?: string; json: boolean }): CliContext {
  const home = resolveHome({ env, platform: process.platform, homedir: homedir(), argHome: options.home });
  const settingsStore = new SettingsStore(home);
  let secrets: SecretStore | undefined;
  let logger: Logger | undefined;
  let settings: Promise<Settings> | undefined;
  return {
    io,
    env,
    home,
    json: options.json,
    now: () => nowFromEnv(env),
    settingsStore,
    settings: () => (settings ??= settingsStore.load().then((s) => applyEnvironment(s, env))),
    lakeDir: (s) => resolveLakeDir(home, s),
    secrets: () => (secrets ??= openSecretStore(env)),
    logger: () => (logger ??= createFileLogger({ dir: join(home, 'logs'), redactor, onUnwritable: (message) => io.err(message) })),
  };
}
