import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { formatDay, formatGain } from '../../format/format';

/**
 * Summed daily gains against the change in totals: shown side by side and explained, never
 * "corrected" (contract §8). Closed by default; it answers "why don't these numbers add up".
 */
export function ReconciliationCard({ report }: { report: ReportDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const r = report.reconciliation;
  const matches = r.difference === 0;
  return (
    <details className="card reconciliation" data-testid="reconciliation">
      <summary className="reconciliation__summary">
        <span className="card__title">{t('dashboard.reconciliation.title')}</span>
        <span className={`chip${matches ? '' : ' chip--warn'}`}>
          {r.difference === null ? t('dashboard.reconciliation.noSnapshot') : matches ? t('dashboard.reconciliation.matches') : t('dashboard.reconciliation.differs', { difference: formatGain(r.difference, language) })}
        </span>
      </summary>
      <div className="card__body stack stack--tight">
        <dl className="reconciliation__figures">
          <div>
            <dt>{t('dashboard.reconciliation.gainsSum', { from: formatDay(report.from, language), to: formatDay(report.to, language) })}</dt>
            <dd className="num">{formatGain(r.gainsSum, language)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.reconciliation.totalsChange')}</dt>
            <dd className="num">{r.totalsChange === null ? '—' : formatGain(r.totalsChange, language)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.reconciliation.difference')}</dt>
            <dd className="num">{r.difference === null ? '—' : formatGain(r.difference, language)}</dd>
          </div>
        </dl>
        <p className="text-2">{t('dashboard.reconciliation.why')}</p>
        {/* The engine explains the figures in English (CLI, logs); in Portuguese the same facts are told here. */}
        {language === 'en' && r.explanation ? (
          <p className="muted">{r.explanation}</p>
        ) : (
          <p className="muted">
            {r.totalsChange === null || r.difference === null
              ? t('dashboard.reconciliation.noTotalsDetail', { gains: formatGain(r.gainsSum, language) })
              : t('dashboard.reconciliation.differenceDetail', { change: formatGain(r.totalsChange, language), gains: formatGain(r.gainsSum, language), difference: formatGain(r.difference, language) })}
          </p>
        )}
      </div>
    </details>
  );
}
