import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { CompanyEventView, ForecastDocument } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { dayRanges, formatDay, formatNumber } from '../../format/format';
import { dayToChartTime } from '../data/chart-setup';
import { useChartColors } from '../data/use-chart-colors';
import { backgroundPlugin, eventAnnotations, missingDayAnnotations, withAlpha } from './chart-annotations';
import { ChartExportButtons } from './chart-export-buttons';
import { verdictText } from '../events/verdict';
import { followerLines, type DailyPoint } from '../../../shared/dashboard/daily-points';
import { countAxis, timeAxis } from '../data/chart-axes';

type Point = { x: number; y: number | null };

/** Marks a band's upper edge: drawn (the fill needs it) but left out of the legend. */
const HIDDEN = '\u200b';

interface Props {
  points: DailyPoint[];
  range: { from: string; to: string };
  missingDays: string[];
  events: CompanyEventView[];
  forecast: ForecastDocument | null;
  fileStem: string;
}

/** Followers over time: snapshots solid, reconstructed days dashed, the projection with its bands. */
export function FollowersChart({ points, range, missingDays, events, forecast, fileStem }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();
  const chart = useRef<ChartJS<'line', Point[]>>(null);
  const lines = followerLines(points);
  const xs = points.map((p) => dayToChartTime(p.day));
  const projected = forecast?.points ?? [];
  const fx = projected.map((p) => dayToChartTime(p.day));
  // The projection starts from the last known total, so its line joins the history.
  const last = [...points].reverse().find((p) => p.hasData && p.followers !== null);
  const anchor = last && last.followers !== null ? [{ x: dayToChartTime(last.day), y: last.followers }] : [];

  const data: ChartData<'line', Point[]> = {
    datasets: [
      { label: t('dashboard.followers.snapshot'), data: xs.map((x, i) => ({ x, y: lines.snapshot[i] })), borderColor: colors.organic, backgroundColor: colors.organic, borderWidth: 2, pointRadius: 0, pointHoverRadius: 4, spanGaps: false },
      { label: t('dashboard.followers.reconstructed'), data: xs.map((x, i) => ({ x, y: lines.reconstructed[i] })), borderColor: colors.organic, backgroundColor: colors.surface, borderWidth: 2, borderDash: [6, 4], pointRadius: 0, pointHoverRadius: 4, spanGaps: false },
      ...(projected.length
        ? [
            { label: t('dashboard.projection.band95'), data: fx.map((x, i) => ({ x, y: projected[i].low95 })), borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(colors.accent, 0.1), fill: false },
            { label: `${t('dashboard.projection.band95')}${HIDDEN}`, data: fx.map((x, i) => ({ x, y: projected[i].high95 })), borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(colors.accent, 0.1), fill: '-1' as const },
            { label: t('dashboard.projection.band80'), data: fx.map((x, i) => ({ x, y: projected[i].low80 })), borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(colors.accent, 0.2), fill: false },
            { label: `${t('dashboard.projection.band80')}${HIDDEN}`, data: fx.map((x, i) => ({ x, y: projected[i].high80 })), borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(colors.accent, 0.2), fill: '-1' as const },
            { label: t('dashboard.projection.line'), data: [...anchor, ...fx.map((x, i) => ({ x, y: projected[i].followers }))], borderColor: colors.accent, backgroundColor: colors.accent, borderWidth: 2, borderDash: [2, 3], pointRadius: 0, pointHoverRadius: 4 },
          ]
        : []),
    ],
  };

  const dayOf = (x: number): string => {
    const d = new Date(x);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  // What the chart marks, for tests and screen readers' sake: runs of missing days and actions drawn.
  const gapCount = dayRanges(missingDays).length;
  const eventCount = Object.keys(eventAnnotations(events, colors, { from: range.from, to: range.to })).length;

  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: {
        position: 'bottom',
        align: 'start',
        labels: { color: colors.text, boxWidth: 18, boxHeight: 2, filter: (item, chartData) => !String(item.text).endsWith(HIDDEN) && (chartData.datasets[item.datasetIndex ?? 0]?.data as Point[]).some((p) => p.y !== null) },
      },
      tooltip: {
        // Bands are told in the projection's own line, not as four separate edges.
        filter: (item) => item.parsed.y !== null && (item.datasetIndex < 2 || item.datasetIndex === 6),
        callbacks: {
          title: (items) => (items[0] ? formatDay(dayOf(items[0].parsed.x ?? 0), language) : ''),
          label: (item) => {
            const value = `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? 0, language)}`;
            const band = item.datasetIndex === 6 ? projected.find((p) => p.day === dayOf(item.parsed.x ?? 0)) : undefined;
            if (!band) return value;
            return `${value} (80 %: ${formatNumber(band.low80, language)}–${formatNumber(band.high80, language)}; 95 %: ${formatNumber(band.low95, language)}–${formatNumber(band.high95, language)})`;
          },
        },
      },
      annotation: {
        annotations: {
          ...missingDayAnnotations(missingDays, colors, (count) => t('dashboard.missingMarker', { count })),
          ...eventAnnotations(events, colors, { from: range.from, to: projected.at(-1)?.day ?? range.to }, (e) => verdictText(e.impact, language, t)),
        },
      },
    },
    scales: {
      x: timeAxis(language, colors),
      // Head room for the action labels drawn at the top.
      y: countAxis(colors, (v) => formatNumber(v, language), { grace: events.length ? '15%' : 0 }),
    },
  };

  const csv = () => ({
    columns: ['day', 'followers', 'reconstructed', 'has_data', 'projected', 'low80', 'high80', 'low95', 'high95'],
    rows: [
      ...points.map((p) => [p.day, p.hasData ? p.followers : null, p.reconstructed, p.hasData, false, null, null, null, null]),
      ...projected.map((p) => [p.day, p.followers, false, false, true, p.low80, p.high80, p.low95, p.high95]),
    ],
  });

  return (
    <div className="stack stack--tight">
      <div className="dash-chart" role="img" aria-label={t('dashboard.followers.aria', { from: formatDay(range.from, language), to: formatDay(range.to, language) })} data-testid="followers-chart" data-gaps={gapCount} data-events={eventCount}>
        <Chart ref={chart} type="line" data={data} options={options} plugins={[backgroundPlugin]} />
      </div>
      <ChartExportButtons chart={chart} csv={csv} title={t('dashboard.followers.title')} fileStem={`${fileStem}-followers`} />
    </div>
  );
}
