import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FixLinksContext } from '../../components/fix-link';
import { PulseIcon } from '../../components/icons';
import { StepFirstSync } from './step-first-sync';
import { StepLanguage } from './step-language';
import { StepLinkedIn } from './step-linkedin';
import { StepNetworks } from './step-networks';
import { StepPages } from './step-pages';
import './welcome.css';

const STEPS = ['welcome.steps.language', 'welcome.steps.linkedin', 'welcome.steps.pages', 'welcomeNetworks.step', 'welcome.steps.sync'] as const;
const SYNC_STEP = STEPS.length - 1;

/** First launch: language → LinkedIn access → pages → other networks (optional) → first sync, then the run history. */
export function WelcomeView({ onDone }: { onDone: (runId: string | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  return (
    <FixLinksContext.Provider value={false}>
      <div className="welcome">
        <header className="welcome__header">
          <div className="brand">
            <span className="brand__mark">
              <PulseIcon size={18} />
            </span>
            <span>Follower Pulse</span>
          </div>
          {step < SYNC_STEP ? (
            <button type="button" className="btn btn--ghost btn--small" onClick={() => onDone(null)}>
              {t('welcome.skip')}
            </button>
          ) : null}
        </header>
        <ol className="stepper" aria-label={t('welcome.progressLabel')}>
          {STEPS.map((key, i) => (
            <li key={key} className={`stepper__item${i === step ? ' is-current' : ''}${i < step ? ' is-done' : ''}`} aria-current={i === step ? 'step' : undefined}>
              <span className="stepper__number">{i + 1}</span>
              <span className="stepper__label">{t(key)}</span>
            </li>
          ))}
        </ol>
        <section className="welcome__card card" aria-labelledby="welcome-step-title">
          {step === 0 ? <StepLanguage onNext={() => setStep(1)} /> : null}
          {step === 1 ? <StepLinkedIn onBack={() => setStep(0)} onNext={() => setStep(2)} /> : null}
          {step === 2 ? <StepPages onBack={() => setStep(1)} onNext={() => setStep(3)} /> : null}
          {step === 3 ? <StepNetworks onBack={() => setStep(2)} onNext={() => setStep(SYNC_STEP)} /> : null}
          {step === SYNC_STEP ? <StepFirstSync onDone={onDone} /> : null}
        </section>
      </div>
    </FixLinksContext.Provider>
  );
}
