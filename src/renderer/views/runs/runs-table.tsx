import { useTranslation } from 'react-i18next';
import type { RunRecord } from '../../../shared/run-record';
import { EmptyState } from '../../components/empty-state';
import { Spinner } from '../../components/spinner';
import { StatusBadge } from '../../components/status-badge';
import { useApp } from '../../hooks/app-context';
import { navigate, routeHref } from '../../hooks/use-route';
import { formatDuration, formatInstant, formatNumber } from '../../format/format';
import { daysWritten, runDurationMs } from '../shared/run-summary';
import { destinationLabel } from '../shared/labels';
import { AlertChips } from './alert-chips';
import { formatInstantWithSeconds, runsNeedingSeconds } from '../../../shared/close-runs';

export function RunsTable({ runs, selectedRunId, filtered }: { runs: RunRecord[] | null; selectedRunId: string | null; filtered: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  if (runs === null) {
    return (
      <div className="empty">
        <Spinner label={t('common.loading')} />
      </div>
    );
  }
  if (runs.length === 0) {
    return <EmptyState title={filtered ? t('runs.emptyFiltered') : t('runs.empty')}>{filtered ? null : <p>{t('runs.emptyHint')}</p>}</EmptyState>;
  }
  const withSeconds = runsNeedingSeconds(runs);
  return (
    <div className="table-wrap">
      <table className="table table--interactive runs-table" aria-label={t('runs.listTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('runs.col.status')}</th>
            <th scope="col">{t('runs.col.started')}</th>
            <th scope="col">{t('runs.col.trigger')}</th>
            <th scope="col" className="num">
              {t('runs.col.duration')}
            </th>
            <th scope="col" className="num">
              {t('runs.col.days')}
            </th>
            <th scope="col">{t('runs.col.destinations')}</th>
            <th scope="col">{t('runs.col.alerts')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => {
            const route = { view: 'runs', runId: run.runId } as const;
            return (
              <tr key={run.runId} className={run.runId === selectedRunId ? 'is-selected' : undefined} onClick={() => navigate(route)} data-run-id={run.runId} data-testid="run-row">
                <td>
                  <StatusBadge status={run.status} />
                </td>
                <td className="nowrap">
                  <a className="row-link" href={routeHref(route)} onClick={(e) => e.stopPropagation()}>
                    {withSeconds.has(run.runId) ? formatInstantWithSeconds(run.startedAt, language) : formatInstant(run.startedAt, language)}
                  </a>
                </td>
                <td>{t(`trigger.${run.trigger}`)}</td>
                <td className="num nowrap">{formatDuration(runDurationMs(run), language)}</td>
                <td className="num">{formatNumber(daysWritten(run), language)}</td>
                <td>
                  <span className="row runs-table__chips">
                    {run.destinations.length === 0 ? <span className="muted">—</span> : run.destinations.map((d) => <span key={d} className="chip">{destinationLabel(t, d)}</span>)}
                  </span>
                </td>
                <td>
                  <AlertChips alerts={run.alerts} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
