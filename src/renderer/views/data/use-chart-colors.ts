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
  accent: string;
  warning: string;
  danger: string;
  info: string;
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
    accent: v('--accent'),
    warning: v('--warning'),
    danger: v('--danger'),
    info: v('--info'),
  };
}

/**
 * Canvas cannot use CSS variables, so charts read the theme's values with `read` and redraw
 * when the theme flips (OS or in-app switch).
 */
export function useThemeValues<T>(read: () => T): T {
  const [values, setValues] = useState(read);
  useEffect(() => {
    // use-theme.ts sets data-theme on <html> for the in-app switch and for an OS flip alike.
    const observer = new MutationObserver(() => setValues(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, [read]);
  return values;
}

export function useChartColors(): ChartColors {
  return useThemeValues(read);
}
