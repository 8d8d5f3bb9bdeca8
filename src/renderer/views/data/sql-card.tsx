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
import { Segmented } from '../../components/segmented';
import { CardHeader } from '../../components/card-header';

const ENGINES: readonly QueryEngineName[] = ['local', 'athena'];

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
      <CardHeader titleId="sql-title" title={t('data.sql.title')} subtitle={t('data.sql.subtitle')}>
        <Segmented label={t('data.sql.engine')} name="engine" options={ENGINES} value={engine} onChange={setEngine} text={(e) => (e === 'local' ? t('data.sql.local') : 'Athena')} />
      </CardHeader>
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
