import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../hooks/use-route';
import { sectionFor } from '../../shared/fix-section';

/** Off inside the welcome flow and Settings itself, where a jump would only lose the user's place. */
export const FixLinksContext = createContext(true);

export function FixLink({ code, message }: { code: string; message?: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const enabled = useContext(FixLinksContext);
  const section = sectionFor(code, message);
  if (!enabled || !section) return null;
  return (
    <a className="fix-link" href={routeHref({ view: 'settings', section })}>
      {t('common.openSettings', { section: t(`settings.${section}.title`) })}
    </a>
  );
}
