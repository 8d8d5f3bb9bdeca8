import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiFailure, LinkedInPage } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { Spinner } from '../../components/spinner';
import { AddPageById } from '../linkedin/add-page-by-id';
import { StepFooter, StepHeader } from './step-frame';

interface Candidate extends LinkedInPage {
  tracked: boolean;
}

export function StepPages({ onBack, onNext }: { onBack: () => void; onNext: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const [pages, setPages] = useState<Candidate[] | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [discoverFailure, setDiscoverFailure] = useState<ApiFailure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void (async () => {
      const [found, tracked] = await Promise.all([api.call('linkedin.discoverPages'), api.call('accounts.list')]);
      const trackedIds = new Set(tracked.ok ? tracked.value.filter((a) => a.network === 'linkedin').map((a) => a.id) : []);
      if (!found.ok) setDiscoverFailure(found);
      const list = (found.ok ? found.value : []).map((p) => ({ ...p, tracked: trackedIds.has(p.id) }));
      setPages(list);
      // One page administered: it is obviously the one to follow.
      if (list.length === 1) setSelected(new Set([list[0].id]));
    })();
  }, [api]);

  const toggle = (id: string, on: boolean): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const addManual = (id: string): void => {
    setPages((list) => (list?.some((p) => p.id === id) ? list : [...(list ?? []), { id, name: '', vanityName: null, tracked: false }]));
    toggle(id, true);
  };

  const save = async (): Promise<void> => {
    setSaving(true);
    setFailure(null);
    for (const page of pages ?? []) {
      if (!selected.has(page.id) || page.tracked) continue;
      const added = await api.call('accounts.add', { network: 'linkedin', id: page.id, ...(page.name ? { name: page.name } : {}) });
      if (!added.ok) {
        setSaving(false);
        return setFailure(added);
      }
      setPages((list) => list?.map((p) => (p.id === page.id ? { ...p, tracked: true } : p)) ?? null);
    }
    setSaving(false);
    onNext();
  };

  const anyChosen = (pages ?? []).some((p) => p.tracked || selected.has(p.id));
  return (
    <>
      <div className="card__body stack stack--loose">
        <StepHeader title={t('welcome.pages.title')} text={t('welcome.pages.text')} />
        {pages === null ? (
          <span className="row text-2">
            <Spinner /> {t('welcome.pages.searching')}
          </span>
        ) : (
          <fieldset className="page-list">
            <legend className="visually-hidden">{t('welcome.pages.title')}</legend>
            {pages.length === 0 ? <p className="text-2">{t('welcome.pages.noneFound')}</p> : null}
            {pages.map((p) => (
              <label key={p.id} className="page-option">
                <input type="checkbox" checked={p.tracked || selected.has(p.id)} disabled={p.tracked} onChange={(e) => toggle(p.id, e.target.checked)} />
                <span className="page-option__text">
                  <span className="page-option__name">{p.name || t('welcome.pages.unnamed', { id: p.id })}</span>
                  <span className="muted">
                    ID {p.id}
                    {p.vanityName ? ` · linkedin.com/company/${p.vanityName}` : ''}
                  </span>
                </span>
                {p.tracked ? <span className="chip">{t('welcome.pages.alreadyTracked')}</span> : null}
              </label>
            ))}
          </fieldset>
        )}
        {discoverFailure ? <FailureAlert failure={discoverFailure} title={t('welcome.pages.discoverFailed')} /> : null}
        <AddPageById onAdd={addManual} />
        {failure ? <FailureAlert failure={failure} /> : null}
      </div>
      <StepFooter onBack={onBack}>
        <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={!anyChosen || saving}>
          {saving ? <Spinner /> : null}
          {t('welcome.pages.continue')}
        </button>
      </StepFooter>
    </>
  );
}
