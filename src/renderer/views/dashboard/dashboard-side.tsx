import { useTranslation } from 'react-i18next';
import type { CompanyEventView } from '../../../shared/insights';
import { useApi } from '../../api/api-context';
import { useApp } from '../../hooks/app-context';
import { routeHref } from '../../hooks/use-route';
import { formatDay } from '../../format/format';
import { verdictText } from '../events/verdict';
import { GoalProgress, GoalStatusBadge } from '../goals/goal-status';
import { useInsightsQuery } from './insights-api';

const RECENT_ACTIONS = 5;

/** Goals and the latest actions at a glance, each linking to its own view. */
export function DashboardSide({ events }: { events: CompanyEventView[] }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const api = useApi();
  const goals = useInsightsQuery(api, 'goals.list', undefined);
  const goalList = goals.result?.ok ? goals.result.value.goals : [];
  const recent = [...events].sort((a, b) => b.day.localeCompare(a.day)).slice(0, RECENT_ACTIONS);
  return (
    <div className="dash-side">
      <section className="card" aria-labelledby="dash-goals-title" data-testid="dashboard-goals">
        <div className="card__header">
          <h2 className="card__title" id="dash-goals-title">
            {t('goals.title')}
          </h2>
          <a className="btn btn--small" href={routeHref({ view: 'goals' })}>
            {goalList.length ? t('dashboard.side.allGoals') : t('dashboard.side.addGoal')}
          </a>
        </div>
        <div className="card__body stack">
          {goalList.length === 0 ? <p className="muted">{t('dashboard.side.noGoals')}</p> : null}
          {goalList.map((g) => (
            <div key={g.id} className="stack stack--tight">
              <div className="row row--between">
                <strong>{g.name}</strong>
                <GoalStatusBadge status={g.status} />
              </div>
              <GoalProgress goal={g} />
            </div>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="dash-actions-title" data-testid="dashboard-actions">
        <div className="card__header">
          <h2 className="card__title" id="dash-actions-title">
            {t('actions.title')}
          </h2>
          <a className="btn btn--small" href={routeHref({ view: 'actions' })}>
            {recent.length ? t('dashboard.side.allActions') : t('dashboard.side.addAction')}
          </a>
        </div>
        <div className="card__body">
          {recent.length === 0 ? <p className="muted">{t('dashboard.side.noActions')}</p> : null}
          <ul className="action-list">
            {recent.map((e) => (
              <li key={e.id}>
                <span className="action-list__day">{formatDay(e.day, language)}</span>
                <span className="action-list__title">{e.title}</span>
                <span className={`verdict verdict--${e.impact.verdict}`}>{verdictText(e.impact, language, t)}</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
