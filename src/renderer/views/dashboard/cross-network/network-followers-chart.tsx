import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../hooks/app-context';
import { formatDay, formatNumber } from '../../../format/format';
import { dayToChartTime } from '../../data/chart-setup';
import { useChartColors } from '../../data/use-chart-colors';
import { backgroundPlugin } from '../chart-annotations';
import { ChartExportButtons } from '../chart-export-buttons';
import { NETWORK_NAMES, useNetworkColors } from './network-colors';
import type { NetworkLine } from '../../../../shared/dashboard/network-lines';
import { countAxis, timeAxis } from '../../data/chart-axes';

type Point = { x: number; y: number | null };
export type ScaleMode = 'absolute' | 'indexed';

interface Props {
  lines: NetworkLine[];
  mode: ScaleMode;
  range: { from: string; to: string };
  fileStem: string;
}

/** Every network's followers on one chart, absolute or indexed to 100; a day without a value is a gap. */
export function NetworkFollowersChart({ lines, mode, range, fileStem }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();
  const networkColors = useNetworkColors();
  const chart = useRef<ChartJS<'line', Point[]>>(null);
  const valuesOf = (line: NetworkLine): (number | null)[] => (mode === 'indexed' ? line.indexed : line.followers);

  const data: ChartData<'line', Point[]> = {
    datasets: lines.map((line) => ({
      label: NETWORK_NAMES[line.network],
      data: line.days.map((day, i) => ({ x: dayToChartTime(day), y: valuesOf(line)[i] })),
      borderColor: networkColors[line.network],
      backgroundColor: networkColors[line.network],
      borderWidth: 2,
      // A network counted only now and then (X) would be invisible as a line of lone points.
      pointRadius: line.followers.filter((v) => v !== null).length < line.days.length / 2 ? 3 : 0,
      pointHoverRadius: 4,
      spanGaps: false,
    })),
  };

  const format = (value: number): string => (mode === 'indexed' ? formatNumber(value, language, 1) : formatNumber(value, language));
  const dayOf = (x: number): string => {
    const d = new Date(x);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };

  const options: ChartOptions<'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', align: 'start', labels: { color: colors.text, boxWidth: 18, boxHeight: 2 } },
      tooltip: {
        filter: (item) => item.parsed.y !== null,
        callbacks: {
          title: (items) => (items[0] ? formatDay(dayOf(items[0].parsed.x ?? 0), language) : ''),
          label: (item) => `${item.dataset.label ?? ''}: ${format(item.parsed.y ?? 0)}`,
        },
      },
    },
    scales: {
      x: timeAxis(language, colors),
      y: countAxis(colors, format, { precision: mode === 'indexed' ? 1 : 0 }),
    },
  };

  const csv = () => ({
    columns: ['day', 'network', 'followers', 'index'],
    rows: lines.flatMap((line) => line.days.map((day, i) => [day, line.network, line.followers[i], line.indexed[i]])),
  });

  return (
    <div className="stack stack--tight">
      <div
        className="dash-chart"
        role="img"
        aria-label={t('crossNetwork.aria', { from: formatDay(range.from, language), to: formatDay(range.to, language) })}
        data-testid="cross-network-chart"
        data-mode={mode}
        data-networks={lines.map((l) => l.network).join(' ')}
      >
        <Chart ref={chart} type="line" data={data} options={options} plugins={[backgroundPlugin]} />
      </div>
      <ChartExportButtons chart={chart} csv={csv} title={t('crossNetwork.title')} fileStem={`${fileStem}-networks-${mode}`} />
    </div>
  );
}
