import { useTranslation } from 'react-i18next';
import type { ReportDocument } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { formatDay, formatGain, formatNumber } from '../../format/format';

function formatPct(value: number, language: string, signed = true): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value / 100);
}

/** The four numbers a manager asks for first, each with what it is compared to. */
export function HeadlineCards({ report }: { report: ReportDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const h = report.headline;
  const trend = h.changePct === null ? '' : h.changePct > 0 ? ' is-up' : h.changePct < 0 ? ' is-down' : '';
  return (
    <section className="headline" aria-label={t('dashboard.headline.label')} data-testid="headline">
      <div className="card headline__card">
        <span className="kpi__label">{t('dashboard.headline.followers')}</span>
        <span className="headline__value" data-testid="followers-now">
          {h.followersEnd === null ? '—' : formatNumber(h.followersEnd, language)}
        </span>
        <span className="kpi__note">
          {h.followersEnd === null
            ? t('dashboard.headline.noSnapshot')
            : t('dashboard.headline.followersOn', { day: formatDay(report.to, language), start: h.followersStart === null ? '—' : formatNumber(h.followersStart, language) })}
        </span>
      </div>
      <div className="card headline__card">
        <span className="kpi__label">{t('dashboard.headline.net')}</span>
        <span className="headline__value" data-testid="net-gain">
          {formatGain(h.netGain, language)}
        </span>
        <span className={`kpi__note headline__trend${trend}`} data-testid="net-change">
          {h.changePct === null
            ? t('dashboard.headline.noPrevious', { previous: formatGain(h.previous.netGain, language) })
            : t('dashboard.headline.vsPrevious', { pct: formatPct(h.changePct, language), previous: formatGain(h.previous.netGain, language) })}
        </span>
        {h.yearAgo ? (
          <span className="kpi__note" data-testid="year-ago">
            {h.yearAgo.changePct === null
              ? t('dashboard.headline.yearAgoOnly', { value: formatGain(h.yearAgo.netGain, language) })
              : t('dashboard.headline.vsYearAgo', { pct: formatPct(h.yearAgo.changePct, language), value: formatGain(h.yearAgo.netGain, language) })}
          </span>
        ) : null}
      </div>
      <div className="card headline__card">
        <span className="kpi__label">{t('dashboard.headline.split')}</span>
        <span className="headline__value headline__value--pair">
          <span data-testid="organic-gain">{formatGain(h.organicGain, language)}</span>
          <span className="headline__sep">/</span>
          <span data-testid="paid-gain">{formatGain(h.paidGain, language)}</span>
        </span>
        <span className="kpi__note">
          {h.paidShare === null ? t('dashboard.headline.noSplit') : t('dashboard.headline.paidShare', { pct: formatPct(h.paidShare * 100, language, false) })}
        </span>
        <div className="split-bar" aria-hidden="true">
          <span className="split-bar__organic" style={{ width: `${h.paidShare === null ? 100 : Math.max(0, Math.min(100, (1 - h.paidShare) * 100))}%` }} />
        </div>
      </div>
      <div className="card headline__card">
        <span className="kpi__label">{t('dashboard.headline.bestWorst')}</span>
        <span className="headline__days">
          <span className="headline__day is-up" data-testid="best-day">
            {h.bestDay ? t('dashboard.headline.dayGain', { gain: formatGain(h.bestDay.gain, language), day: formatDay(h.bestDay.day, language) }) : '—'}
          </span>
          <span className="headline__day is-down" data-testid="worst-day">
            {h.worstDay ? t('dashboard.headline.dayGain', { gain: formatGain(h.worstDay.gain, language), day: formatDay(h.worstDay.day, language) }) : '—'}
          </span>
        </span>
        <span className="kpi__note" data-testid="days-with-data">
          {t('dashboard.headline.coverage', { count: h.daysWithData, missing: h.missingDays.length })}
        </span>
      </div>
    </section>
  );
}
