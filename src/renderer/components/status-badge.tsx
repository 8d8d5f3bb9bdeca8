import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../shared/run-record';

export function StatusBadge({ status }: { status: RunStatus }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
