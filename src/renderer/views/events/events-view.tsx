import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyEventInput, CompanyEventView } from '../../../shared/insights';
import type { ApiFailure } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { Alert } from '../../components/alert';
import { EmptyState } from '../../components/empty-state';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';
import { formatDay } from '../../format/format';
import { callInsights, useInsightsQuery } from '../dashboard/insights-api';
import { ActionForm } from './action-form';
import { impactDetail, verdictText } from './verdict';
import './events.css';

type Editing = { mode: 'add' } | { mode: 'edit'; event: CompanyEventView } | null;

/** Company actions (campaigns, posts, launches): what was done when, and what it did to followers. */
export function EventsView(): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const api = useApi();
  const events = useInsightsQuery(api, 'events.list', undefined);
  const accounts = useApiQuery('accounts.list');
  useReloadAfterRuns(events.reload);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const list = events.result?.ok ? [...events.result.value.events].sort((a, b) => b.day.localeCompare(a.day)) : [];
  const accountList = accounts.result?.ok ? accounts.result.value : [];
  const names = new Map(accountList.map((a) => [`${a.network}:${a.id}`, a.name]));

  const run = async (action: () => Promise<{ ok: true } | ApiFailure>, done: string): Promise<void> => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setEditing(null);
    setNotice(done);
    events.reload();
  };

  const save = (input: CompanyEventInput): void => {
    const current = editing;
    void run(
      async () => (current?.mode === 'edit' ? callInsights(api, 'events.update', { ...input, id: current.event.id }) : callInsights(api, 'events.add', input)),
      current?.mode === 'edit' ? t('actions.saved', { title: input.title }) : t('actions.added', { title: input.title }),
    );
  };

  const remove = (event: CompanyEventView): void => {
    if (!window.confirm(t('actions.confirmRemove', { title: event.title }))) return;
    void run(() => callInsights(api, 'events.remove', { id: event.id }), t('actions.removed', { title: event.title }));
  };

  const importFile = async (selected: File | undefined): Promise<void> => {
    if (!selected) return;
    const csv = await selected.text();
    if (file.current) file.current.value = '';
    setBusy(true);
    setFailure(null);
    setNotice(null);
    const result = await callInsights(api, 'events.import', { csv });
    setBusy(false);
    if (!result.ok) return setFailure(result);
    setNotice(t('actions.imported', { count: result.value.imported, file: selected.name }));
    events.reload();
  };

  const pageName = (e: CompanyEventView): string => {
    if (!e.accountId) return t('actions.allPages');
    const key = e.accountId.includes(':') ? e.accountId : `${e.network ?? 'linkedin'}:${e.accountId}`;
    return names.get(key) ?? e.accountId;
  };

  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('actions.title')}</h1>
          <p className="page__subtitle">{t('actions.subtitle')}</p>
        </div>
        <div className="row">
          <label className={`btn${busy ? ' is-disabled' : ''}`}>
            {t('actions.import')}
            <input ref={file} type="file" accept=".csv,text/csv" className="visually-hidden" data-testid="actions-import" disabled={busy} onChange={(e) => void importFile(e.target.files?.[0])} />
          </label>
          <button type="button" className="btn btn--primary" onClick={() => setEditing({ mode: 'add' })} disabled={busy || editing?.mode === 'add'}>
            {t('actions.add')}
          </button>
        </div>
      </header>
      <p className="muted actions-import-help">{t('actions.importHelp')}</p>
      {failure ? <FailureAlert failure={failure} testId="actions-failure" /> : null}
      {notice ? (
        <Alert tone="success" testId="actions-notice">
          {notice}
        </Alert>
      ) : null}
      {editing ? (
        <section className="card" aria-labelledby="action-form-title">
          <div className="card__header">
            <h2 className="card__title" id="action-form-title">
              {editing.mode === 'edit' ? t('actions.editTitle') : t('actions.addTitle')}
            </h2>
          </div>
          <div className="card__body">
            <ActionForm key={editing.mode === 'edit' ? editing.event.id : 'new'} event={editing.mode === 'edit' ? editing.event : null} accounts={accountList} busy={busy} onSubmit={save} onCancel={() => setEditing(null)} />
          </div>
        </section>
      ) : null}
      <section className="card" aria-labelledby="actions-list-title">
        <div className="card__header">
          <h2 className="card__title" id="actions-list-title">
            {t('actions.listTitle')}
          </h2>
          <span className="muted">{t('actions.effectHelp')}</span>
        </div>
        <div className="card__body card__body--flush">
          {!events.result ? (
            <div className="card__body">
              <Spinner label={t('common.loading')} />
            </div>
          ) : null}
          {events.result && !events.result.ok ? (
            <div className="card__body">
              <FailureAlert failure={events.result} />
            </div>
          ) : null}
          {events.result?.ok && list.length === 0 ? <EmptyState title={t('actions.empty')} /> : null}
          {list.length ? (
            <div className="table-wrap">
              <table className="table" data-testid="actions-table">
                <thead>
                  <tr>
                    <th>{t('actions.col.when')}</th>
                    <th>{t('actions.col.action')}</th>
                    <th>{t('actions.col.page')}</th>
                    <th>{t('actions.col.effect')}</th>
                    <th>
                      <span className="visually-hidden">{t('actions.col.tools')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((e) => {
                    const detail = impactDetail(e.impact, language, t);
                    return (
                      <tr key={e.id} data-testid="action-row">
                        <td className="nowrap">
                          {formatDay(e.day, language)}
                          {e.endDay && e.endDay !== e.day ? <span className="muted"> – {formatDay(e.endDay, language)}</span> : null}
                        </td>
                        <td>
                          <strong>{e.title}</strong>
                          <div className="muted">
                            {t(`actions.category.${e.category}` as 'actions.category.other', { defaultValue: e.category })}
                            {e.notes ? ` · ${e.notes}` : ''}
                          </div>
                        </td>
                        <td>{pageName(e)}</td>
                        <td>
                          <span className={`verdict verdict--${e.impact.verdict}`} data-testid="action-verdict">
                            {verdictText(e.impact, language, t)}
                          </span>
                          {detail ? <div className="muted action-detail">{detail}</div> : null}
                        </td>
                        <td className="nowrap">
                          <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing({ mode: 'edit', event: e })} disabled={busy}>
                            {t('actions.edit')}
                          </button>
                          <button type="button" className="btn btn--small btn--ghost" onClick={() => remove(e)} disabled={busy}>
                            {t('common.remove')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      </section>
    </div>
  );
}
