import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { CompanyEventView, Granularity, ReportSeriesPoint } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { dayRanges, formatDay, formatGain, formatNumber } from '../../format/format';
import { dayToChartTime } from '../data/chart-setup';
import { useChartColors } from '../data/use-chart-colors';
import { backgroundPlugin, eventAnnotations, missingDayAnnotations } from './chart-annotations';
import { ChartExportButtons } from './chart-export-buttons';
import { verdictText } from '../events/verdict';
import type { DailyPoint } from '../../../shared/dashboard/daily-points';
import { BUCKET_AVERAGE_WINDOW, bucketMovingAverage, movingAverage } from '../../../shared/dashboard/moving-average';
import { countAxis, timeAxis } from '../data/chart-axes';

type Point = { x: number; y: number | null };

interface Props {
  series: ReportSeriesPoint[];
  granularity: Granularity;
  daily: DailyPoint[] | null;
  /** 7/28-day averages at day granularity; `buckets`: the 4-week or 3-month one otherwise. */
  averages: { ma7: boolean; ma28: boolean; buckets: boolean };
  range: { from: string; to: string };
  missingDays: string[];
  events: CompanyEventView[];
  fileStem: string;
}

/**
 * New followers per day, ISO week or month: organic and sponsored stacked, with the 7- and
 * 28-day moving averages of the daily net gain by day, the 4-week or 3-month one of complete
 * buckets by week or month. A bucket with no data has no bar (null, not 0).
 */
