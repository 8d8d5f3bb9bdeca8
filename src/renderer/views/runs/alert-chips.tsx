import { useTranslation } from 'react-i18next';
import type { RunAlert } from '../../../shared/run-record';
import { alertKindLabel } from '../shared/labels';

/** The engine's message when alerts.smtp is empty (alert-sender.ts ALERTS_NOT_SET_UP). */
const ALERTS_NOT_SET_UP_PREFIX = 'Alert e-mail is not set up';

export function AlertChips({ alerts }: { alerts: RunAlert[] }): React.JSX.Element {
  const { t } = useTranslation();
  if (alerts.length === 0) return <span className="muted">—</span>;
  // E-mail not set up is a choice, not a failure: one plain chip instead of one red one per alert.
  const off = alerts.filter((a) => !a.sent && a.error?.message.startsWith(ALERTS_NOT_SET_UP_PREFIX));
  const rest = alerts.filter((a) => !off.includes(a));
  return (
    <span className="row runs-table__chips">
      {off.length ? (
        <span className="chip" title={off.map((a) => alertKindLabel(t, a.kind)).join(', ')} data-testid="alerts-off">
          {t('viewFixes.alertsOff')}
        </span>
      ) : null}
      {rest.map((a, i) => {
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
