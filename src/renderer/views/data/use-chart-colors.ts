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

/** Canvas cannot use CSS variables, so charts read the theme's and redraw when it flips (OS or in-app switch). */
export function useChartColors(): ChartColors {
  const [colors, setColors] = useState(read);
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => setColors(read());
    media.addEventListener('change', onChange);
    // The in-app theme switch sets data-theme on <html>.
    const observer = new MutationObserver(onChange);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', onChange);
      observer.disconnect();
    };
  }, []);
  return colors;
}
