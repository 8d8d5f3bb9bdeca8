import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/app-context';
import { useApiQuery } from '../hooks/use-api-query';
import { useSync } from '../hooks/sync-context';
import { formatInstant } from '../format/format';
import { Spinner } from './spinner';

/** A glance at "does it run every day": a running sync, or when the next one is due. */
export function SidebarStatus(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { language, settings } = useApp();
  const sync = useSync();
  const scheduler = useApiQuery('scheduler.state', undefined);
  const { reload } = scheduler;
  const running = sync.phase === 'starting' || sync.phase === 'running';
  if (running) {
    return (
      <span className="row sidebar-status">
        <Spinner /> {t('sync.runningShort')}
      </span>
    );
  }
  if (!scheduler.result?.ok) return null;
  const state = scheduler.result.value;
  // Settings may have changed since this was loaded (schedule turned off in this session).
  const enabled = settings?.schedule.enabled ?? state.enabled;
  // `serve --no-schedule`: this process will not run the next slot, so it is not promised.
  const text = !enabled ? t('sync.scheduleOff') : state.inProcess === false ? t('viewFixes.scheduleElsewhere') : state.nextRunAt ? t('sync.nextRun', { when: formatInstant(state.nextRunAt, language) }) : t('sync.scheduleOff');
  return (
    <button type="button" className="sidebar-status sidebar-status--button" onClick={reload} title={state.inProcess === false ? t('viewFixes.scheduleElsewhereHint') : t('sync.refreshSchedule')} data-testid="sidebar-schedule">
      {text}
    </button>
  );
}
