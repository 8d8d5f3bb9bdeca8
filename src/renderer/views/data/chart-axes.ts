import type { Language } from '../../../shared/i18n/catalogs';
import { dateAdapter, dayTickFormats } from './chart-dates';
import type { ChartColors } from './use-chart-colors';

type TimeUnit = 'day' | 'week' | 'month';

/**
 * The x axis of every time chart: day/week/month ticks in the app's language, no grid, muted
 * unrotated labels. `unit` fixes the tick unit; without it chart.js picks one from `day` up.
 */
export function timeAxis(language: Language, colors: ChartColors, options: { unit?: TimeUnit; stacked?: boolean; offset?: boolean } = {}) {
  const { unit, ...layout } = options;
  return {
    type: 'time' as const,
    ...layout,
    adapters: dateAdapter(language),
    time: { unit, minUnit: 'day' as const, displayFormats: dayTickFormats(language), isoWeekday: true },
    grid: { display: false },
    ticks: { color: colors.textMuted, maxRotation: 0, autoSkipPadding: 16 },
  };
}

/** The y axis of counts: light grid, no border, muted labels in the user's number format. */
export function countAxis(colors: ChartColors, format: (value: number) => string, options: { stacked?: boolean; grace?: string | number; precision?: number } = {}) {
  const { precision = 0, ...layout } = options;
  return {
    ...layout,
    grid: { color: colors.grid },
    border: { display: false },
    ticks: { color: colors.textMuted, precision, callback: (value: string | number) => format(Number(value)) },
  };
}
