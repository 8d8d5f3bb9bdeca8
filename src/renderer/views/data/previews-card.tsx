import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, PreviewQuery, QueryResultDto } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { FailureAlert } from '../../components/failure-alert';
import { ResultTable } from '../../components/result-table';
import { Spinner } from '../../components/spinner';
import { useApiQuery } from '../../hooks/use-api-query';
import { previewTitle } from './preview-title';
import { useApp } from '../../hooks/app-context';
import { formatNumber } from '../../format/format';
import { CardHeader } from '../../components/card-header';

const PREVIEW_ROWS = 20;
const MORE_ROWS = 100;
const MAX_ROWS = 1000;

/** How many rows the preview's query returns in all, so the card can say "showing 20 of 37". */
function countSql(sql: string): string {
  return `SELECT count(*) AS n FROM (${sql.replace(/;\s*$/, '')}) AS preview`;
}

/** The lake's tables and the ready-made queries, each run on the local engine when opened. */
export function PreviewsCard({ onOpenInEditor }: { onOpenInEditor: (sql: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useApi();
  const { language } = useApp();
  const previews = useApiQuery('data.previews');
  const list = previews.result?.ok ? previews.result.value : [];
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, ApiResult<QueryResultDto>>>({});
  const [counts, setCounts] = useState<Record<string, number | null>>({});
  const [limits, setLimits] = useState<Record<string, number>>({});
  const selected = list.find((p) => p.id === selectedId) ?? list[0];
  const limit = selected ? (limits[selected.id] ?? PREVIEW_ROWS) : PREVIEW_ROWS;

  useEffect(() => {
    if (!selected || results[selected.id]) return;
    let current = true;
    void api.call('data.query', { sql: selected.sql, engine: 'local', maxRows: limit }).then((r) => {
      if (current) setResults((all) => ({ ...all, [selected.id]: r }));
    });
    return () => {
      current = false;
    };
  }, [api, selected, results, limit]);

  useEffect(() => {
    if (!selected || selected.id in counts) return;
    void api.call('data.query', { sql: countSql(selected.sql), engine: 'local', maxRows: 1 }).then((r) => {
      const n = r.ok ? Number(r.value.rows[0]?.n) : Number.NaN;
      setCounts((all) => ({ ...all, [selected.id]: Number.isFinite(n) ? n : null }));
    });
  }, [api, selected, counts]);

  const showMore = (all: boolean): void => {
    if (!selected) return;
    const total = counts[selected.id] ?? MAX_ROWS;
    const next = all ? Math.min(total, MAX_ROWS) : Math.min(limit + MORE_ROWS, MAX_ROWS);
    setLimits((l) => ({ ...l, [selected.id]: next }));
    // The rows on screen stay until the longer list arrives.
    void api.call('data.query', { sql: selected.sql, engine: 'local', maxRows: next }).then((r) => setResults((rs) => ({ ...rs, [selected.id]: r })));
  };

  const result = selected ? results[selected.id] : undefined;
  const total = selected ? counts[selected.id] : undefined;
  const shown = result?.ok ? result.value.rows.length : 0;
  return (
    <section className="card" aria-labelledby="previews-title" data-testid="previews">
      <CardHeader titleId="previews-title" title={t('data.previews.title')} subtitle={t('data.previews.subtitle')}>
        {selected ? (
          <button type="button" className="btn btn--small" onClick={() => onOpenInEditor(selected.sql)}>
            {t('data.previews.openInEditor')}
          </button>
        ) : null}
      </CardHeader>
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
        {result?.ok ? <ResultTable result={result.value} maxRows={limit} label={selected ? previewTitle(t, selected) : ''} showCount={typeof total !== 'number'} labelColumns /> : null}
        {result?.ok && typeof total === 'number' ? (
          <div className="row row--between preview-paging">
            <span className="muted" data-testid="preview-count">
              {t('viewFixes.previewShowing', { shown: formatNumber(shown, language), total: formatNumber(total, language), count: total })}
            </span>
            {shown < total && shown < MAX_ROWS ? (
              <span className="row">
                <button type="button" className="btn btn--small" onClick={() => showMore(false)}>
                  {t('viewFixes.previewMore', { count: Math.min(MORE_ROWS, total - shown) })}
                </button>
                {total <= MAX_ROWS ? (
                  <button type="button" className="btn btn--small btn--ghost" onClick={() => showMore(true)}>
                    {t('viewFixes.previewAll', { count: total })}
                  </button>
                ) : (
                  <button type="button" className="btn btn--small btn--ghost" onClick={() => selected && onOpenInEditor(selected.sql)}>
                    {t('viewFixes.previewRestInEditor')}
                  </button>
                )}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
