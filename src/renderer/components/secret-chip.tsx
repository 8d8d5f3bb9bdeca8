import { useTranslation } from 'react-i18next';
import type { SecretStatus } from '../../shared/ui-api';

/** Secrets are never shown, only whether one is stored and where (keychain or environment). */
export function SecretChip({ status }: { status: SecretStatus[keyof SecretStatus] | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  if (!status?.set) return <span className="badge" data-testid="secret-state">{t('common.notSet')}</span>;
  return (
    <span className="badge badge--success" data-testid="secret-state">
      {status.source === 'environment' ? t('common.setFromEnvironment') : t('common.set')}
    </span>
  );
}
