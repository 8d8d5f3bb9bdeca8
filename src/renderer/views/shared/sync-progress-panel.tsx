import { useTranslation } from 'react-i18next';
import { describeProgress, type Language } from '../../../shared/i18n';
import type { SyncProgressEvent } from '../../../shared/ui-api';
import { Alert } from '../../components/alert';
import { FailureAlert } from '../../components/failure-alert';
import { CloseIcon } from '../../components/icons';
import { ProgressBar } from '../../components/progress-bar';
import { StatusBadge } from '../../components/status-badge';
import { useApp } from '../../hooks/app-context';
import { useSync } from '../../hooks/sync-context';
import { formatDay, formatNumber } from '../../format/format';
import { daysWritten } from './run-summary';
import './sync-progress.css';

/** Live progress of the current sync, then how it ended, with a way to the run's details. */
export function SyncProgressPanel({ onShowRun, dismissible = true }: { onShowRun?: (runId: string) => void; dismissible?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { language } = useApp();
  const sync = useSync();
  if (sync.failure) return <FailureAlert failure={sync.failure} title={t('sync.startFailed')} testId="sync-failure" />;
  if (sync.phase === 'idle') return null;

  if (sync.phase === 'finished' && sync.finishedRun) {
    const run = sync.finishedRun;
    const ok = run.status === 'success' || run.status === 'up-to-date';
    return (
      <div className="sync-panel card" data-testid="sync-progress" data-phase="finished" data-status={run.status}>
        <div className="sync-panel__row">
          <div className="stack stack--tight grow">
            <div className="row">
              <strong>{ok ? t('sync.finished') : run.status === 'failed' ? t('viewFixes.syncFailed') : t('sync.finishedWithProblems')}</strong>
              <StatusBadge status={run.status} />
            </div>
            <span className="text-2">{t('sync.finishedSummary', { days: formatNumber(daysWritten(run), language), count: daysWritten(run) })}</span>
          </div>
          {onShowRun ? (
            <button type="button" className="btn btn--small" onClick={() => onShowRun(run.runId)}>
              {t('sync.showDetails')}
            </button>
          ) : null}
          {dismissible ? (
            <button type="button" className="btn btn--ghost btn--small" onClick={sync.dismiss} aria-label={t('common.close')}>
              <CloseIcon size={16} />
            </button>
          ) : null}
        </div>
        <ProgressBar fraction={1} label={t('sync.progressLabel')} />
      </div>
    );
  }

  // 0 % says "nothing happened" while pages are being fetched: show activity until one is done.
  const fraction = sync.progress?.fraction ? sync.progress.fraction : null;
  return (
    <div className="sync-panel card" data-testid="sync-progress" data-phase="running" aria-live="polite">
      <div className="sync-panel__row">
        <div className="stack stack--tight grow">
          <strong>{t('sync.running')}</strong>
          <span className="text-2" data-testid="sync-message">
            {progressLine(sync.progress, language) || t('sync.starting')}
          </span>
        </div>
        {fraction !== null ? <span className="sync-panel__percent">{formatNumber(Math.round(fraction * 100), language)} %</span> : null}
      </div>
      <ProgressBar fraction={fraction} label={t('sync.progressLabel')} />
      {sync.joinedRunning ? <Alert tone="info">{t('sync.joined')}</Alert> : null}
    </div>
  );
}

/** The runner's line in the reader's language; an engine that sends no `text` yet keeps its English line. */
function progressLine(progress: SyncProgressEvent | null, language: Language): string {
  if (!progress) return '';
  const localized = progress.text
    ? describeProgress(language, progress.text, { day: (day) => formatDay(day, language), number: (value) => formatNumber(value, language) })
    : null;
  return localized ?? progress.message;
}
