import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../hooks/app-context';
import { formatDay, formatGain, formatNumber } from '../../format/format';
import { dayToChartTime } from './chart-setup';
import type { DayGain } from '../../../shared/coverage-days';
import { useChartColors } from './use-chart-colors';
import type { CompanyEvent } from '../../../shared/insights';
import { backgroundPlugin, eventAnnotations } from '../dashboard/chart-annotations';
import { ChartExportButtons } from '../dashboard/chart-export-buttons';
import { countAxis, timeAxis } from './chart-axes';

type Point = { x: number; y: number };

/** Daily gains of the last 90 days: organic and sponsored stacked, the net total as a line. */
export function GainsChart({ gains, events = [], fileStem }: { gains: DayGain[]; events?: CompanyEvent[]; fileStem: string }): React.JSX.Element {
  const chart = useRef<ChartJS<'bar' | 'line', Point[]>>(null);
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();
  const average = gains.length ? gains.reduce((s, g) => s + g.total, 0) / gains.length : 0;

  const data: ChartData<'bar' | 'line', Point[]> = {
    datasets: [
      {
        type: 'bar',
        label: t('data.gains.organic'),
        data: gains.map((g) => ({ x: dayToChartTime(g.day), y: g.organic })),
        backgroundColor: colors.organic,
        stack: 'gains',
        order: 2,
        borderRadius: 2,
        barPercentage: 0.9,
        categoryPercentage: 0.9,
      },
      {
        type: 'bar',
        label: t('data.gains.paid'),
        data: gains.map((g) => ({ x: dayToChartTime(g.day), y: g.paid ?? 0 })),
        backgroundColor: colors.paid,
        stack: 'gains',
        order: 2,
        borderRadius: 2,
        barPercentage: 0.9,
        categoryPercentage: 0.9,
      },
      {
        type: 'line',
        label: t('data.gains.total'),
        data: gains.map((g) => ({ x: dayToChartTime(g.day), y: g.total })),
        borderColor: colors.total,
        backgroundColor: colors.total,
        borderWidth: 2,
        pointRadius: 0,
        pointHoverRadius: 4,
        // Stepped: each day's net gain spans its own bar, so a loss day reads at a glance.
        stepped: 'middle',
        // Its own stack: the total is drawn over the bars, not piled on top of them.
        stack: 'total',
        order: 1,
      },
    ],
  };

  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: {
        position: 'bottom',
        align: 'start',
        // Listed as declared (organic, sponsored, net), not by drawing order.
        labels: { color: colors.text, boxWidth: 12, boxHeight: 12, useBorderRadius: true, borderRadius: 2, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
      },
      tooltip: {
        callbacks: {
          title: (items) => formatDay(gains[items[0].dataIndex].day, language),
          label: (item) => `${item.dataset.label ?? ''}: ${formatGain(item.parsed.y ?? 0, language)}`,
        },
      },
      annotation: {
        annotations: {
          // Company actions, as on the dashboard's charts.
          ...(gains.length ? eventAnnotations(events, colors, { from: gains[0].day, to: gains[gains.length - 1].day }) : {}),
          average: {
            type: 'line',
            yMin: average,
            yMax: average,
            borderColor: colors.textMuted,
            borderWidth: 1,
            borderDash: [4, 4],
            label: {
              display: true,
              content: t('data.gains.average', { value: formatNumber(average, language, 1) }),
              position: 'start',
              backgroundColor: colors.surface,
              color: colors.text,
              font: { size: 11 },
              padding: 4,
            },
          },
        },
      },
    },
    scales: {
      x: timeAxis(language, colors, { unit: 'week', stacked: true }),
      y: countAxis(colors, (v) => formatNumber(v, language), { stacked: true }),
    },
  };

  return (
    <div className="stack stack--tight">
      <div className="gains-chart" role="img" aria-label={t('data.gains.aria', { days: gains.length, average: formatNumber(average, language, 1) })}>
        <Chart ref={chart} type="bar" data={data} options={options} plugins={[backgroundPlugin]} />
      </div>
      <ChartExportButtons
        chart={chart}
        csv={() => ({ columns: ['day', 'organic', 'sponsored', 'net'], rows: gains.map((g) => [g.day, g.organic, g.paid, g.total]) })}
        fileStem={`follower-pulse-${fileStem}-gains-90-days`}
      />
    </div>
  );
}
