import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../shared/ui-api';
import { AlertIcon } from './icons';

/**
 * settings.json is invalid (contract §4): it is never overwritten or "fixed" silently, so the
 * user must learn which keys are wrong and that they fix them in the file.
 */
export function SettingsProblemBanner({ problem, home }: { problem: ApiFailure; home: string }): React.JSX.Element {
  const { t } = useTranslation();
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
        {problem.issues?.length ? null : <p>{problem.message}</p>}
        {problem.issues && problem.issues.length > 0 ? (
          <ul>
            {problem.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path || t('banner.root')}</code>: {issue.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
