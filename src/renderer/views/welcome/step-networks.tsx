import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure, AccountView } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { useApiQuery } from '../../hooks/use-api-query';
import { NetworkAccountForm } from '../settings/network-account-form';
import { networkLabel } from '../shared/labels';
import { StepFooter, StepHeader } from './step-frame';

/** Optional: Facebook, Instagram and X accounts next to the LinkedIn pages, with the same form as Settings › Pages. */
export function StepNetworks({ onBack, onNext }: { onBack: () => void; onNext: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const initial = useApiQuery('accounts.list');
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const others = (accounts ?? (initial.result?.ok ? initial.result.value : [])).filter((a) => a.network !== 'linkedin');

  const add = async (network: AccountView['network'], id: string): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await api.call('accounts.add', { network, id });
    setBusy(false);
    if (result.ok) setAccounts(result.value);
    else setFailure(result);
  };

  return (
    <>
      <div className="card__body stack stack--loose">
        <StepHeader title={t('welcomeNetworks.title')} text={t('welcomeNetworks.text')} />
        {others.length ? (
          <div className="stack stack--tight" data-testid="welcome-networks-added">
            <span className="field__label">{t('welcomeNetworks.added')}</span>
            <ul className="found-pages">
              {others.map((a) => (
                <li key={`${a.network}:${a.id}`}>
                  <strong>{a.name || a.id}</strong> <span className="muted">· {networkLabel(t, a.network)} · ID {a.id}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <NetworkAccountForm busy={busy} onAdd={(network, id) => void add(network, id)} />
        {failure ? <FailureAlert failure={failure} /> : null}
      </div>
      <StepFooter onBack={onBack}>
        {others.length ? (
          <button type="button" className="btn btn--primary" onClick={onNext}>
            {t('welcomeNetworks.continue')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={onNext}>
            {t('welcomeNetworks.skip')}
          </button>
        )}
      </StepFooter>
    </>
  );
}
