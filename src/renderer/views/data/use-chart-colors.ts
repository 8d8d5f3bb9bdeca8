import { useEffect, useState } from 'react';

export interface ChartColors {
  organic: string;
  paid: string;
  total: string;
  present: string;
  missing: string;
  empty: string;
  grid: string;
  text: string;
  textMuted: string;
  surface: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string): string => style.getPropertyValue(name).trim();
  return {
    organic: v('--chart-organic'),
    paid: v('--chart-paid'),
    total: v('--chart-total'),
    present: v('--chart-present'),
    missing: v('--chart-missing'),
    empty: v('--chart-empty'),
    grid: v('--chart-grid'),
    text: v('--text-2'),
    textMuted: v('--text-3'),
    surface: v('--surface'),
  };
}

/** Canvas cannot use CSS variables, so charts read the theme's and redraw when it flips. */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => setColors(read());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  return colors;
}
