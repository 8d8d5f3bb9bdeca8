import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../../../shared/ui-api';
import { FailureAlert } from '../../components/failure-alert';
import { CheckIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { CardHeader } from '../../components/card-header';

interface SectionCardProps {
  id: string;
  title: string;
  description: string;
  children: ReactNode;
  /** Omit for sections that save as you go (pages, language). */
  form?: { saving: boolean; savedAt: number | null; dirty: boolean; failure: ApiFailure | null; hasErrors: boolean; onSave: () => void; onReset: () => void };
  actions?: ReactNode;
}

export function SectionCard({ id, title, description, children, form, actions }: SectionCardProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="card settings-section" id={`settings-${id}`} aria-labelledby={`settings-${id}-title`} data-testid={`settings-${id}`}>
      <CardHeader titleId={`settings-${id}-title`} title={title} subtitle={description} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          form?.onSave();
        }}
      >
        <div className="card__body stack stack--loose">
          {children}
          {form?.failure && !form.hasErrors ? <FailureAlert failure={form.failure} /> : null}
          {form?.hasErrors ? (
            <p className="field__error" role="alert" data-testid="form-not-saved">
              {t('settings.notSaved')}
            </p>
          ) : null}
        </div>
        {form || actions ? (
          <div className="card__footer">
            {actions}
            <span className="grow" />
            {form?.savedAt ? (
              <span className="row saved-note" role="status">
                <CheckIcon size={16} /> {t('settings.saved')}
              </span>
            ) : null}
            {form && form.dirty ? (
              <button type="button" className="btn btn--ghost" onClick={form.onReset}>
                {t('settings.discard')}
              </button>
            ) : null}
            {form ? (
              <button type="submit" className="btn btn--primary" disabled={form.saving}>
                {form.saving ? <Spinner /> : null}
                {t('common.save')}
              </button>
            ) : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
