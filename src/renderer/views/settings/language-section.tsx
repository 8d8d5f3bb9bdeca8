import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/error-explanations';
import type { ApiFailure } from '../../../shared/ui-api';
import { FailureAlert } from '../../components/failure-alert';
import { SelectField } from '../../components/fields';
import { useApp } from '../../hooks/app-context';
import { SectionCard } from './section-card';

export function LanguageSection(): React.JSX.Element {
  const { t } = useTranslation();
  const { language, changeLanguage } = useApp();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  return (
    <SectionCard id="language" title={t('settings.language.title')} description={t('settings.language.description')}>
      <div className="form-grid">
        <SelectField<Language>
          label={t('settings.language.label')}
          value={language}
          path="language"
          options={[
            { value: 'pt-BR', label: 'Português (Brasil)' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(v) => void changeLanguage(v).then(setFailure)}
          help={t('settings.language.help')}
        />
      </div>
      {failure ? <FailureAlert failure={failure} /> : null}
    </SectionCard>
  );
}
