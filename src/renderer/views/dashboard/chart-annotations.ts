import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { CompanyEvent } from '../../../shared/insights';
import { dayRanges } from '../../format/format';
import { dayToChartTime } from '../data/chart-setup';
import type { ChartColors } from '../data/use-chart-colors';

const HALF_DAY = 12 * 3_600_000;

/**
 * A marked band over each run of missing days: the gap in the bars and lines says "nothing
 * here", the band says "because there is no data", not "because nobody followed".
 */
export function missingDayAnnotations(missingDays: readonly string[], colors: ChartColors, label: (count: number) => string): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {};
  for (const range of dayRanges(missingDays)) {
    out[`missing-${range.from}`] = {
      type: 'box',
      xMin: dayToChartTime(range.from) - HALF_DAY,
      xMax: dayToChartTime(range.to) + HALF_DAY,
      backgroundColor: withAlpha(colors.missing, 0.12),
      borderColor: withAlpha(colors.missing, 0.5),
      borderWidth: 1,
      borderDash: [3, 3],
      drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: label(range.count), position: { x: 'center', y: 'start' }, color: colors.missing, font: { size: 10 }, padding: 2 },
    };
  }
  return out;
}

/** A vertical line (one day) or a band (a multi-day action) per company action, titled. */
export function eventAnnotations<E extends CompanyEvent>(
  events: readonly E[],
  colors: ChartColors,
  range: { from: string; to: string },
  /** A second label line, e.g. the action's verdict. */
  describe?: (event: E) => string | null,
): Record<string, AnnotationOptions> {
  const out: Record<string, AnnotationOptions> = {};
  for (const event of events) {
    const end = event.endDay ?? event.day;
    if (end < range.from || event.day > range.to) continue;
    const label = {
      display: true,
      content: [event.title.length > 28 ? `${event.title.slice(0, 27)}…` : event.title, ...[describe?.(event)].filter((line): line is string => Boolean(line))],
      // At the top, clear of the bars (a loss day's bar reaches down to the bottom).
      position: 'end' as const,
      backgroundColor: colors.info,
      color: colors.surface,
      font: [{ size: 10, weight: 'bold' as const }, { size: 10 }],
      textAlign: 'start' as const,
      padding: 3,
      borderRadius: 3,
    };
    out[`event-${event.id}`] =
      end > event.day
        ? {
            type: 'box',
            xMin: dayToChartTime(event.day) - HALF_DAY,
            xMax: dayToChartTime(end) + HALF_DAY,
            backgroundColor: withAlpha(colors.info, 0.08),
            borderColor: withAlpha(colors.info, 0.6),
            borderWidth: 1,
            drawTime: 'beforeDatasetsDraw',
            label: { ...label, position: { x: 'start', y: 'start' } },
          }
        : {
            type: 'line',
            xMin: dayToChartTime(event.day),
            xMax: dayToChartTime(event.day),
            borderColor: colors.info,
            borderWidth: 1.5,
            borderDash: [5, 3],
            label,
          };
  }
  return out;
}

/** `#rrggbb` or `rgb()/rgba()` with a new alpha; anything else is returned as it is. */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const n = Number.parseInt(hex[1], 16);
    return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
  }
  const rgb = /^rgba?\(([^,]+),([^,]+),([^,)]+)/i.exec(color.trim());
  return rgb ? `rgba(${rgb[1].trim()}, ${rgb[2].trim()}, ${rgb[3].trim()}, ${alpha})` : color;
}

/**
 * Paints the canvas background, so an exported PNG is not transparent (unreadable in dark
 * viewers). The colour is read at each draw: the plugin outlives a theme switch.
 */
export const backgroundPlugin = {
  id: 'fp-background',
  beforeDraw: (chart: { ctx: CanvasRenderingContext2D; width: number; height: number }): void => {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim() || '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
