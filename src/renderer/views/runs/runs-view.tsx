import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../../shared/run-record';
import { FailureAlert } from '../../components/failure-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { navigate } from '../../hooks/use-route';
import { SyncProgressPanel } from '../shared/sync-progress-panel';
import { RunDetail } from './run-detail';
import { RunsTable } from './runs-table';
import { StatusFilter } from './status-filter';
import { SyncNowButton } from './sync-now-button';
import './runs.css';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';

const LIST_LIMIT = 200;

export function RunsView({ selectedRunId }: { selectedRunId: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RunStatus | 'all'>('all');
  const runs = useApiQuery('runs.list', status === 'all' ? { limit: LIST_LIMIT } : { limit: LIST_LIMIT, status });
  const accounts = useApiQuery('accounts.list');
  useReloadAfterRuns(runs.reload);

  const names = new Map((accounts.result?.ok ? accounts.result.value : []).map((a) => [`${a.network}:${a.id}`, a.name]));
  const list = runs.result?.ok ? runs.result.value : null;

  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('runs.title')}</h1>
          <p className="page__subtitle">{t('runs.subtitle')}</p>
        </div>
        <SyncNowButton />
      </header>
      <SyncProgressPanel onShowRun={(runId) => navigate({ view: 'runs', runId })} />
      <section className="card" aria-labelledby="runs-list-title">
        <div className="card__header">
          <h2 className="card__title" id="runs-list-title">
            {t('runs.listTitle')}
          </h2>
          <StatusFilter value={status} onChange={setStatus} />
        </div>
        <div className="card__body card__body--flush">
          {runs.result && !runs.result.ok ? (
            <div className="card__body">
              <FailureAlert failure={runs.result} />
            </div>
          ) : (
            <RunsTable runs={list} selectedRunId={selectedRunId} filtered={status !== 'all'} />
          )}
        </div>
      </section>
      {selectedRunId ? <RunDetail runId={selectedRunId} listed={list?.find((r) => r.runId === selectedRunId) ?? null} pageNames={names} onClose={() => navigate({ view: 'runs', runId: null })} /> : null}
    </div>
  );
}
