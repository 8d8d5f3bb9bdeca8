import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName } from '../../../shared/secret-names';
import type { ApiFailure, SecretStatus } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { SecretChip } from '../../components/secret-chip';

interface SecretFieldProps {
  name: SecretName;
  label: string;
  help?: string;
  status: SecretStatus | null;
  onStatus: (status: SecretStatus) => void;
}

/**
 * A secret is written or cleared, never read back: the UI knows only "definido / não
 * definido" (architecture: secrets never cross IPC).
 */
export function SecretField({ name, label, help, status, onStatus }: SecretFieldProps): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const current = status?.[name];
  const inputId = `secret-${name.replace('.', '-')}`;

  const apply = async (action: 'set' | 'clear'): Promise<void> => {
    if (action === 'set' && !value) return;
    setBusy(true);
    setFailure(null);
    const result = action === 'set' ? await api.call('secrets.set', { name, value }) : await api.call('secrets.clear', { name });
    setBusy(false);
    if (!result.ok) return setFailure(result);
    onStatus(result.value);
    setValue('');
    setEditing(false);
  };

  return (
    <div className="field secret-field" data-secret={name}>
      <span className="field__label" id={`${inputId}-label`}>
        {label}
      </span>
      <div className="row">
        <SecretChip status={current} />
        {!editing ? (
          <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
            {current?.set ? t('settings.secret.replace') : t('settings.secret.set')}
          </button>
        ) : null}
        {!editing && current?.set && current.source === 'keychain' ? (
          <button type="button" className="btn btn--small btn--danger" onClick={() => void apply('clear')} disabled={busy}>
            {t('settings.secret.clear')}
          </button>
        ) : null}
      </div>
      {current?.source === 'environment' ? <span className="field__help">{t('settings.secret.fromEnvironment')}</span> : null}
      {editing ? (
        <div className="row secret-field__edit">
          <input
            id={inputId}
            className="input grow"
            type="password"
            autoComplete="off"
            value={value}
            aria-labelledby={`${inputId}-label`}
            placeholder={t('settings.secret.placeholder')}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void apply('set');
              }
            }}
          />
          <button type="button" className="btn btn--small btn--primary" onClick={() => void apply('set')} disabled={busy || !value}>
            {t('settings.secret.store')}
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {help && !editing ? <span className="field__help">{help}</span> : null}
      {failure ? <FailureAlert failure={failure} /> : null}
    </div>
  );
}
