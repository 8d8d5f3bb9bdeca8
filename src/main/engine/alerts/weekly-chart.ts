import { PNG } from 'pngjs';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 220;
const MARGIN = 16;
const LINE: [number, number, number] = [37, 99, 235];
const AXIS: [number, number, number] = [203, 213, 225];

function plot(png: PNG, x: number, y: number, [r, g, b]: [number, number, number]): void {
  if (x < 0 || y < 0 || x >= png.width || y >= png.height) return;
  const i = (png.width * y + x) << 2;
  png.data[i] = r;
  png.data[i + 1] = g;
  png.data[i + 2] = b;
  png.data[i + 3] = 255;
}

function line(png: PNG, x0: number, y0: number, x1: number, y1: number, color: [number, number, number]): void {
  const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
  for (let s = 0; s <= steps; s++) {
    const x = Math.round(x0 + ((x1 - x0) * s) / steps);
    const y = Math.round(y0 + ((y1 - y0) * s) / steps);
    plot(png, x, y, color);
    plot(png, x, y + 1, color);
  }
}

/**
 * The followers line for the weekly e-mail as a PNG: white background, a baseline, the line
 * broken where a value is unknown (never bridged across a gap).
 */
export function drawFollowersChart(values: readonly (number | null)[]): Buffer {
  const png = new PNG({ width: CHART_WIDTH, height: CHART_HEIGHT });
  png.data.fill(255);
  const bottom = CHART_HEIGHT - MARGIN;
  line(png, MARGIN, bottom, CHART_WIDTH - MARGIN, bottom, AXIS);
  const known = values.filter((v): v is number => v !== null);
  if (known.length > 0) {
    const min = Math.min(...known);
    const max = Math.max(...known);
    const span = max - min || 1;
    const xOf = (i: number): number => MARGIN + Math.round(((CHART_WIDTH - 2 * MARGIN) * i) / Math.max(values.length - 1, 1));
    const yOf = (v: number): number => bottom - 4 - Math.round(((bottom - 4 - MARGIN) * (v - min)) / span);
    for (let i = 1; i < values.length; i++) {
      const a = values[i - 1];
      const b = values[i];
      if (a !== null && b !== null) line(png, xOf(i - 1), yOf(a), xOf(i), yOf(b), LINE);
    }
    if (values.length === 1 && values[0] !== null) plot(png, xOf(0), yOf(values[0]), LINE);
  }
  return PNG.sync.write(png);
}
