import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretStatus } from '../../../shared/ui-api';
import { Alert } from '../../components/alert';
import { SignOutButton } from '../../components/sign-out-button';
import { FixLinksContext } from '../../components/fix-link';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { routeHref } from '../../hooks/use-route';
import { AwsSection } from './aws-section';
import { EmailSection } from './email-section';
import { LanguageSection } from './language-section';
import { LinkedInSection } from './linkedin-section';
import { PagesSection } from './pages-section';
import { ScheduleSection } from './schedule-section';
import './settings.css';

const SECTIONS = ['linkedin', 'pages', 'email', 'aws', 'schedule', 'language'] as const;

export function SettingsView({ section }: { section: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  const { settings } = useApp();
  const loaded = useApiQuery('secrets.status');
  const [secrets, setSecrets] = useState<SecretStatus | null>(null);
  const status = secrets ?? (loaded.result?.ok ? loaded.result.value : null);

  // #/settings/email scrolls to that section (links from errors: "Configurações › E-mail").
  useEffect(() => {
    if (section) document.getElementById(`settings-${section}`)?.scrollIntoView({ block: 'start' });
  }, [section]);

  return (
    <div className="stack stack--loose">
      <header className="page__header">
        <div>
          <h1>{t('settings.title')}</h1>
          <p className="page__subtitle">{t('settings.subtitle')}</p>
        </div>
        <SignOutButton />
      </header>
      <nav className="section-links" aria-label={t('settings.sectionsLabel')}>
        {SECTIONS.map((s) => (
          <a key={s} className={`section-link${section === s ? ' is-active' : ''}`} href={routeHref({ view: 'settings', section: s })}>
            {t(`settings.${s}.title`)}
          </a>
        ))}
      </nav>
      {settings ? (
        <FixLinksContext.Provider value={false}>
            <LinkedInSection secrets={status} onSecrets={setSecrets} />
            <PagesSection />
            <EmailSection secrets={status} onSecrets={setSecrets} />
            <AwsSection />
            <ScheduleSection />
            <LanguageSection />
        </FixLinksContext.Provider>
      ) : (
        <Alert tone="error" title={t('settings.lockedTitle')}>
          {t('settings.lockedText')}
        </Alert>
      )}
    </div>
  );
}
