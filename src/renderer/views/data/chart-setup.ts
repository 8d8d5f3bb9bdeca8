import { BarController, BarElement, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, TimeScale, Tooltip } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import 'chartjs-adapter-date-fns';

// Register only what the Data view draws, once: chart.js tree-shakes the rest away.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, TimeScale, Tooltip, Legend, Filler, annotationPlugin);

/**
 * A UTC day as a timestamp at *local* midnight of the same calendar date: chart.js and the
 * date-fns adapter label axes in local time, and a UTC-midnight instant would show as the
 * previous day west of Greenwich (all of Brazil).
 */
export function dayToChartTime(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}
