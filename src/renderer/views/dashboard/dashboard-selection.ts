import type { DashboardSelection } from '../../../shared/dashboard/period';

const SELECTION_KEY = 'follower-pulse.dashboard';
export const DEFAULT_SELECTION: DashboardSelection = { scope: 'all', period: '30d', customFrom: '', customTo: '', granularity: 'day' };

/** The pages and period chosen last in this session: going to Actions and back keeps them. */
export function readSelection(): DashboardSelection {
  try {
    const stored = JSON.parse(window.sessionStorage.getItem(SELECTION_KEY) ?? 'null') as Partial<DashboardSelection> | null;
    return { ...DEFAULT_SELECTION, ...(stored ?? {}) };
  } catch {
    return DEFAULT_SELECTION;
  }
}

export function saveSelection(selection: DashboardSelection): void {
  try {
    window.sessionStorage.setItem(SELECTION_KEY, JSON.stringify(selection));
  } catch {
    // Storage off: the choice lasts while the view is open.
  }
}

/** A scope that names pages by network needs the page list before a report can be asked for. */
export function needsAccountList(selection: DashboardSelection): boolean {
  return selection.scope.startsWith('network:');
}
