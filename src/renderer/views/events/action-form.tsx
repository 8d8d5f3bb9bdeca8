import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDay } from '../../../shared/day';
import type { CompanyEvent, CompanyEventInput } from '../../../shared/insights';
import type { AccountView } from '../../../shared/ui-api';

export const CATEGORIES = ['campaign', 'post', 'launch', 'event', 'press', 'other'] as const;

interface Draft {
  day: string;
  endDay: string;
  title: string;
  category: string;
  scope: string;
  notes: string;
}

function draftOf(event: CompanyEvent | null): Draft {
  if (!event) return { day: '', endDay: '', title: '', category: 'campaign', scope: 'all', notes: '' };
  const scope = event.accountId ? (event.accountId.includes(':') ? event.accountId : `${event.network ?? 'linkedin'}:${event.accountId}`) : 'all';
  return { day: event.day, endDay: event.endDay ?? '', title: event.title, category: event.category || 'other', scope, notes: event.notes };
}

/** What the form would send, or the first thing wrong with it (checked here, again by the engine). */
export function actionInput(draft: Draft): { input: CompanyEventInput } | { error: 'day' | 'endDay' | 'title' } {
  if (!isDay(draft.day)) return { error: 'day' };
  if (draft.endDay && (!isDay(draft.endDay) || draft.endDay < draft.day)) return { error: 'endDay' };
  if (!draft.title.trim()) return { error: 'title' };
  const input: CompanyEventInput = { day: draft.day, endDay: draft.endDay || null, title: draft.title.trim(), category: draft.category, notes: draft.notes.trim() };
  if (draft.scope !== 'all') {
    const [network, ...id] = draft.scope.split(':');
    input.network = network as CompanyEventInput['network'];
    input.accountId = id.join(':');
  }
  return { input };
}

/** Add or edit one company action. */
export function ActionForm({
  event,
  accounts,
  busy,
  onSubmit,
  onCancel,
}: {
  event: CompanyEvent | null;
  accounts: AccountView[];
  busy: boolean;
  onSubmit: (input: CompanyEventInput) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(event));
  const [error, setError] = useState<'day' | 'endDay' | 'title' | null>(null);
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const checked = actionInput(draft);
    if ('error' in checked) return setError(checked.error);
    setError(null);
    onSubmit(checked.input);
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="action-form" noValidate>
      <div className="form-grid form-grid--3">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-day`}>
            {t('actions.form.day')}
          </label>
          <input id={`${id}-day`} className="input" type="date" value={draft.day} onChange={(e) => set({ day: e.target.value })} required />
          {error === 'day' ? <div className="field__error" role="alert">{t('actions.form.dayError')}</div> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-end`}>
            {t('actions.form.endDay')}
          </label>
          <input id={`${id}-end`} className="input" type="date" value={draft.endDay} min={draft.day || undefined} onChange={(e) => set({ endDay: e.target.value })} />
          {error === 'endDay' ? <div className="field__error" role="alert">{t('actions.form.endDayError')}</div> : <div className="field__help">{t('actions.form.endDayHelp')}</div>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-category`}>
            {t('actions.form.category')}
          </label>
          <select id={`${id}-category`} className="select" value={draft.category} onChange={(e) => set({ category: e.target.value })}>
            {[...CATEGORIES, ...(CATEGORIES.includes(draft.category as (typeof CATEGORIES)[number]) ? [] : [draft.category])].map((c) => (
              <option key={c} value={c}>
                {t(`actions.category.${c}` as 'actions.category.other', { defaultValue: c })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-title`}>
            {t('actions.form.title')}
          </label>
          <input id={`${id}-title`} className="input" value={draft.title} placeholder={t('actions.form.titlePlaceholder')} onChange={(e) => set({ title: e.target.value })} />
          {error === 'title' ? <div className="field__error" role="alert">{t('actions.form.titleError')}</div> : null}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-scope`}>
            {t('actions.form.page')}
          </label>
          <select id={`${id}-scope`} className="select" value={draft.scope} onChange={(e) => set({ scope: e.target.value })}>
            <option value="all">{t('actions.form.allPages')}</option>
            {accounts.map((a) => (
              <option key={`${a.network}:${a.id}`} value={`${a.network}:${a.id}`}>
                {a.name || a.id}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-notes`}>
          {t('actions.form.notes')}
        </label>
        <textarea id={`${id}-notes`} className="textarea" rows={2} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
      </div>
      <div className="row row--end">
        <button type="button" className="btn" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {event ? t('common.save') : t('actions.add')}
        </button>
      </div>
    </form>
  );
}
