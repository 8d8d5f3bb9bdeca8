import { useTranslation } from 'react-i18next';
import type { TokenCheck } from '../../../shared/ui-api';
import { Alert } from '../../components/alert';
import { ExplainedError } from '../../components/explained-error';
import { useApp } from '../../hooks/app-context';
import { formatDate } from '../../format/format';

export function TokenCheckView({ check }: { check: TokenCheck }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  if (!check.valid && check.problem) return <ExplainedError {...check.problem} testId="token-check" />;
  if (!check.valid) {
    return (
      <Alert tone="error" title={t('linkedin.tokenInvalid')} testId="token-check">
        {t('linkedin.tokenInvalidTodo')}
      </Alert>
    );
  }
  const expiry = check.expiresAt
    ? t(check.expiresAtIsEstimate ? 'linkedin.expiresEstimate' : 'linkedin.expires', { when: formatDate(check.expiresAt, language) })
    : t('linkedin.expiresUnknown');
  return (
    <Alert tone="success" title={t('linkedin.tokenValid')} testId="token-check">
      <span>{expiry}</span>
      <span>{t('linkedin.pagesAdministered', { count: check.pages.length })}</span>
    </Alert>
  );
}
