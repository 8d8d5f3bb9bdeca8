import { homedir } from 'node:os';
import path from 'node:path';
import { createUiHandlers } from '../engine/app/create-ui-handlers';
import { createFileLogger } from '../engine/log/logger';
import { redactor } from '../engine/log/redactor';
import { openSecretStore } from '../engine/secrets/open-secret-store';
import { nowFromEnv } from '../engine/settings/settings-store';
import type { DesktopBoot } from './desktop-boot';

/**
 * The real engine behind the desktop shell: the same UI handlers `serve` uses, over IPC, with
 * the daily scheduler running in this process. `desktopDir` comes from the entry file, since
 * this module may land in a shared chunk elsewhere in dist/.
 */
export function createDesktopBoot(desktopDir: string, env: NodeJS.ProcessEnv = process.env): DesktopBoot {
  // FOLLOWER_PULSE_NOW (contract §3) applies here as in the CLI, so tests can pin the clock.
  const now = (): Date => nowFromEnv(env);
  return {
    env,
    platform: process.platform,
    homedir: homedir(),
    cwd: process.cwd(),
    desktopDir,
    now,
    createLogger: (home) => createFileLogger({ dir: path.join(home, 'logs'), redactor }),
    createServices: ({ home, logger, openExternal }) =>
      Promise.resolve({
        handlers: createUiHandlers({ home, env, secrets: openSecretStore(env), logger, now, transport: 'ipc', openExternal, schedule: true }),
      }),
  };
}
