import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView, ApiFailure, ApiResult, LinkedInPage } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { EmptyState } from '../../components/empty-state';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { AddPageById } from '../linkedin/add-page-by-id';
import { networkLabel } from '../shared/labels';
import { NetworkAccountForm } from './network-account-form';
import { SectionCard } from './section-card';

/** Pages save as you go: each add, remove or switch is one call with an immediate answer. */
export function PagesSection(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useApiQuery('accounts.list');
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<LinkedInPage[] | null>(null);
  const list = accounts ?? (loaded.result?.ok ? loaded.result.value : null);

  const apply = async (call: Promise<ApiResult<AccountView[]>>): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await call;
    setBusy(false);
    if (result.ok) setAccounts(result.value);
    else setFailure(result);
  };

  const discover = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('linkedin.discoverPages');
    setBusy(false);
    if (result.ok) setFound(result.value);
    else setFailure(result);
  };

  const tracked = new Set((list ?? []).map((a) => `${a.network}:${a.id}`));
  const untracked = (found ?? []).filter((p) => !tracked.has(`linkedin:${p.id}`));
  return (
    <SectionCard id="pages" title={t('settings.pages.title')} description={t('settings.pages.description')}>
      {loaded.result && !loaded.result.ok ? <FailureAlert failure={loaded.result} /> : null}
      {list === null && !loaded.result ? <Spinner label={t('common.loading')} /> : null}
      {list && list.length === 0 ? <EmptyState title={t('settings.pages.empty')} /> : null}
      {list && list.length > 0 ? (
        <div className="table-wrap bordered">
          <table className="table" aria-label={t('settings.pages.title')}>
            <thead>
              <tr>
                <th scope="col">{t('settings.pages.name')}</th>
                <th scope="col">{t('settings.pages.id')}</th>
                <th scope="col">{t('settings.pages.tracking')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('settings.pages.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={`${a.network}:${a.id}`} data-testid="page-row">
                  <td>
                    <strong>{a.name || '—'}</strong>
                    <div className="muted">{networkLabel(t, a.network)}</div>
                  </td>
                  <td className="mono">{a.id}</td>
                  <td>
                    <label className="check">
                      <input type="checkbox" checked={a.enabled} disabled={busy} onChange={(e) => void apply(api.call('accounts.setEnabled', { network: a.network, id: a.id, enabled: e.target.checked }))} />
                      <span>{a.enabled ? t('settings.pages.enabled') : t('settings.pages.paused')}</span>
                    </label>
                  </td>
                  <td className="num">
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(t('settings.pages.confirmRemove', { name: a.name || a.id }))) void apply(api.call('accounts.remove', { network: a.network, id: a.id }));
                      }}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="settings-subsection">
        <AddPageById busy={busy} onAdd={(id) => void apply(api.call('accounts.add', { network: 'linkedin', id }))} />
        <div className="row">
          <button type="button" className="btn" onClick={() => void discover()} disabled={busy}>
            {busy ? <Spinner /> : null}
            {t('settings.pages.discover')}
          </button>
        </div>
        {found && untracked.length === 0 ? <p className="muted">{t('settings.pages.allTracked')}</p> : null}
        {untracked.length > 0 ? (
          <ul className="found-pages">
            {untracked.map((p) => (
              <li key={p.id} className="row row--between">
                <span>
                  <strong>{p.name}</strong> <span className="muted">ID {p.id}</span>
                </span>
                <button type="button" className="btn btn--small" disabled={busy} onClick={() => void apply(api.call('accounts.add', { network: 'linkedin', id: p.id, name: p.name }))}>
                  {t('common.add')}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <NetworkAccountForm busy={busy} onAdd={(network, id) => void apply(api.call('accounts.add', { network, id }))} />
      {failure ? <FailureAlert failure={failure} /> : null}
    </SectionCard>
  );
}
