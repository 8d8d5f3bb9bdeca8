import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/error-explanations';
import { useApp } from '../../hooks/app-context';
import { StepFooter, StepHeader } from './step-frame';

const LANGUAGES: { value: Language; label: string; sample: string }[] = [
  { value: 'pt-BR', label: 'Português (Brasil)', sample: '28/11/2026 · 1.234,5' },
  { value: 'en', label: 'English', sample: 'Nov 28, 2026 · 1,234.5' },
];

export function StepLanguage({ onNext }: { onNext: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const { language, changeLanguage } = useApp();
  return (
    <>
      <div className="card__body stack stack--loose">
        <StepHeader title={t('welcome.language.title')} text={t('welcome.language.text')} />
        <div className="choice-grid" role="radiogroup" aria-label={t('welcome.language.title')}>
          {LANGUAGES.map((l) => (
            <label key={l.value} className={`choice${language === l.value ? ' is-selected' : ''}`}>
              <input type="radio" name="language" value={l.value} checked={language === l.value} onChange={() => void changeLanguage(l.value)} />
              <span className="choice__title">{l.label}</span>
              <span className="choice__text">{l.sample}</span>
            </label>
          ))}
        </div>
      </div>
      <StepFooter>
        <button type="button" className="btn btn--primary" onClick={onNext}>
          {t('common.continue')}
        </button>
      </StepFooter>
    </>
  );
}
