import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { Granularity, ReportNetworkBucket } from '../../../../shared/insights';
import { useApp } from '../../../hooks/app-context';
import { formatDay, formatGain, formatNumber } from '../../../format/format';
import { dayToChartTime } from '../../data/chart-setup';
import { useChartColors } from '../../data/use-chart-colors';
import { backgroundPlugin } from '../chart-annotations';
import { ChartExportButtons } from '../chart-export-buttons';
import { NETWORK_NAMES, useNetworkColors } from './network-colors';
import { networkGainColumns, networksWithoutGains } from '../../../../shared/dashboard/network-lines';
import { countAxis, timeAxis } from '../../data/chart-axes';

type Point = { x: number; y: number | null };

interface Props {
  series: ReportNetworkBucket[];
  granularity: Granularity;
  range: { from: string; to: string };
  fileStem: string;
}

/** Net gains per day, ISO week or month, one stacked colour per network; a bucket without data has no bar. */
export function NetworkGainsChart({ series, granularity, range, fileStem }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const colors = useChartColors();
  const networkColors = useNetworkColors();
  const chart = useRef<ChartJS<'bar', Point[]>>(null);
  const { buckets, byNetwork } = networkGainColumns(series);
  const silent = networksWithoutGains(byNetwork);
  const drawn = [...byNetwork].filter(([network]) => !silent.includes(network));
  const xs = buckets.map(dayToChartTime);
  const perDay = granularity === 'day';

  const data: ChartData<'bar', Point[]> = {
    datasets: drawn.map(([network, values]) => ({
      label: NETWORK_NAMES[network],
      data: values.map((y, i) => ({ x: xs[i], y })),
      backgroundColor: networkColors[network],
      stack: 'networks',
      borderRadius: 2,
      barPercentage: 0.92,
      categoryPercentage: 0.92,
    })),
  };

  const bucketLabel = (bucket: string): string => {
    if (granularity === 'week') return t('dashboard.gains.weekOf', { day: formatDay(bucket, language) });
    if (granularity === 'month') return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${bucket}T00:00:00Z`));
    return formatDay(bucket, language);
  };

  const options: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', align: 'start', labels: { color: colors.text, boxWidth: 12, boxHeight: 12 } },
      tooltip: {
        filter: (item) => item.parsed.y !== null,
        callbacks: {
          title: (items) => (items[0] ? bucketLabel(buckets[items[0].dataIndex] ?? '') : ''),
          label: (item) => `${item.dataset.label ?? ''}: ${formatGain(item.parsed.y ?? 0, language)}`,
          footer: (items) => {
            const i = items[0]?.dataIndex ?? -1;
            const values = drawn.map(([, v]) => v[i]).filter((v): v is number => v !== null && v !== undefined);
            return values.length ? `${t('crossNetwork.gains.net')}: ${formatGain(values.reduce((a, b) => a + b, 0), language)}` : '';
          },
        },
      },
    },
    scales: {
      x: timeAxis(language, colors, { unit: perDay ? undefined : granularity, stacked: true, offset: true }),
      y: countAxis(colors, (v) => formatNumber(v, language), { stacked: true }),
    },
  };

  const csv = () => ({
    columns: ['bucket', 'network', 'net', 'days_with_data'],
    rows: series.map((b) => [b.bucket, b.network, b.daysWithData === 0 ? null : b.total, b.daysWithData]),
  });

  return (
    <div className="stack stack--tight">
      <div
        className="dash-chart"
        role="img"
        aria-label={t('crossNetwork.gains.aria', { from: formatDay(range.from, language), to: formatDay(range.to, language) })}
        data-testid="cross-network-gains-chart"
        data-networks={drawn.map(([n]) => n).join(' ')}
      >
        <Chart ref={chart} type="bar" data={data} options={options} plugins={[backgroundPlugin]} />
      </div>
      {silent.length ? (
        <p className="missing-note" data-testid="cross-network-no-gains">
          {t('crossNetwork.gains.noGains', { networks: silent.map((n) => NETWORK_NAMES[n]).join(', ') })}
        </p>
      ) : null}
      <ChartExportButtons chart={chart} csv={csv} title={t('crossNetwork.gains.title')} fileStem={`${fileStem}-networks-gains-${granularity}`} />
    </div>
  );
}
