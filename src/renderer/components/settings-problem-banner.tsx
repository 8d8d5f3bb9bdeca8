import { useTranslation } from 'react-i18next';
import { explainError } from '../../shared/error-explanations';
import type { ApiFailure } from '../../shared/ui-api';
import { useApp } from '../hooks/app-context';
import { AlertIcon } from './icons';
import { TechnicalDetail } from './technical-detail';

/**
 * settings.json is invalid (contract §4): it is never overwritten or "fixed" silently, so the
 * user must learn which keys are wrong and that they fix them in the file.
 */
export function SettingsProblemBanner({ problem, home }: { problem: ApiFailure; home: string }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const file = `${home.replace(/[\\/]+$/, '')}${home.includes('\\') ? '\\' : '/'}settings.json`;
  return (
    <div className="banner" role="alert" data-testid="settings-problem">
      <span className="banner__icon">
        <AlertIcon size={20} />
      </span>
      <div className="stack stack--tight">
        <strong>{t('banner.title')}</strong>
        <p>
          {t('banner.fixBefore')} <code>{file}</code> {t('banner.fixAfter')}
        </p>
        {/* The issues list already says what the message would; without one, the message is all there is. */}
        {problem.issues?.length ? null : (
          <>
            <p>{explainError(problem.code, language).what}</p>
            <TechnicalDetail>{problem.message}</TechnicalDetail>
          </>
        )}
        {problem.issues && problem.issues.length > 0 ? (
          <ul>
            {problem.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path || t('banner.root')}</code>: {t(issueKey(issue.path))}
                <TechnicalDetail>{issue.message}</TechnicalDetail>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

// The schema's messages are English; the key's kind of value says the same in the reader's words.
const ISSUE_KEYS: Record<string, 'validation.time' | 'validation.apiVersion' | 'validation.database' | 'validation.port' | 'validation.emailField'> = {
  'schedule.dailyAt': 'validation.time',
  'linkedin.apiVersion': 'validation.apiVersion',
  'athena.database': 'validation.database',
  'alerts.smtp.port': 'validation.port',
  'linkedin.oauthRedirectPort': 'validation.port',
  'alerts.smtp.from': 'validation.emailField',
  'alerts.smtp.to': 'validation.emailField',
};

function issueKey(path: string): (typeof ISSUE_KEYS)[string] | 'validation.invalid' {
  return ISSUE_KEYS[path.replace(/\.\d+$/, '')] ?? 'validation.invalid';
}
