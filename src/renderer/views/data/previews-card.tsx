import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, PreviewQuery, QueryResultDto } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { ResultTable } from '../../components/result-table';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { previewTitle } from './preview-title';

const PREVIEW_ROWS = 20;

/** The lake's tables and the ready-made queries, each run on the local engine when opened. */
export function PreviewsCard({ onOpenInEditor }: { onOpenInEditor: (sql: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const previews = useApiQuery('data.previews');
  const list = previews.result?.ok ? previews.result.value : [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, ApiResult<QueryResultDto>>>({});
  const selected = list.find((p) => p.id === selectedId) ?? list[0];

  useEffect(() => {
    if (!selected || results[selected.id]) return;
    let current = true;
    void api.call('data.query', { sql: selected.sql, engine: 'local', maxRows: PREVIEW_ROWS }).then((r) => {
      if (current) setResults((all) => ({ ...all, [selected.id]: r }));
    });
    return () => {
      current = false;
    };
  }, [api, selected, results]);

  const result = selected ? results[selected.id] : undefined;
  return (
    <section className="card" aria-labelledby="previews-title" data-testid="previews">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="previews-title">
            {t('data.previews.title')}
          </h2>
          <div className="card__subtitle">{t('data.previews.subtitle')}</div>
        </div>
        {selected ? (
          <button type="button" className="btn btn--small" onClick={() => onOpenInEditor(selected.sql)}>
            {t('data.previews.openInEditor')}
          </button>
        ) : null}
      </div>
      {previews.result && !previews.result.ok ? (
        <div className="card__body">
          <FailureAlert failure={previews.result} />
        </div>
      ) : null}
      {list.length ? (
        <div className="tabs" role="tablist" aria-label={t('data.previews.title')}>
          {list.map((p: PreviewQuery) => (
            <button key={p.id} type="button" role="tab" className="tab" id={`tab-${p.id}`} aria-selected={p.id === selected?.id} aria-controls="preview-panel" onClick={() => setSelectedId(p.id)}>
              {previewTitle(t, p)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="card__body" id="preview-panel" role="tabpanel" aria-labelledby={selected ? `tab-${selected.id}` : undefined}>
        {!previews.result || (selected && !result) ? <Spinner label={t('common.loading')} /> : null}
        {result && !result.ok ? <FailureAlert failure={result} /> : null}
        {result?.ok ? <ResultTable result={result.value} maxRows={PREVIEW_ROWS} label={selected ? previewTitle(t, selected) : ''} labelColumns /> : null}
      </div>
    </section>
  );
}
