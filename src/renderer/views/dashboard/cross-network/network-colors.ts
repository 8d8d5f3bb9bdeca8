import type { Network } from '../../../../shared/networks';
import { useThemeValues } from '../../data/use-chart-colors';

/** Brand names are the same in every language (the table and legends name networks, not pages). */
export const NETWORK_NAMES: Record<Network, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram', x: 'X' };

function read(): Record<Network, string> {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    linkedin: v('--net-linkedin', '#0a66c2'),
    facebook: v('--net-facebook', '#e8590c'),
    instagram: v('--net-instagram', '#c2255c'),
    x: v('--net-x', '#2b8a3e'),
  };
}

/** One colour per network from the theme (cross-network.css). */
export function useNetworkColors(): Record<Network, string> {
  return useThemeValues(read);
}
