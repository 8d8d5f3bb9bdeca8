import { useTranslation } from 'react-i18next';
import { explainError, hasErrorExplanation } from '../../../shared/error-explanations';
import type { RunWarning } from '../../../shared/run-record';
import { Alert } from '../../components/alert';
import { useApp } from '../../hooks/app-context';
import { TechnicalDetail } from '../../components/technical-detail';
import { warningText, warningTitle } from '../shared/labels';

export function RunWarnings({ warnings }: { warnings: RunWarning[] }): React.JSX.Element | null {
  const { t } = useTranslation();
  const { language } = useApp();
  if (warnings.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="run-warnings-title">
      <h3 id="run-warnings-title">{t('runs.detail.warnings')}</h3>
      {warnings.map((w) => {
        const known = hasErrorExplanation(w.code) ? explainError(w.code, language) : null;
        return (
          <Alert key={w.code + w.message} tone="warning" title={known?.title ?? warningTitle(t, w.code)} testId="run-warning">
            <p>{known ? `${known.what} ${known.todo}` : warningText(t, w.code)}</p>
            <TechnicalDetail>
              {w.code} · {w.message}
            </TechnicalDetail>
          </Alert>
        );
      })}
    </section>
  );
}
