import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyEventView, Granularity } from '../../../shared/insights';
import type { AccountView } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { useApp } from '../../hooks/app-context';
import { EmptyState } from '../../components/empty-state';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';
import { routeHref } from '../../hooks/use-route';
import { formatDayRanges } from '../../format/format';
import { dailyPoints } from '../../../shared/dashboard/daily-points';
import { Freshness } from './freshness';
import { FollowersChart, GainsBarsChart, preloadCharts } from './lazy-charts';
import { HeadlineCards } from './headline-cards';
import { useInsightsQuery } from './insights-api';
import { reportRequest, scopeAccounts, type DashboardSelection } from '../../../shared/dashboard/period';
import { PeriodPicker } from './period-picker';
import { HORIZONS, ProjectionNote } from './projection-note';
import { ReconciliationCard } from './reconciliation-card';
import { DashboardSide } from './dashboard-side';
import { CrossNetworkSection } from './cross-network/cross-network-section';
import { readSelection, saveSelection } from './dashboard-selection';
import { BUCKET_AVERAGE_WINDOW } from '../../../shared/dashboard/moving-average';
import './dashboard.css';
import { Segmented } from '../../components/segmented';
import { CardHeader } from '../../components/card-header';

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/** Does this action concern the selected pages? (no account = every page of its network, or all) */
export function eventInScope(event: CompanyEventView, keys: string[] | undefined): boolean {
  if (!keys) return true;
  if (event.accountId) {
    const key = event.accountId.includes(':') ? event.accountId : `${event.network ?? 'linkedin'}:${event.accountId}`;
    return keys.includes(key);
  }
  return !event.network || keys.some((k) => k.startsWith(`${event.network}:`));
}

