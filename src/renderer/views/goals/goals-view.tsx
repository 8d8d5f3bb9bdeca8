import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay } from '../../../shared/day';
import type { GoalInput, GoalView } from '../../../shared/insights';
import type { ApiFailure } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../components/empty-state';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';
import { formatDay, formatNumber } from '../../format/format';
import { callInsights, useInsightsQuery } from '../dashboard/insights-api';
import { GoalProgress, GoalStatusBadge } from './goal-status';
import './goals.css';

/** Follower goals: a target by a date, for one page or all, with the pace it takes and the pace there is. */
export function GoalsView(): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const api = useApi();
  const id = useId();
  const goals = useInsightsQuery(api, 'goals.list', undefined);
  const accounts = useApiQuery('accounts.list');
  useReloadAfterRuns(goals.reload);
  const accountList = accounts.result?.ok ? accounts.result.value : [];
  const names = new Map(accountList.map((a) => [`${a.network}:${a.id}`, a.name]));
  const [draft, setDraft] = useState({ name: '', target: '', by: '', scope: 'all' });
  const [error, setError] = useState<'target' | 'by' | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const list = goals.result?.ok ? goals.result.value.goals : [];

  const add = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const target = Number(draft.target.replace(/[.\s,]/g, ''));
    if (!Number.isInteger(target) || target <= 0) return setError('target');
    if (!isDay(draft.by)) return setError('by');
    setError(null);
    const input: GoalInput = { target, by: draft.by };
    if (draft.name.trim()) input.name = draft.name.trim();
    if (draft.scope !== 'all') {
      const [network, ...rest] = draft.scope.split(':');
      input.network = network as GoalInput['network'];
      input.accountId = rest.join(':');
    }
    setBusy(true);
    setFailure(null);
    const result = await callInsights(api, 'goals.add', input);
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setDraft({ name: '', target: '', by: '', scope: draft.scope });
    goals.reload();
  };

  const remove = async (goal: GoalView): Promise<void> => {
    if (!window.confirm(t('goals.confirmRemove', { name: goal.name }))) return;
    setBusy(true);
    const result = await callInsights(api, 'goals.remove', { id: goal.id });
    setBusy(false);
    if (!result.ok) return setFailure(result);
    goals.reload();
  };

  const scopeName = (g: GoalView): string => {
    if (!g.accountId) return t('goals.allPages');
    const key = g.accountId.includes(':') ? g.accountId : `${g.network ?? 'linkedin'}:${g.accountId}`;
    return names.get(key) ?? g.accountId;
  };
  const pace = (value: number | null): string => (value === null ? '—' : t('goals.perDay', { value: formatNumber(value, language, Math.abs(value) < 10 ? 1 : 0) }));

  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('goals.title')}</h1>
          <p className="page__subtitle">{t('goals.subtitle')}</p>
        </div>
      </header>
      <section className="card" aria-labelledby={`${id}-add`}>
        <div className="card__header">
          <h2 className="card__title" id={`${id}-add`}>
            {t('goals.addTitle')}
          </h2>
        </div>
        <form className="card__body stack" onSubmit={(e) => void add(e)} data-testid="goal-form" noValidate>
          <div className="goal-form">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-target`}>
                {t('goals.form.target')}
              </label>
              <input id={`${id}-target`} className="input" inputMode="numeric" value={draft.target} placeholder="15000" onChange={(e) => setDraft({ ...draft, target: e.target.value })} />
              {error === 'target' ? <div className="field__error" role="alert">{t('goals.form.targetError')}</div> : null}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-by`}>
                {t('goals.form.by')}
              </label>
              <input id={`${id}-by`} className="input" type="date" value={draft.by} onChange={(e) => setDraft({ ...draft, by: e.target.value })} />
              {error === 'by' ? <div className="field__error" role="alert">{t('goals.form.byError')}</div> : null}
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-scope`}>
                {t('goals.form.page')}
              </label>
              <select id={`${id}-scope`} className="select" value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value })}>
                <option value="all">{t('goals.allPages')}</option>
                {accountList.map((a) => (
                  <option key={`${a.network}:${a.id}`} value={`${a.network}:${a.id}`}>
                    {a.name || a.id}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-name`}>
                {t('goals.form.name')}
              </label>
              <input id={`${id}-name`} className="input" value={draft.name} placeholder={t('goals.form.namePlaceholder')} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </div>
            <button type="submit" className="btn btn--primary goal-form__submit" disabled={busy}>
              {t('goals.add')}
            </button>
          </div>
        </form>
      </section>
      {failure ? <FailureAlert failure={failure} testId="goals-failure" /> : null}
      {!goals.result ? <Spinner label={t('common.loading')} /> : null}
      {goals.result && !goals.result.ok ? <FailureAlert failure={goals.result} /> : null}
      {goals.result?.ok && list.length === 0 ? (
        <section className="card">
          <EmptyState title={t('goals.empty')} />
        </section>
      ) : null}
      <div className="goal-grid">
        {list.map((g) => (
          <section key={g.id} className="card goal-card" data-testid="goal-card" aria-label={g.name}>
            <div className="card__header">
              <div>
                <h2 className="card__title">{g.name}</h2>
                <div className="card__subtitle">{scopeName(g)}</div>
              </div>
              <GoalStatusBadge status={g.status} />
            </div>
            <div className="card__body stack">
              <GoalProgress goal={g} />
              <dl className="goal-facts">
                <div>
                  <dt>{t('goals.needed')}</dt>
                  <dd>{g.status === 'met' ? '—' : pace(g.neededPerDay)}</dd>
                </div>
                <div>
                  <dt>{t('goals.pace')}</dt>
                  <dd>{pace(g.pacePerDay)}</dd>
                </div>
                <div>
                  <dt>{t('goals.projected')}</dt>
                  <dd data-testid="goal-projected">{g.status === 'met' ? t('goals.reached') : g.projectedDate ? formatDay(g.projectedDate, language) : t('goals.notAtThisPace')}</dd>
                </div>
                <div>
                  <dt>{t('goals.daysLeft')}</dt>
                  <dd>{g.daysLeft === null ? '—' : formatNumber(g.daysLeft, language)}</dd>
                </div>
              </dl>
              <p className="muted">{g.asOf ? t('goals.asOf', { day: formatDay(g.asOf, language) }) : t('goals.noData')}</p>
              <div className="row row--end">
                <button type="button" className="btn btn--small btn--ghost" onClick={() => void remove(g)} disabled={busy}>
                  {t('common.remove')}
                </button>
              </div>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
