import { useTranslation } from 'react-i18next';
import type { RunAlert } from '../../../shared/run-record';
import { alertKindLabel } from '../shared/labels';

export function AlertChips({ alerts }: { alerts: RunAlert[] }): React.JSX.Element {
  const { t } = useTranslation();
  if (alerts.length === 0) return <span className="muted">—</span>;
  return (
    <span className="row runs-table__chips">
      {alerts.map((a, i) => {
        const kind = alertKindLabel(t, a.kind);
        return (
          <span key={`${a.kind}-${i}`} className={`chip${a.sent ? '' : ' chip--problem'}`} title={a.error?.message}>
            {a.sent ? t('runs.alertSent', { kind }) : t('runs.alertNotSent', { kind })}
          </span>
        );
      })}
    </span>
  );
}