export function GainsBarsChart({ series, granularity, daily, averages, range, missingDays, events, fileStem }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();
  const chart = useRef<ChartJS<'bar' | 'line', Point[]>>(null);
  const xs = series.map((p) => dayToChartTime(p.bucket));
  const empty = (p: ReportSeriesPoint): boolean => p.daysWithData === 0;
  const dailyTotals = daily?.map((d) => (d.hasData ? d.total : null)) ?? [];
  const dailyXs = daily?.map((d) => dayToChartTime(d.day)) ?? [];
  const ma7 = averages.ma7 && daily ? movingAverage(dailyTotals, 7) : null;
  const ma28 = averages.ma28 && daily ? movingAverage(dailyTotals, 28) : null;
  const perDay = granularity === 'day';
  const bucketAverage = granularity !== 'day' && averages.buckets ? bucketMovingAverage(series, granularity) : null;
  const bucketAverageLabel = granularity === 'week' ? t('bucketAverages.week', { n: BUCKET_AVERAGE_WINDOW.week }) : t('bucketAverages.month', { n: BUCKET_AVERAGE_WINDOW.month });

  const bar = { type: 'bar' as const, stack: 'gains', order: 2, borderRadius: 2, barPercentage: 0.92, categoryPercentage: 0.92 };
  const data: ChartData<'bar' | 'line', Point[]> = {
    datasets: [
      { ...bar, label: t('dashboard.gains.organic'), data: series.map((p, i) => ({ x: xs[i], y: empty(p) ? null : p.organic })), backgroundColor: colors.organic },
      { ...bar, label: t('dashboard.gains.paid'), data: series.map((p, i) => ({ x: xs[i], y: empty(p) ? null : p.paid })), backgroundColor: colors.paid },
      ...(perDay && ma7
        ? [{ type: 'line' as const, label: t('dashboard.gains.ma7'), data: dailyXs.map((x, i) => ({ x, y: ma7[i] })), borderColor: colors.total, backgroundColor: colors.total, borderWidth: 2, pointRadius: 0, spanGaps: false, stack: 'ma7', order: 1 }]
        : []),
      ...(perDay && ma28
        ? [{ type: 'line' as const, label: t('dashboard.gains.ma28'), data: dailyXs.map((x, i) => ({ x, y: ma28[i] })), borderColor: colors.danger, backgroundColor: colors.danger, borderWidth: 2, borderDash: [6, 3], pointRadius: 0, spanGaps: false, stack: 'ma28', order: 1 }]
        : []),
      ...(bucketAverage
        ? [{ type: 'line' as const, label: bucketAverageLabel, data: xs.map((x, i) => ({ x, y: bucketAverage[i] })), borderColor: colors.total, backgroundColor: colors.total, borderWidth: 2, pointRadius: 3, spanGaps: false, stack: 'bucket-average', order: 1 }]
        : []),
    ],
  };

  const bucketLabel = (bucket: string): string => {
    if (granularity === 'week') return t('dashboard.gains.weekOf', { day: formatDay(bucket, language) });
    if (granularity === 'month') return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${bucket}T00:00:00Z`));
    return formatDay(bucket, language);
  };
  const unit = granularity === 'day' ? 'day' : granularity === 'week' ? 'week' : 'month';

  // What the chart marks, for tests and screen readers' sake: runs of missing days and actions drawn.
  const gapCount = dayRanges(missingDays).length;
  const eventCount = Object.keys(eventAnnotations(events, colors, { from: range.from, to: range.to })).length;

  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', align: 'start', labels: { color: colors.text, boxWidth: 12, boxHeight: 12, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
      tooltip: {
        filter: (item) => item.parsed.y !== null,
        callbacks: {
          title: (items) => {
            const p = series[items[0]?.dataIndex ?? -1];
            return p && items[0]?.datasetIndex < 2 ? bucketLabel(p.bucket) : '';
          },
          label: (item) => `${item.dataset.label ?? ''}: ${item.datasetIndex < 2 ? formatGain(item.parsed.y ?? 0, language) : formatNumber(item.parsed.y ?? 0, language, 1)}`,
          footer: (items) => {
            const p = series[items[0]?.dataIndex ?? -1];
            if (!p || items[0]?.datasetIndex >= 2) return '';
            return `${t('dashboard.gains.net')}: ${formatGain(p.total, language)}`;
          },
        },
      },
      annotation: {
        annotations: {
          ...(perDay ? missingDayAnnotations(missingDays, colors, (count) => t('dashboard.missingMarker', { count })) : {}),
          ...eventAnnotations(events, colors, range, (e) => verdictText(e.impact, language, t)),
        },
      },
    },
    scales: {
      x: timeAxis(language, colors, { unit: perDay ? undefined : unit, stacked: true, offset: true }),
      // Head room for the action labels drawn at the top.
      y: countAxis(colors, (v) => formatNumber(v, language), { grace: events.length ? '15%' : 0, stacked: true }),
    },
  };

  const csv = () => ({
    columns: ['bucket', 'organic', 'sponsored', 'net', 'days_with_data', ...(perDay && ma7 ? ['ma7'] : []), ...(perDay && ma28 ? ['ma28'] : []), ...(bucketAverage ? [granularity === 'week' ? 'avg_4_weeks' : 'avg_3_months'] : [])],
    rows: series.map((p, i) => [
      p.bucket,
      empty(p) ? null : p.organic,
      empty(p) ? null : p.paid,
      empty(p) ? null : p.total,
      p.daysWithData,
      ...(perDay && ma7 ? [round(ma7[i])] : []),
      ...(perDay && ma28 ? [round(ma28[i])] : []),
      ...(bucketAverage ? [round(bucketAverage[i])] : []),
    ]),
  });

  return (
    <div className="stack stack--tight">
      <div className="dash-chart" role="img" aria-label={t('dashboard.gains.aria', { from: formatDay(range.from, language), to: formatDay(range.to, language) })} data-testid="gains-chart" data-gaps={gapCount} data-events={eventCount}>
        <Chart ref={chart} type="bar" data={data} options={options} plugins={[backgroundPlugin]} />
      </div>
      {bucketAverage && bucketAverage.every((v) => v === null) ? (
        <p className="muted" data-testid="bucket-average-none">
          {granularity === 'week' ? t('bucketAverages.noneWeek', { n: BUCKET_AVERAGE_WINDOW.week }) : t('bucketAverages.noneMonth', { n: BUCKET_AVERAGE_WINDOW.month })}
        </p>
      ) : null}
      <ChartExportButtons chart={chart} csv={csv} title={t('dashboard.gains.title')} fileStem={`${fileStem}-gains-${granularity}`} />
    </div>
  );
}

function round(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 100) / 100;
}
