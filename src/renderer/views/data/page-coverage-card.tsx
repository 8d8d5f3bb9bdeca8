import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../../shared/ui-api';
import { useApp } from '../../hooks/app-context';
import { daysBetween } from '../../../shared/day';
import { formatDay, formatDayRanges, formatGain, formatNumber } from '../../format/format';
import { networkLabel } from '../shared/labels';
import { daysOfRanges, gainRows } from '../../../shared/coverage-days';
import { CoverageStrip } from './coverage-strip';
import { GainsChart } from './gains-chart';
import type { CompanyEvent } from '../../../shared/insights';
import { CardHeader } from '../../components/card-header';

export function PageCoverageCard({ coverage, events = [] }: { coverage: CoverageView; events?: CompanyEvent[] }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const windowDays = daysBetween(coverage.windowStart, coverage.windowEnd) + 1;
  const gains = useMemo(() => gainRows(coverage.recentGains), [coverage.recentGains]);
  const missingDays = useMemo(() => daysOfRanges(coverage.missingRanges), [coverage.missingRanges]);
  const sum = (pick: (g: (typeof gains)[number]) => number): number => gains.reduce((s, g) => s + pick(g), 0);
  const total = sum((g) => g.total);
  const paid = sum((g) => g.paid ?? 0);
  const organic = sum((g) => g.organic);
  const percent = windowDays > 0 ? Math.round((coverage.presentCount / windowDays) * 100) : 0;

  return (
    <section className="card" aria-labelledby={`page-${coverage.accountId}`} data-testid="page-coverage">
      <CardHeader
        titleId={`page-${coverage.accountId}`}
        title={coverage.name || t('runs.detail.pageFallback', { id: coverage.accountId })}
        subtitle={
          <>
            {networkLabel(t, coverage.network)} · ID {coverage.accountId}
            {coverage.firstDay && coverage.lastDay ? ` · ${t('data.range', { from: formatDay(coverage.firstDay, language), to: formatDay(coverage.lastDay, language) })}` : ''}
          </>
        }
      />
      <div className="card__body stack stack--loose">
        <div className="kpis">
          <Kpi label={t('data.kpi.followers')} value={coverage.totalFollowers === null ? '—' : formatNumber(coverage.totalFollowers, language)} note={t('data.kpi.followersNote')} testId="total-followers" />
          <Kpi
            label={t('data.kpi.gain90')}
            value={formatGain(total, language)}
            note={t('data.kpi.gainSplit', { organic: formatGain(organic, language), paid: formatGain(paid, language) })}
          />
          <Kpi label={t('data.kpi.coverage')} value={`${formatNumber(percent, language)} %`} note={t('data.kpi.coverageNote', { present: formatNumber(coverage.presentCount, language), total: formatNumber(windowDays, language) })} />
          <Kpi
            label={t('data.kpi.missing')}
            value={formatNumber(coverage.missingCount, language)}
            note={coverage.missingCount ? t('data.kpi.missingNote') : t('data.kpi.noneMissing')}
            tone={coverage.missingCount ? 'warning' : undefined}
            testId="missing-count"
          />
        </div>
        <div className="stack stack--tight">
          <h3>{t('data.coverage.title')}</h3>
          <p className="muted">{t('data.coverage.text', { from: formatDay(coverage.windowStart, language), to: formatDay(coverage.windowEnd, language) })}</p>
          <CoverageStrip coverage={coverage} />
          {coverage.missingCount ? (
            <p className="missing-list" data-testid="missing-list">
              {t('data.coverage.missingList', { days: formatDayRanges(missingDays, language) })}
            </p>
          ) : null}
        </div>
        <div className="stack stack--tight">
          <h3>{t('data.gains.title')}</h3>
          {gains.length ? <GainsChart gains={gains} fileStem={coverage.accountId} events={events.filter((e) => !e.accountId || e.accountId === coverage.accountId || e.accountId === `${coverage.network}:${coverage.accountId}`)} /> : <p className="muted">{t('data.gains.empty')}</p>}
        </div>
      </div>
    </section>
  );
}

function Kpi({ label, value, note, tone, testId }: { label: string; value: string; note?: string; tone?: 'warning'; testId?: string }): React.JSX.Element {
  return (
    <div className={`kpi${tone ? ` kpi--${tone}` : ''}`}>
      <span className="kpi__label">{label}</span>
      <span className="kpi__value" data-testid={testId}>
        {value}
      </span>
      {note ? <span className="kpi__note">{note}</span> : null}
    </div>
  );
}
