import { useTranslation } from 'react-i18next';
import { explainError, hasErrorExplanation } from '../../shared/error-explanations';
import { useApp } from '../hooks/app-context';
import { Alert } from './alert';
import { FixLink } from './fix-link';

export interface ExplainedErrorProps {
  code: string;
  /** The engine's sentence: specific (names the page and the day) but written in English. */
  message: string;
  hint?: string;
  /** The message was written by the UI itself, already in the user's language. */
  localized?: boolean;
  title?: string;
  testId?: string;
}

/**
 * An error as the glossary wants it: a title, what happened, what to do. The words come from
 * the stable code in the user's language; the engine's own message stays visible as the
 * technical detail, because it is the one that names the exact page, day or key.
 */
export function ExplainedError({ code, message, hint, localized = false, title, testId = 'failure' }: ExplainedErrorProps): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const known = hasErrorExplanation(code);
  const explanation = explainError(code, language);
  const useEngineWords = localized || language === 'en' || !known;
  const what = useEngineWords ? message || explanation.what : explanation.what;
  const todo = useEngineWords ? (hint ?? explanation.todo) : explanation.todo;
  const detail = useEngineWords ? null : message;
  return (
    <Alert tone="error" title={title ?? explanation.title} testId={testId}>
      <p data-testid="error-what">{what}</p>
      <p data-testid="error-todo">
        <strong>{t('common.whatToDo')}</strong> {todo}
      </p>
      {detail ? (
        <p className="alert__detail" data-testid="error-detail">
          {t('common.technicalDetail')} {code} · {detail}
          {hint ? ` · ${hint}` : ''}
        </p>
      ) : null}
      <FixLink code={code} />
    </Alert>
  );
}
