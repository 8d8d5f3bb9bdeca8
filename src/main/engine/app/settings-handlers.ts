import { existsSync } from 'node:fs';
import { defaultSettings, type Settings } from '../../../shared/settings-schema';
import type { AppInfo, ApiFailure, DeepPartial } from '../../../shared/ui-api';
import type { AppContext } from './app-context';
import type { MethodGroup } from './method-table';
import { toApiFailure } from './api-failure';
import { appVersion } from './app-version';
import type { SettingsWriter } from './settings-writer';

/** app.info, settings.get, settings.update. */
export function createSettingsHandlers(ctx: AppContext, writer: SettingsWriter): MethodGroup<'app.info' | 'settings.get' | 'settings.update'> {
  return {
    /** Always answers, even with a broken settings.json: the UI must start to show the banner. */
    'app.info': async (): Promise<AppInfo> => {
      let settings: Settings = defaultSettings();
      let settingsProblem: ApiFailure | null = null;
      try {
        settings = await ctx.settings();
      } catch (error) {
        settingsProblem = toApiFailure(error);
      }
      return {
        version: ctx.deps.version ?? appVersion(),
        home: ctx.deps.home,
        lakeDir: ctx.lakeDir(settings),
        platform: process.platform,
        transport: ctx.deps.transport,
        settingsProblem,
        firstLaunch: !existsSync(ctx.settingsStore.path),
      };
    },
    'settings.get': (): Promise<Settings> => ctx.settings(),
    'settings.update': (patch: DeepPartial<Settings>): Promise<Settings> => writer.patch(patch),
  };
}
