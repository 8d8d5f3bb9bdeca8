import { useTranslation } from 'react-i18next';
import { explainError } from '../../../shared/error-explanations';
import type { AccountRunResult } from '../../../shared/run-record';
import { ExplainedError } from '../../components/explained-error';
import { TechnicalDetail } from '../../components/technical-detail';
import { useApp } from '../../hooks/app-context';
import { networkLabel } from '../shared/labels';
import { dayRanges, formatDay, formatDayRanges, formatNumber } from '../../format/format';

/** One page's part of a run: what was asked, what was written, which days LinkedIn lacked. */
/** `runErrorCode`: the run's own error, already explained above; the same code is not explained twice. */
export function AccountResult({ result, name, runErrorCode }: { result: AccountRunResult; name: string; runErrorCode: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const requested = dayRanges(result.daysRequested);
  const first = requested[0]?.from;
  const last = requested.at(-1)?.to;
  return (
    <article className="account-result" data-testid="account-result">
      <header className="row row--between">
        <div>
          <strong>{name || t('runs.detail.pageFallback', { id: result.accountId })}</strong>
          <div className="muted">
            {networkLabel(t, result.network)} · ID {result.accountId}
          </div>
        </div>
        {result.error ? <span className="badge badge--failed">{t('runs.detail.accountFailed')}</span> : <span className="badge badge--success">{t('runs.detail.accountOk')}</span>}
      </header>
      <dl className="facts">
        <dt>{t('runs.detail.daysRequested')}</dt>
        <dd>
          {first && last && requested.length === 1
            ? t('runs.detail.requestedRange', {
                from: formatDay(first, language),
                to: formatDay(last, language),
                count: result.daysRequested.length,
                formatted: formatNumber(result.daysRequested.length, language),
              })
            : null}
          {/* Scattered days (gaps being re-fetched) are listed as ranges: "X a Y (9 dias)" over a 78-day span would misread. */}
          {requested.length > 1
            ? t('viewFixes.requestedDays', { count: result.daysRequested.length, formatted: formatNumber(result.daysRequested.length, language), ranges: formatDayRanges(result.daysRequested, language) })
            : null}
          {!first ? '—' : null}
        </dd>
        <dt>{t('runs.detail.daysWritten')}</dt>
        <dd>{formatNumber(result.daysWritten, language)}</dd>
        <dt>{t('runs.detail.rowsWritten')}</dt>
        <dd>{formatNumber(result.rowsWritten, language)}</dd>
        <dt>{t('runs.detail.missingDays')}</dt>
        <dd className={result.missingDays.length ? 'missing-days' : undefined} data-testid="missing-days">
          {result.missingDays.length
            ? `${formatDayRanges(result.missingDays, language)} (${formatNumber(result.missingDays.length, language)})`
            : // A page that failed was not read, so "none missing" would be a claim it cannot make.
              result.error
              ? '—'
              : t('runs.detail.noneMissing')}
        </dd>
      </dl>
      {result.error && result.error.code === runErrorCode ? (
        // The run's error above already says what to do; here, what it meant for this page.
        <div className="stack stack--tight" data-testid="account-error">
          <p data-testid="error-what">{explainError(result.error.code, language).what}</p>
          <TechnicalDetail testId="error-detail">
            {result.error.code} · {result.error.message}
          </TechnicalDetail>
        </div>
      ) : null}
      {result.error && result.error.code !== runErrorCode ? <ExplainedError code={result.error.code} message={result.error.message} testId="account-error" /> : null}
    </article>
  );
}
