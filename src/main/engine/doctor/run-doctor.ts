import { join } from 'node:path';
import type { DoctorCheck } from '../../../shared/ui-api';
import type { SecretStore } from '../secrets/secret-store';
import { resolveLakeDir } from '../settings/home';
import { applyEnvironment, SettingsStore } from '../settings/settings-store';
import { StateStore } from '../settings/state-store';
import { toAppError } from '../errors';
import { SOURCES } from '../sources/registry';
import { checkAthena, checkKeychain, checkLakeWritable, checkS3, checkSmtp } from './doctor-checks';

export interface DoctorOptions {
  home: string;
  env: NodeJS.ProcessEnv;
  secrets: SecretStore;
  now: Date;
  sendTest?: boolean;
}

/** `follower-pulse doctor` and the UI's "Test connection": every check, in the order a user fixes them. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  let settings;
  try {
    settings = applyEnvironment(await new SettingsStore(options.home, options.env).load(), options.env);
    checks.push({ id: 'settings', title: 'Settings', status: 'ok', detail: `${join(options.home, 'settings.json')} is valid` });
  } catch (error) {
    const e = toAppError(error);
    checks.push({ id: 'settings', title: 'Settings', status: 'fail', detail: e.message, fix: e.hint });
    return checks;
  }
  if (settings.accounts.length === 0) {
    checks.push({ id: 'accounts', title: 'Pages', status: 'fail', detail: 'no page is tracked', fix: `run: ${SOURCES.map((s) => `follower-pulse accounts add ${s.id} ${s.accountIdPlaceholder}`).join(' or ')}` });
  } else {
    checks.push({ id: 'accounts', title: 'Pages', status: 'ok', detail: settings.accounts.map((a) => `${a.name || a.id}${a.enabled ? '' : ' (disabled)'}`).join(', ') });
  }
  checks.push(await checkKeychain(options.secrets, settings.accounts.map((a) => a.network)));
  const state = new StateStore(options.home);
  for (const source of SOURCES) checks.push(...((await source.doctorChecks?.({ settings, secrets: options.secrets, state, now: options.now })) ?? []));
  checks.push(await checkLakeWritable(resolveLakeDir(options.home, settings)));
  checks.push(await checkS3(settings));
  checks.push(await checkAthena(settings));
  checks.push(await checkSmtp(settings, options.secrets, options.sendTest ?? false));
  return checks;
}
