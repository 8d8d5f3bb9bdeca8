import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../../shared/secret-names';
import type { ApiFailure, ConnectionTest, SecretStatus } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { Alert } from '../../components/alert';
import { FailureAlert } from '../../components/failure-alert';
import { SelectField, TextField } from '../../components/fields';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatNumber } from '../../format/format';
import { useApp } from '../../hooks/app-context';
import { SecretField } from './secret-field';

type OtherNetwork = 'facebook' | 'instagram' | 'x';

const NETWORKS: { value: OtherNetwork; label: string; secret: SecretName; placeholder: string }[] = [
  { value: 'facebook', label: 'Facebook', secret: 'facebook.pageToken', placeholder: '104173652001234' },
  { value: 'instagram', label: 'Instagram', secret: 'instagram.accessToken', placeholder: '17841400008460056' },
  { value: 'x', label: 'X', secret: 'x.bearerToken', placeholder: 'XDevelopers' },
];

/** Facebook, Instagram and X accounts: a network picker, its token, the account and "test connection". */
export function NetworkAccountForm({ busy, onAdd }: { busy: boolean; onAdd: (network: OtherNetwork, id: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const api = useApi();
  const secretsQuery = useApiQuery('secrets.status');
  const [secrets, setSecrets] = useState<SecretStatus | null>(null);
  const [network, setNetwork] = useState<OtherNetwork>('facebook');
  const [accountId, setAccountId] = useState('');
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState<ConnectionTest | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const chosen = NETWORKS.find((n) => n.value === network) ?? NETWORKS[0];
  const status = secrets ?? (secretsQuery.result?.ok ? secretsQuery.result.value : null);

  const test = async (): Promise<void> => {
    setTesting(true);
    setTested(null);
    setFailure(null);
    const id = accountId.trim();
    const result = await api.call('sources.testConnection', id ? { network, accountId: id } : { network });
    setTesting(false);
    if (result.ok) setTested(result.value);
    else setFailure(result);
  };

  return (
    <div className="settings-subsection stack" data-testid="network-account-form">
      <h3>{t('networkForm.title')}</h3>
      <SelectField
        label={t('networkForm.network')}
        value={network}
        options={NETWORKS.map((n) => ({ value: n.value, label: n.label }))}
        onChange={(value) => {
          setNetwork(value);
          setTested(null);
        }}
      />
      <SecretField name={chosen.secret} label={t(`networkForm.token.${network}`)} help={t(`networkForm.tokenHelp.${network}`)} status={status} onStatus={setSecrets} />
      <div className="add-by-id">
        <TextField label={t('networkForm.accountId')} value={accountId} onChange={setAccountId} help={t(`networkForm.idHelp.${network}`)} placeholder={chosen.placeholder} className="grow" />
        <button
          type="button"
          className="btn"
          disabled={busy || accountId.trim() === ''}
          onClick={() => {
            onAdd(network, accountId.trim());
            setAccountId('');
          }}
        >
          {t('networkForm.add')}
        </button>
        <button type="button" className="btn" disabled={testing} onClick={() => void test()}>
          {testing ? <Spinner /> : null}
          {testing ? t('networkForm.testing') : t('networkForm.test')}
        </button>
      </div>
      {tested?.ok ? (
        <Alert tone="success" title={t('networkForm.ok')} testId="network-test-ok">
          {tested.name === null ? t('networkForm.okToken') : t('networkForm.okAccount', { name: tested.name, followers: formatNumber(tested.followers ?? 0, language) })}
        </Alert>
      ) : null}
      {tested && !tested.ok ? <FailureAlert failure={tested.problem} title={t('networkForm.problem')} testId="network-test-problem" /> : null}
      {failure ? <FailureAlert failure={failure} /> : null}
    </div>
  );
}
