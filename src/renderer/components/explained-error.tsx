import { useTranslation } from 'react-i18next';
import { explainError } from '../../shared/error-explanations';
import { useApp } from '../hooks/app-context';
import { Alert } from './alert';
import { FixLink } from './fix-link';
import { TechnicalDetail } from './technical-detail';

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
 * the stable code in the user's language; the engine's own message (English, but the one that
 * names the exact page, day or key) is kept behind the "technical detail" disclosure.
 */
export function ExplainedError({ code, message, hint, localized = false, title, testId = 'failure' }: ExplainedErrorProps): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const explanation = explainError(code, language);
  const what = localized ? message || explanation.what : explanation.what;
  const todo = localized ? (hint ?? explanation.todo) : explanation.todo;
  const detail = localized ? null : message;
  return (
    <Alert tone="error" title={title ?? explanation.title} testId={testId}>
      <p data-testid="error-what">{what}</p>
      <p data-testid="error-todo">
        <strong>{t('common.whatToDo')}</strong> {todo}
      </p>
      {detail ? (
        <TechnicalDetail testId="error-detail">
          {code} · {detail}
          {hint ? ` · ${hint}` : ''}
        </TechnicalDetail>
      ) : null}
      <FixLink code={code} message={message} />
    </Alert>
  );
}
