import { type ComponentProps, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../components/spinner';
import type { FollowersChart as FollowersChartComponent } from './followers-chart';
import type { GainsBarsChart as GainsBarsChartComponent } from './gains-bars-chart';
import type { NetworkFollowersChart as NetworkFollowersChartComponent } from './cross-network/network-followers-chart';
import type { NetworkGainsChart as NetworkGainsChartComponent } from './cross-network/network-gains-chart';

// chart.js, its date adapter and plugins are most of the dashboard's code: the headline numbers
// are drawn without them, the charts as soon as they have loaded.
const LazyFollowersChart = lazy(() => import('./followers-chart').then((m) => ({ default: m.FollowersChart })));
const LazyGainsBarsChart = lazy(() => import('./gains-bars-chart').then((m) => ({ default: m.GainsBarsChart })));
const LazyNetworkFollowersChart = lazy(() => import('./cross-network/network-followers-chart').then((m) => ({ default: m.NetworkFollowersChart })));
const LazyNetworkGainsChart = lazy(() => import('./cross-network/network-gains-chart').then((m) => ({ default: m.NetworkGainsChart })));

/** Starts loading the chart code without drawing anything (the view calls it on mount). */
export function preloadCharts(): void {
  void import('./followers-chart');
  void import('./gains-bars-chart');
}

function ChartPlaceholder(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="dash-chart dash-chart--loading">
      <Spinner label={t('dashboard.loading')} />
    </div>
  );
}

export function FollowersChart(props: ComponentProps<typeof FollowersChartComponent>): React.JSX.Element {
  return (
    <Suspense fallback={<ChartPlaceholder />}>
      <LazyFollowersChart {...props} />
    </Suspense>
  );
}

export function GainsBarsChart(props: ComponentProps<typeof GainsBarsChartComponent>): React.JSX.Element {
  return (
    <Suspense fallback={<ChartPlaceholder />}>
      <LazyGainsBarsChart {...props} />
    </Suspense>
  );
}

export function NetworkFollowersChart(props: ComponentProps<typeof NetworkFollowersChartComponent>): React.JSX.Element {
  return (
    <Suspense fallback={<ChartPlaceholder />}>
      <LazyNetworkFollowersChart {...props} />
    </Suspense>
  );
}

export function NetworkGainsChart(props: ComponentProps<typeof NetworkGainsChartComponent>): React.JSX.Element {
  return (
    <Suspense fallback={<ChartPlaceholder />}>
      <LazyNetworkGainsChart {...props} />
    </Suspense>
  );
}
