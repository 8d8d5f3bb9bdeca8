import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { routeHref } from '../../hooks/use-route';
import { PageCoverageCard } from './page-coverage-card';
import { PreviewsCard } from './previews-card';
import { SqlCard } from './sql-card';
import './chart-setup';
import './data.css';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';
import { useApi } from '../../api/api-context';
import { useInsightsQuery } from '../dashboard/insights-api';

const DEFAULT_SQL = `SELECT day, account_id, organic_gain, paid_gain, total_gain
FROM follower_gains
ORDER BY day DESC
LIMIT 30`;

export function DataView(): React.JSX.Element {
  const { t } = useTranslation();
  const coverage = useApiQuery('lake.coverage', undefined);
  useReloadAfterRuns(coverage.reload);
  const api = useApi();
  const events = useInsightsQuery(api, 'events.list', undefined);
  const [sql, setSql] = useState(DEFAULT_SQL);
  const editor = useRef<HTMLTextAreaElement>(null);

  const openInEditor = (text: string): void => {
    setSql(text);
    editor.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    editor.current?.focus({ preventScroll: true });
  };

  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('data.title')}</h1>
          <p className="page__subtitle">{t('data.subtitle')}</p>
        </div>
        <a className="btn" href={routeHref({ view: 'import' })} data-testid="open-import">{t('importView.open')}</a>
      </header>
      {!coverage.result ? (
        <section className="card">
          <div className="empty">
            <Spinner label={t('data.loading')} />
            <span>{t('data.loading')}</span>
          </div>
        </section>
      ) : null}
      {coverage.result && !coverage.result.ok ? <FailureAlert failure={coverage.result} /> : null}
      {coverage.result?.ok && coverage.result.value.length === 0 ? (
        <section className="card">
          <EmptyState title={t('data.empty')}>
            <a className="btn" href={routeHref({ view: 'settings', section: 'pages' })}>
              {t('data.emptyAction')}
            </a>
          </EmptyState>
        </section>
      ) : null}
      {coverage.result?.ok ? coverage.result.value.map((c) => <PageCoverageCard key={`${c.network}:${c.accountId}`} coverage={c} events={events.result?.ok ? events.result.value.events : []} />) : null}
      <PreviewsCard onOpenInEditor={openInEditor} />
      <SqlCard ref={editor} sql={sql} onSqlChange={setSql} />
    </div>
  );
}
