import type { Settings } from '../../shared/settings-schema';
import { HIDDEN_FLAG } from './desktop-args';

export interface LoginItemSettings {
  openAtLogin: boolean;
  args: string[];
}

/**
 * app.setLoginItemSettings for settings.schedule.launchAtLogin (Windows and macOS; Electron
 * ignores it on Linux). `--hidden` rather than macOS-only `openAsHidden`, which current
 * Electron no longer documents.
 */
export function loginItemSettings(settings: Pick<Settings, 'schedule'>): LoginItemSettings {
  return { openAtLogin: settings.schedule.launchAtLogin, args: [HIDDEN_FLAG] };
}
