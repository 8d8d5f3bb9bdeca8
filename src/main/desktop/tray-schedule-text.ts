import type { Language } from '../../shared/error-explanations';
import type { SchedulerState } from '../../shared/ui-api';

/** Who runs the daily sync, as the scheduler.state UI method reports it. */
export type DailySyncOwner = NonNullable<SchedulerState['dailySyncBy']>;

const OWNER_NAMES: Readonly<Record<Language, Readonly<Record<DailySyncOwner, string>>>> = {
  'pt-BR': {
    app: 'por este app',
    'windows-task-scheduler': 'Agendador de Tarefas do Windows',
    systemd: 'timer do systemd',
    launchd: 'launchd do macOS',
  },
  en: {
    app: 'by this app',
    'windows-task-scheduler': 'Windows Task Scheduler',
    systemd: 'systemd timer',
    launchd: 'macOS launchd',
  },
};

/**
 * The tray's line saying who runs the daily sync ("Daily sync: Windows Task Scheduler"), so
 * nobody wonders whether the app and the OS both run it. Null when there is nothing to say:
 * not known yet, or the app's own schedule is off and no OS task is installed.
 */
export function dailySyncTrayLine(owner: DailySyncOwner | null, scheduleEnabled: boolean, language: Language): string | null {
  if (owner === null || (owner === 'app' && !scheduleEnabled)) return null;
  const name = OWNER_NAMES[language === 'en' ? 'en' : 'pt-BR'][owner];
  return language === 'en' ? `Daily sync: ${name}` : `Sincronização diária: ${name}`;
}
