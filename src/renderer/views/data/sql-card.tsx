import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, QueryEngineName, QueryResultDto } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { Alert } from '../../components/alert';
import { FailureAlert } from '../../components/failure-alert';
import { PlayIcon } from '../../components/icons';
import { ResultTable } from '../../components/result-table';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';
import { formatBytes, formatNumber, formatUsd } from '../../format/format';

const MAX_ROWS = 500;

interface SqlCardProps {
  sql: string;
  onSqlChange: (sql: string) => void;
}

/** Free SQL over the lake's tables, on DuckDB locally or on Athena (which costs per byte read). */
export const SqlCard = forwardRef<HTMLTextAreaElement, SqlCardProps>(function SqlCard({ sql, onSqlChange }, ref) {
  const { t } = useTranslation();
  const api = useApi();
  const { language, settings } = useApp();
  const [engine, setEngine] = useState<QueryEngineName>('local');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{ result: ApiResult<QueryResultDto>; ms: number } | null>(null);

  const run = async (): Promise<void> => {
    if (!sql.trim() || running) return;
    setRunning(true);
    const started = performance.now();
    const result = await api.call('data.query', { sql, engine, maxRows: MAX_ROWS });
    setOutcome({ result, ms: performance.now() - started });
    setRunning(false);
  };

  const value = outcome?.result.ok ? outcome.result.value : null;
  return (
    <section className="card" aria-labelledby="sql-title" data-testid="sql-box">
      <div className="card__header">
        <div>
          <h2 className="card__title" id="sql-title">
            {t('data.sql.title')}
          </h2>
          <div className="card__subtitle">{t('data.sql.subtitle')}</div>
        </div>
        <div className="segmented" role="radiogroup" aria-label={t('data.sql.engine')}>
          {(['local', 'athena'] as const).map((e) => (
            <label key={e}>
              <input type="radio" name="engine" value={e} checked={engine === e} onChange={() => setEngine(e)} />
              <span>{e === 'local' ? t('data.sql.local') : 'Athena'}</span>
            </label>
          ))}
        </div>
      </div>
      <div className="card__body stack">
        <label className="visually-hidden" htmlFor="sql-input">
          SQL
        </label>
        <textarea
          id="sql-input"
          ref={ref}
          className="textarea sql-input"
          value={sql}
          spellCheck={false}
          onChange={(e) => onSqlChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run();
            }
          }}
        />
        {engine === 'athena' && settings && !settings.athena.enabled ? <Alert tone="info">{t('data.sql.athenaOff')}</Alert> : null}
        {engine === 'athena' ? <p className="muted">{t('data.sql.athenaCost')}</p> : null}
        <div className="row">
          <button type="button" className="btn btn--primary" onClick={() => void run()} disabled={running || !sql.trim()}>
            {running ? <Spinner /> : <PlayIcon size={14} />}
            {t('data.sql.run')}
          </button>
          <span className="muted">{t('data.sql.shortcut')}</span>
        </div>
        {outcome && !outcome.result.ok ? <FailureAlert failure={outcome.result} testId="query-error" /> : null}
        {value ? (
          <>
            <div className="row query-meta" data-testid="query-meta">
              <span className="chip">{value.engine === 'athena' ? 'Athena' : t('data.sql.local')}</span>
              <span>{t('data.sql.elapsed', { value: formatNumber(outcome?.ms ?? 0, language) })}</span>
              {value.scannedBytes !== null ? <span>{t('data.sql.scanned', { value: formatBytes(value.scannedBytes, language) })}</span> : null}
              {value.costUsd !== undefined && value.costUsd !== null ? <span>{t('data.sql.cost', { value: formatUsd(value.costUsd, language) })}</span> : null}
              {value.truncated ? <span className="chip">{t('data.sql.truncated', { value: formatNumber(MAX_ROWS, language) })}</span> : null}
            </div>
            {value.columns.length ? <ResultTable result={value} maxRows={MAX_ROWS} label={t('data.sql.resultLabel')} /> : <p className="muted">{t('data.sql.noColumns')}</p>}
          </>
        ) : null}
      </div>
    </section>
  );
});
