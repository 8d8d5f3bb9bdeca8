import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunRecord } from '../../../shared/run-record';
import { ExplainedError } from '../../components/explained-error';
import { FailureAlert } from '../../components/failure-alert';
import { CloseIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatBytes, formatDuration, formatNumber } from '../../format/format';
import { destinationLabel } from '../shared/labels';
import { runDurationMs } from '../shared/run-summary';
import { AccountResult } from './account-result';
import { AlertChips } from './alert-chips';
import { RunWarnings } from './run-warnings';
import { formatInstantWithSeconds } from '../../../shared/close-runs';

function rowsWritten(run: RunRecord): number {
  return run.accounts.reduce((n, a) => n + a.rowsWritten, 0);
}

interface RunDetailProps {
  runId: string;
  /** The record from the list, when it is there; otherwise it is fetched (a link to an old run). */
  listed: RunRecord | null;
  pageNames: Map<string, string>;
  onClose: () => void;
}

export function RunDetail({ runId, listed, pageNames, onClose }: RunDetailProps): React.JSX.Element {
  const { t } = useTranslation();
  const fetched = useApiQuery('runs.get', { runId }, listed === null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runId, onClose]);

  const run = listed ?? (fetched.result?.ok ? fetched.result.value : null);
  return (
    <aside className="drawer" aria-labelledby="run-detail-title" data-testid="run-detail">
      <div className="drawer__header">
        <h2 id="run-detail-title" ref={heading} tabIndex={-1}>
          {t('runs.detail.title')}
        </h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose} aria-label={t('common.close')}>
          <CloseIcon size={18} />
        </button>
      </div>
      <div className="drawer__body">
        {run ? <RunDetailBody run={run} pageNames={pageNames} /> : null}
        {!run && fetched.result && !fetched.result.ok ? <FailureAlert failure={fetched.result} /> : null}
        {!run && fetched.result?.ok && fetched.result.value === null ? <p className="muted">{t('runs.detail.notFound')}</p> : null}
        {!run && !fetched.result ? <Spinner label={t('common.loading')} /> : null}
      </div>
    </aside>
  );
}

function RunDetailBody({ run, pageNames }: { run: RunRecord; pageNames: Map<string, string> }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  return (
    <div className="stack stack--loose">
      <div className="row">
        <StatusBadge status={run.status} />
        <span className="text-2">{t(`statusMeaning.${run.status}`)}</span>
      </div>
      {run.error ? <ExplainedError code={run.error.code} message={run.error.message} testId="run-error" /> : null}
      <dl className="facts">
        <dt>{t('runs.detail.started')}</dt>
        <dd>{formatInstantWithSeconds(run.startedAt, language)}</dd>
        <dt>{t('runs.detail.duration')}</dt>
        <dd>{formatDuration(runDurationMs(run), language)}</dd>
        <dt>{t('runs.detail.trigger')}</dt>
        <dd>{t(`trigger.${run.trigger}`)}</dd>
        <dt>{t('runs.detail.apiCalls')}</dt>
        <dd>{formatNumber(run.apiCalls, language)}</dd>
        <dt>{t('runs.detail.bytesWritten')}</dt>
        {/* The run's own record is written even when no data is: those bytes are not "data written". */}
        <dd data-testid="bytes-written">{rowsWritten(run) === 0 ? t('viewFixes.nothingWritten') : formatBytes(run.bytesWritten, language)}</dd>
        <dt>{t('runs.detail.destinations')}</dt>
        <dd>{run.destinations.length ? run.destinations.map((d) => destinationLabel(t, d)).join(', ') : '—'}</dd>
        <dt>{t('runs.detail.alerts')}</dt>
        <dd>
          <AlertChips alerts={run.alerts} />
        </dd>
        <dt>{t('runs.detail.runId')}</dt>
        <dd className="mono">{run.runId}</dd>
      </dl>
      <section className="stack" aria-labelledby="run-pages-title">
        <h3 id="run-pages-title">{t('runs.detail.pages')}</h3>
        {run.accounts.length === 0 ? <p className="muted">{t('runs.detail.noPages')}</p> : null}
        {run.accounts.map((a) => (
          <AccountResult key={`${a.network}:${a.accountId}`} result={a} name={pageNames.get(`${a.network}:${a.accountId}`) ?? ''} runErrorCode={run.error?.code ?? null} />
        ))}
      </section>
      <RunWarnings warnings={run.warnings} />
    </div>
  );
}
