import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../hooks/use-route';

type Section = 'linkedin' | 'pages' | 'email' | 'aws';

/** Where in Settings the fix for an error code is made. */
function sectionFor(code: string): Section | null {
  if (code === 'LINKEDIN_NOT_FOUND' || code === 'NO_ACCOUNTS') return 'pages';
  if (code.startsWith('LINKEDIN_TOKEN') || code === 'LINKEDIN_PERMISSION_DENIED' || code === 'LINKEDIN_VERSION_INACTIVE') return 'linkedin';
  if (code === 'SMTP_FAILED') return 'email';
  if (code.startsWith('S3_') || code === 'ATHENA_FAILED') return 'aws';
  return null;
}

/** Off inside the welcome flow and Settings itself, where a jump would only lose the user's place. */
export const FixLinksContext = createContext(true);

export function FixLink({ code }: { code: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const enabled = useContext(FixLinksContext);
  const section = sectionFor(code);
  if (!enabled || !section) return null;
  return (
    <a className="fix-link" href={routeHref({ view: 'settings', section })}>
      {t('common.openSettings', { section: t(`settings.${section}.title`) })}
    </a>
  );
}