/** The home view: how many followers, how they changed, which actions moved them, what comes next. */
export function DashboardView(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useApp();
  const accounts = useApiQuery('accounts.list');
  const list: AccountView[] = accounts.result?.ok ? accounts.result.value : [];
  const [stored, setSelectionState] = useState<DashboardSelection>(readSelection);
  // A page removed since the choice was stored: back to all pages.
  const known = stored.scope === 'all' || list.some((a) => stored.scope === `network:${a.network}` || stored.scope === `${a.network}:${a.id}`);
  const selection = known || !accounts.result?.ok ? stored : { ...stored, scope: 'all' };
  const setSelection = (next: DashboardSelection): void => {
    setSelectionState(next);
    saveSelection(next);
  };
  const [averages, setAverages] = useState({ ma7: true, ma28: false, buckets: true });
  const [horizon, setHorizon] = useState<number>(0);

  useEffect(preloadCharts, []);

  // All pages need no page list: the report is asked for at once, alongside it.
  const request = accounts.result?.ok || selection.scope === 'all' ? reportRequest(selection, list) : null;
  const report = useInsightsQuery(api, 'insights.report', request);
  const main = report.result?.ok ? report.result.value : null;
  // A report without `daily` at week/month granularity: the day chart data comes separately.
  const dailyRequest = main && !main.daily && main.granularity !== 'day' && request ? { ...request, granularity: 'day' as const } : null;
  const dailyReport = useInsightsQuery(api, 'insights.report', dailyRequest);
  const keys = scopeAccounts(selection.scope, list);
  const forecast = useInsightsQuery(api, 'insights.forecast', horizon > 0 && accounts.result?.ok ? { ...(keys ? { accounts: keys } : {}), horizon } : null);
  const freshnessReport = useInsightsQuery(api, 'insights.report', selection.period === 'custom' && accounts.result?.ok ? { ...(keys ? { accounts: keys } : {}), period: '7d', granularity: 'day' } : null);
  const events = useInsightsQuery(api, 'events.list', undefined);
  useReloadAfterRuns(report.reload);
  useReloadAfterRuns(forecast.reload);
  // New days change the actions' effect estimates too.
  useReloadAfterRuns(events.reload);

  const daily = useMemo(() => {
    if (!main) return null;
    return dailyPoints(main) ?? (dailyReport.result?.ok ? dailyPoints(dailyReport.result.value) : null);
  }, [main, dailyReport.result]);
  const scopedEvents = (events.result?.ok ? events.result.value.events : []).filter((e) => eventInScope(e, keys));
  const newestDay = selection.period === 'custom' ? (freshnessReport.result?.ok ? freshnessReport.result.value.to : null) : (main?.to ?? null);
  const fileStem = main ? `follower-pulse-${main.from}-${main.to}` : 'follower-pulse';

  const changeSelection = (next: DashboardSelection): void => {
    // Opening "custom" starts from the range on screen, so the user adjusts rather than types.
    if (next.period === 'custom' && selection.period !== 'custom' && main && !next.customFrom) next = { ...next, customFrom: main.from, customTo: main.to };
    setSelection(next);
  };

  if (accounts.result?.ok && list.length === 0) {
    return (
      <div className="stack stack--loose">
        <DashboardHeader />
        <section className="card">
          <EmptyState title={t('dashboard.empty')}>
            <a className="btn btn--primary" href={routeHref({ view: 'settings', section: 'pages' })}>
              {t('dashboard.emptyAction')}
            </a>
          </EmptyState>
        </section>
      </div>
    );
  }

  return (
    <div className="stack stack--loose dashboard" data-testid="dashboard">
      <DashboardHeader>
        <PeriodPicker selection={selection} accounts={list} onChange={changeSelection} />
      </DashboardHeader>
      <Freshness newestDay={newestDay} />
      {accounts.result && !accounts.result.ok ? <FailureAlert failure={accounts.result} /> : null}
      {report.result && !report.result.ok ? <FailureAlert failure={report.result} title={t('dashboard.loadFailed')} /> : null}
      {!main && (!report.result || report.result.ok) ? (
        <section className="card">
          <div className="empty">
            <Spinner label={t('dashboard.loading')} />
            <span>{t('dashboard.loading')}</span>
          </div>
        </section>
      ) : null}
      {main ? (
        <div className={`stack stack--loose${report.loading ? ' is-refreshing' : ''}`} aria-busy={report.loading}>
          <HeadlineCards report={main} />
          <section className="card" aria-labelledby="followers-title">
            <CardHeader titleId="followers-title" title={t('dashboard.followers.title')} subtitle={t('dashboard.followers.subtitle')}>
              <Segmented
                label={t('dashboard.projection.horizon')}
                name="horizon"
                options={HORIZONS}
                value={horizon}
                onChange={setHorizon}
                text={(h) => (h === 0 ? t('dashboard.projection.off') : t('dashboard.projection.days', { count: h }))}
              />
            </CardHeader>
            <div className="card__body stack">
              {daily ? (
                <FollowersChart
                  points={daily}
                  range={{ from: main.from, to: main.to }}
                  missingDays={main.headline.missingDays}
                  events={scopedEvents}
                  forecast={horizon > 0 && forecast.result?.ok ? forecast.result.value : null}
                  fileStem={fileStem}
                />
              ) : (
                <Spinner label={t('dashboard.loading')} />
              )}
              {horizon > 0 && forecast.result && !forecast.result.ok ? <FailureAlert failure={forecast.result} title={t('dashboard.projection.failed')} /> : null}
              {horizon > 0 && forecast.result?.ok ? <ProjectionNote forecast={forecast.result.value} /> : null}
            </div>
          </section>
          <section className="card" aria-labelledby="gains-title">
            <CardHeader titleId="gains-title" title={t('dashboard.gains.title')} subtitle={t('dashboard.gains.subtitle')}>
              <div className="row dash-chart-controls">
                <Segmented
                  label={t('dashboard.gains.granularity')}
                  name="granularity"
                  options={GRANULARITIES}
                  value={selection.granularity}
                  onChange={(granularity) => setSelection({ ...selection, granularity })}
                  text={(g) => t(`dashboard.gains.by.${g}`)}
                />
                {selection.granularity === 'day' ? (
                  <>
                    <label className="check-inline">
                      <input type="checkbox" checked={averages.ma7} onChange={(e) => setAverages({ ...averages, ma7: e.target.checked })} />
                      {t('dashboard.gains.ma7')}
                    </label>
                    <label className="check-inline">
                      <input type="checkbox" checked={averages.ma28} onChange={(e) => setAverages({ ...averages, ma28: e.target.checked })} />
                      {t('dashboard.gains.ma28')}
                    </label>
                  </>
                ) : (
                  <label className="check-inline">
                    <input type="checkbox" checked={averages.buckets} onChange={(e) => setAverages({ ...averages, buckets: e.target.checked })} data-testid="bucket-average-toggle" />
                    {selection.granularity === 'week' ? t('bucketAverages.week', { n: BUCKET_AVERAGE_WINDOW.week }) : t('bucketAverages.month', { n: BUCKET_AVERAGE_WINDOW.month })}
                  </label>
                )}
              </div>
            </CardHeader>
            <div className="card__body stack">
              <GainsBarsChart
                series={main.series}
                granularity={main.granularity}
                daily={daily}
                averages={averages}
                range={{ from: main.from, to: main.to }}
                missingDays={main.headline.missingDays}
                events={scopedEvents}
                fileStem={fileStem}
              />
              {main.headline.missingDays.length ? (
                <p className="missing-note" data-testid="missing-days">
                  {t('dashboard.missingDays', { count: main.headline.missingDays.length, days: formatDayRanges(main.headline.missingDays, language) })}
                </p>
              ) : null}
            </div>
          </section>
          <CrossNetworkSection report={main} fileStem={fileStem} />
          <ReconciliationCard report={main} />
          <DashboardSide events={scopedEvents} />
        </div>
      ) : null}
    </div>
  );
}

function DashboardHeader({ children }: { children?: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <header className="page__header dashboard__header">
      <div>
        <h1>{t('dashboard.title')}</h1>
        <p className="page__subtitle">{t('dashboard.subtitle')}</p>
      </div>
      {children}
    </header>
  );
}
