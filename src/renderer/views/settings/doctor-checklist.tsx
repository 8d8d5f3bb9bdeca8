import { useTranslation } from 'react-i18next';
import { explainError, hasErrorExplanation } from '../../../shared/error-explanations';
import type { DoctorCheck } from '../../../shared/ui-api';
import { AlertIcon, CheckIcon, SkipIcon, WarningIcon } from '../../components/icons';
import { TechnicalDetail } from '../../components/technical-detail';
import { useApp } from '../../hooks/app-context';

const ICON = { ok: CheckIcon, warn: WarningIcon, fail: AlertIcon, skipped: SkipIcon } as const;

// A failed check carries the error's code first ("S3_ACCESS_DENIED: …"): the code says it in the reader's words.
const CODE_PREFIX = /^([A-Z][A-Z0-9_]*): /;

/**
 * `doctor`'s checks: each with its verdict and what to do, worded from the check's id and
 * status (or the error's code); the engine's own line stays behind the technical detail.
 */
export function DoctorChecklist({ checks }: { checks: DoctorCheck[] }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { language } = useApp();
  return (
    <ul className="checklist" aria-label={t('settings.aws.checklist')} data-testid="doctor-checklist">
      {checks.map((c) => {
        const Icon = ICON[c.status];
        const known = i18n.exists(`doctor.checks.${c.id}.title`);
        const code = c.status === 'fail' ? CODE_PREFIX.exec(c.detail)?.[1] : undefined;
        const explanation = code && hasErrorExplanation(code) ? explainError(code, language) : null;
        const title = known ? t(`doctor.checks.${c.id}.title` as 'doctor.checks.lake.title') : c.title;
        const verdict = explanation ? explanation.what : known ? t(`doctor.checks.${c.id}.${c.status}` as 'doctor.checks.lake.ok') : c.detail;
        const todo = explanation ? explanation.todo : known ? null : c.status !== 'ok' ? c.fix : null;
        const engineWords = [c.detail, c.fix].filter(Boolean).join(' · ');
        return (
          <li key={c.id} className={`checklist__item checklist__item--${c.status}`}>
            <span className="checklist__icon">
              <Icon size={18} />
            </span>
            <div className="stack stack--tight">
              <div className="row">
                <strong>{title}</strong>
                <span className="visually-hidden">{t(`doctor.${c.status}`)}</span>
              </div>
              {verdict ? <span className="text-2">{verdict}</span> : null}
              {todo ? (
                <span>
                  <strong>{t('common.whatToDo')}</strong> {todo}
                </span>
              ) : null}
              {(known || explanation) && engineWords ? <TechnicalDetail>{engineWords}</TechnicalDetail> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
