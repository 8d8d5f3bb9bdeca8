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
import { networksEn } from '../../i18n/networks-en';
import { networksPtBr } from '../../i18n/networks-pt-br';
import { SecretField } from './secret-field';

type OtherNetwork = 'facebook' | 'instagram' | 'x';

const NETWORKS: { value: OtherNetwork; label: string; secret: SecretName; placeholder: string }[] = [
  { value: 'facebook', label: 'Facebook', secret: 'facebook.pageToken', placeholder: '104173652001234' },
  { value: 'instagram', label: 'Instagram', secret: 'instagram.accessToken', placeholder: '17841400008460056' },
  { value: 'x', label: 'X', secret: 'x.bearerToken', placeholder: 'XDevelopers' },
];

/** Facebook, Instagram and X accounts: a network picker, its token, the account and "test connection". */
export function NetworkAccountForm({ busy, onAdd }: { busy: boolean; onAdd: (network: OtherNetwork, id: string) => void }): React.JSX.Element {
  const { i18n } = useTranslation();
  const text = i18n.language === 'en' ? networksEn : networksPtBr;
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
      <h3>{text.title}</h3>
      <SelectField
        label={text.network}
        value={network}
        options={NETWORKS.map((n) => ({ value: n.value, label: n.label }))}
        onChange={(value) => {
          setNetwork(value);
          setTested(null);
        }}
      />
      <SecretField name={chosen.secret} label={text.token[network]} help={text.tokenHelp[network]} status={status} onStatus={setSecrets} />
      <div className="add-by-id">
        <TextField label={text.accountId} value={accountId} onChange={setAccountId} help={text.idHelp[network]} placeholder={chosen.placeholder} className="grow" />
        <button
          type="button"
          className="btn"
          disabled={busy || accountId.trim() === ''}
          onClick={() => {
            onAdd(network, accountId.trim());
            setAccountId('');
          }}
        >
          {text.add}
        </button>
        <button type="button" className="btn" disabled={testing} onClick={() => void test()}>
          {testing ? <Spinner /> : null}
          {testing ? text.testing : text.test}
        </button>
      </div>
      {tested?.ok ? (
        <Alert tone="success" title={text.ok} testId="network-test-ok">
          {tested.name === null ? text.okToken : text.okAccount.replace('{{name}}', tested.name).replace('{{followers}}', (tested.followers ?? 0).toLocaleString(i18n.language))}
        </Alert>
      ) : null}
      {tested && !tested.ok ? <FailureAlert failure={tested.problem} title={text.problem} testId="network-test-problem" /> : null}
      {failure ? <FailureAlert failure={failure} /> : null}
    </div>
  );
}
