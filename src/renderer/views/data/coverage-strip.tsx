import type { ChartData, ChartOptions } from 'chart.js';
import { useMemo } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { CoverageView } from '../../../shared/ui-api';
import { useApp } from '../../hooks/app-context';
import { formatDay } from '../../format/format';
import { dayToChartTime } from './chart-setup';
import { type DayState, windowDayStates } from '../../../shared/coverage-days';
import { useChartColors } from './use-chart-colors';
import { dateAdapter } from './chart-dates';

/** One cell per day of LinkedIn's 12-month window: which days the lake has, which it lacks. */
export function CoverageStrip({ coverage }: { coverage: CoverageView }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();

  const days = useMemo(() => windowDayStates(coverage), [coverage]);

  const label = (state: DayState): string => t(`data.coverage.${state}`);
  const colorOf = (state: DayState): string => (state === 'present' ? colors.present : state === 'missing' ? colors.missing : colors.empty);

  const data: ChartData<'bar', { x: number; y: number }[]> = {
    datasets: [
      {
        data: days.map((d) => ({ x: dayToChartTime(d.day), y: 1 })),
        backgroundColor: days.map((d) => colorOf(d.state)),
        barPercentage: 1,
        categoryPercentage: 0.8,
        borderRadius: 1,
      },
    ],
  };

  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { display: false },
      tooltip: {
        displayColors: false,
        callbacks: {
          title: (items) => formatDay(days[items[0].dataIndex].day, language),
          label: (item) => label(days[item.dataIndex].state),
        },
      },
    },
    scales: {
      x: {
        type: 'time',
        adapters: dateAdapter(language),
        time: { unit: 'month', displayFormats: { month: 'MMM yy' }, tooltipFormat: 'P' },
        grid: { display: false },
        border: { display: false },
        ticks: { color: colors.textMuted, maxRotation: 0, autoSkipPadding: 12 },
      },
      y: { display: false, min: 0, max: 1 },
    },
  };

  const counts = { present: coverage.presentCount, missing: coverage.missingCount };
  return (
    <figure className="coverage">
      <div className="coverage__canvas" role="img" aria-label={t('data.coverage.aria', { present: counts.present, missing: counts.missing, total: days.length })}>
        <Bar data={data} options={options} />
      </div>
      <figcaption className="legend">
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--present" /> {label('present')}
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--missing" /> {label('missing')}
        </span>
        <span className="legend__item">
          <span className="legend__swatch legend__swatch--none" /> {label('none')}
        </span>
      </figcaption>
    </figure>
  );
}
