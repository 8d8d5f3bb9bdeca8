import { useTranslation } from 'react-i18next';

/** The title and back/next row every welcome step shares: apart from welcome-view, so the steps do not import the view that imports them. */

export function StepHeader({ title, text }: { title: string; text: string }): React.JSX.Element {
  return (
    <div className="welcome__step-header">
      <h1 id="welcome-step-title">{title}</h1>
      <p className="text-2">{text}</p>
    </div>
  );
}

export function StepFooter({ onBack, children }: { onBack?: () => void; children: React.ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="card__footer welcome__footer">
      {onBack ? (
        <button type="button" className="btn btn--ghost" onClick={onBack}>
          {t('common.back')}
        </button>
      ) : null}
      <span className="grow" />
      {children}
    </div>
  );
}
