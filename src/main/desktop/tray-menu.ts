import type { DesktopText } from './desktop-text';
import { dailySyncTrayLine } from './tray-schedule-text';
import type { TrayState } from './tray-state';

/** What a tray menu item does; start-desktop maps each to a function. */
export type TrayAction = 'sync-now' | 'open' | 'run-history' | 'settings' | 'quit';

/** A MenuItemConstructorOptions-like item without behaviour, so the menu is a pure value. */
export interface TrayMenuItem {
  type: 'normal' | 'separator';
  label?: string;
  enabled?: boolean;
  action?: TrayAction;
}

/** The Electron template item: the same fields plus the click handler. */
export interface TrayTemplateItem {
  type: 'normal' | 'separator';
  label?: string;
  enabled?: boolean;
  click?: () => void;
}

export type TrayIconVariant = 'idle' | 'syncing' | 'error';

const SEPARATOR: TrayMenuItem = { type: 'separator' };

/**
 * The tray menu for a state (Mattermost's pure createTrayMenu): status lines, "Sync now"
 * (disabled with its progress while a run goes on, or when there is nothing it could sync),
 * the windows, and Quit.
 */
export function createTrayMenu(state: TrayState, t: DesktopText): TrayMenuItem[] {
  const canSync = !state.running && !state.settingsProblem && state.enabledAccounts > 0;
  return [
    ...statusLines(state, t).map((label): TrayMenuItem => ({ type: 'normal', label, enabled: false })),
    SEPARATOR,
    { type: 'normal', label: state.running ? t.syncing(state.progress) : t.syncNow, enabled: canSync, action: 'sync-now' },
    SEPARATOR,
    { type: 'normal', label: t.open, action: 'open' },
    { type: 'normal', label: t.runHistory, action: 'run-history' },
    { type: 'normal', label: t.settings, action: 'settings' },
    SEPARATOR,
    { type: 'normal', label: t.quit, action: 'quit' },
  ];
}

function statusLines(state: TrayState, t: DesktopText): string[] {
  if (state.settingsProblem) return [t.settingsInvalid];
  if (state.enabledAccounts === 0) return [t.noAccounts];
  const last = state.running ? t.syncing(state.progress) : lastLine(state, t);
  const owner = dailySyncTrayLine(state.dailySyncBy, state.scheduleEnabled, t.language);
  const ownerLines = owner === null ? [] : [owner];
  // An OS task runs whatever the app's own schedule switch says: its next run is still shown.
  if (!state.scheduleEnabled && (state.dailySyncBy === null || state.dailySyncBy === 'app')) return [last, t.scheduleOff];
  const next = parseInstant(state.nextRunAt);
  return next === null ? [last, ...ownerLines] : [last, t.nextSync(t.when(next, state.now)), ...ownerLines];
}

function lastLine(state: TrayState, t: DesktopText): string {
  const finished = parseInstant(state.lastRun?.finishedAt ?? null);
  if (state.lastRun === null || finished === null) return t.noSyncYet;
  return t.lastSync(state.lastRun.status, t.when(finished, state.now));
}

/** Syncing wins over a past failure: the run under way may well fix it. */
export function trayIconVariant(state: TrayState): TrayIconVariant {
  if (state.running) return 'syncing';
  if (state.settingsProblem) return 'error';
  const status = state.lastRun?.status;
  return status === 'failed' || status === 'partial' || status === 'no-data' ? 'error' : 'idle';
}

/** "Follower Pulse" and the first status line (Windows shows up to 127 characters). */
export function trayTooltip(state: TrayState, t: DesktopText): string {
  const [line] = statusLines(state, t);
  return `Follower Pulse\n${line ?? ''}`.trim().slice(0, 127);
}

/** The Electron template: each action bound to its handler. */
export function toTrayTemplate(items: readonly TrayMenuItem[], actions: Readonly<Record<TrayAction, () => void>>): TrayTemplateItem[] {
  return items.map(({ action, ...item }) => (action === undefined ? item : { ...item, click: actions[action] }));
}

function parseInstant(value: string | null): Date | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}
