import { useTranslation } from 'react-i18next';
import type { DoctorCheck } from '../../../shared/ui-api';
import { AlertIcon, CheckIcon, SkipIcon, WarningIcon } from '../../components/icons';

const ICON = { ok: CheckIcon, warn: WarningIcon, fail: AlertIcon, skipped: SkipIcon } as const;

/** `doctor`'s checks: each with its verdict, what was found, and how to fix a failure. */
export function DoctorChecklist({ checks }: { checks: DoctorCheck[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ul className="checklist" aria-label={t('settings.aws.checklist')} data-testid="doctor-checklist">
      {checks.map((c) => {
        const Icon = ICON[c.status];
        return (
          <li key={c.id} className={`checklist__item checklist__item--${c.status}`}>
            <span className="checklist__icon">
              <Icon size={18} />
            </span>
            <div className="stack stack--tight">
              <div className="row">
                <strong>{c.title}</strong>
                <span className="visually-hidden">{t(`doctor.${c.status}`)}</span>
              </div>
              {c.detail ? <span className="text-2">{c.detail}</span> : null}
              {c.fix && c.status !== 'ok' ? (
                <span>
                  <strong>{t('common.whatToDo')}</strong> {c.fix}
                </span>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
