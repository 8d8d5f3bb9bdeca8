import { describe, expect, it, vi } from 'vitest';
import { desktopText, formatWhen } from '../../src/main/desktop/desktop-text';
import { createTrayMenu, toTrayTemplate, trayIconVariant, trayTooltip, type TrayAction, type TrayMenuItem } from '../../src/main/desktop/tray-menu';
import {
  initialTrayState,
  withFinishedRun,
  withNextRun,
  withProgress,
  withSchedulerState,
  withSettings,
  type TrayState,
} from '../../src/main/desktop/tray-state';
import { defaultSettings } from '../../src/shared/settings-schema';
import { runRecord } from '../support/run-record-fixture';

// The tray shows local wall-clock time; São Paulo has had no DST since 2019, so this is stable.
process.env.TZ = 'America/Sao_Paulo';

const NOW = new Date('2026-11-28T10:00:00-03:00');

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    ...initialTrayState(NOW),
    enabledAccounts: 1,
    lastRun: { status: 'success', finishedAt: '2026-11-28T07:02:00-03:00' },
    nextRunAt: '2026-11-29T07:00:00-03:00',
    ...overrides,
  };
}

const labels = (items: TrayMenuItem[]): (string | undefined)[] => items.map((i) => (i.type === 'separator' ? '---' : i.label));
const item = (items: TrayMenuItem[], action: TrayAction): TrayMenuItem | undefined => items.find((i) => i.action === action);
const pt = desktopText('pt-BR');
const en = desktopText('en');

describe('createTrayMenu', () => {
  it('idle, pt-BR: last and next sync, then the actions', () => {
    const menu = createTrayMenu(state(), pt);
    expect(labels(menu)).toEqual([
      'Última sincronização: hoje às 07:02',
      'Próxima: amanhã às 07:00',
      '---',
      'Sincronizar agora',
      '---',
      'Abrir o Follower Pulse',
      'Histórico de execuções',
      'Configurações',
      '---',
      'Sair',
    ]);
    expect(menu.slice(0, 2).every((i) => i.enabled === false)).toBe(true);
    expect(item(menu, 'sync-now')?.enabled).toBe(true);
  });

  it('idle, English', () => {
    expect(labels(createTrayMenu(state(), en))).toEqual([
      'Last sync: today 07:02',
      'Next: tomorrow 07:00',
      '---',
      'Sync now',
      '---',
      'Open Follower Pulse',
      'Run history',
      'Settings',
      '---',
      'Quit',
    ]);
  });

  it('syncing: "Sync now" is disabled and shows the progress, in both languages', () => {
    const syncing = withProgress(state(), { runId: 'r1', running: true, message: 'Acme', fraction: 0.4 });
    const ptMenu = createTrayMenu(syncing, pt);
    expect(item(ptMenu, 'sync-now')).toMatchObject({ label: 'Sincronizando… 40%', enabled: false });
    expect(ptMenu[0]?.label).toBe('Sincronizando… 40%');
    expect(item(createTrayMenu(syncing, en), 'sync-now')).toMatchObject({ label: 'Syncing… 40%', enabled: false });
    // Without a known fraction there is no number to show.
    const unknown = withProgress(state(), { runId: null, running: true, message: '', fraction: null });
    expect(item(createTrayMenu(unknown, en), 'sync-now')?.label).toBe('Syncing…');
  });

  it('last run failed: says so with its time, and "Sync now" stays available', () => {
    const failed = state({ lastRun: { status: 'failed', finishedAt: '2026-11-27T07:01:00-03:00' } });
    expect(createTrayMenu(failed, pt)[0]?.label).toBe('A última sincronização falhou (ontem às 07:01)');
    expect(createTrayMenu(failed, en)[0]?.label).toBe('Last sync failed (yesterday 07:01)');
    expect(item(createTrayMenu(failed, pt), 'sync-now')?.enabled).toBe(true);
  });

  it('partial and no-data runs are named for what they were', () => {
    expect(createTrayMenu(state({ lastRun: { status: 'partial', finishedAt: '2026-11-28T07:02:00-03:00' } }), pt)[0]?.label).toBe(
      'Última sincronização com falhas (hoje às 07:02)',
    );
    expect(createTrayMenu(state({ lastRun: { status: 'no-data', finishedAt: '2026-11-28T07:02:00-03:00' } }), en)[0]?.label).toBe(
      'Last sync had no data (today 07:02)',
    );
  });

  it('no pages set up: one status line and nothing to sync, in both languages', () => {
    const none = state({ enabledAccounts: 0 });
    const ptMenu = createTrayMenu(none, pt);
    expect(labels(ptMenu).slice(0, 2)).toEqual(['Nenhuma página configurada ainda', '---']);
    expect(item(ptMenu, 'sync-now')).toMatchObject({ label: 'Sincronizar agora', enabled: false });
    expect(createTrayMenu(none, en)[0]?.label).toBe('No page set up yet');
    expect(item(createTrayMenu(none, en), 'settings')?.label).toBe('Settings');
  });

  it('never synced, schedule off, invalid settings', () => {
    expect(labels(createTrayMenu(state({ lastRun: null }), pt)).slice(0, 2)).toEqual(['Nenhuma sincronização ainda', 'Próxima: amanhã às 07:00']);
    expect(labels(createTrayMenu(state({ scheduleEnabled: false }), en)).slice(0, 2)).toEqual(['Last sync: today 07:02', 'Daily sync is off']);
    const invalid = createTrayMenu(state({ settingsProblem: true }), pt);
    expect(invalid[0]?.label).toBe('As configurações têm um erro: abra Configurações');
    expect(item(invalid, 'sync-now')?.enabled).toBe(false);
  });

  it('dates further away than a day show the date, and the year when it differs', () => {
    expect(formatWhen(new Date('2026-11-25T07:00:00-03:00'), NOW, 'pt-BR')).toBe('25/11 às 07:00');
    expect(formatWhen(new Date('2026-11-25T07:00:00-03:00'), NOW, 'en')).toBe('25 Nov 07:00');
    expect(formatWhen(new Date('2025-12-31T23:59:00-03:00'), NOW, 'pt-BR')).toBe('31/12/2025 às 23:59');
  });
});

describe('tray icon and tooltip', () => {
  it('icon: idle, syncing (wins over a past failure), error after failed / partial / no-data', () => {
    expect(trayIconVariant(state())).toBe('idle');
    expect(trayIconVariant(state({ lastRun: { status: 'up-to-date', finishedAt: NOW.toISOString() } }))).toBe('idle');
    for (const status of ['failed', 'partial', 'no-data'] as const) {
      expect(trayIconVariant(state({ lastRun: { status, finishedAt: NOW.toISOString() } }))).toBe('error');
    }
    const failedThenSyncing = withProgress(state({ lastRun: { status: 'failed', finishedAt: NOW.toISOString() } }), {
      runId: 'r',
      running: true,
      message: '',
      fraction: 0.1,
    });
    expect(trayIconVariant(failedThenSyncing)).toBe('syncing');
    expect(trayIconVariant(state({ settingsProblem: true }))).toBe('error');
  });

  it('tooltip: the product and the first status line, within Windows’ 127 characters', () => {
    expect(trayTooltip(state(), pt)).toBe('Follower Pulse\nÚltima sincronização: hoje às 07:02');
    expect(trayTooltip(state({ lastRun: { status: 'failed', finishedAt: '2026-11-28T07:02:00-03:00' } }), en)).toBe(
      'Follower Pulse\nLast sync failed (today 07:02)',
    );
    expect(trayTooltip(state(), pt).length).toBeLessThanOrEqual(127);
  });
});

describe('tray state transitions', () => {
  it('settings set the language, the schedule switch and the number of enabled pages', () => {
    const settings = defaultSettings();
    settings.language = 'en';
    settings.schedule.enabled = false;
    settings.accounts = [
      { network: 'linkedin', id: '1', name: 'Acme', enabled: true },
      { network: 'linkedin', id: '2', name: 'Old', enabled: false },
    ];
    expect(withSettings(initialTrayState(NOW), settings)).toMatchObject({ language: 'en', scheduleEnabled: false, enabledAccounts: 1, settingsProblem: false });
  });

  it('a finished run ends the run under way and becomes the last run', () => {
    const running = withProgress(state(), { runId: 'r9', running: true, message: '', fraction: 0.5 });
    const done = withFinishedRun(running, runRecord({ runId: 'r9', status: 'failed', finishedAt: '2026-11-28T10:05:00.000Z' }));
    expect(done).toMatchObject({ running: false, progress: null, lastRun: { status: 'failed', finishedAt: '2026-11-28T10:05:00.000Z' } });
  });

  it('the scheduler’s next run is taken once it is known, never its undecided "nothing"', () => {
    expect(withNextRun(state(), { nextRunAt: new Date('2026-11-29T10:00:00Z') }).nextRunAt).toBe('2026-11-29T10:00:00.000Z');
    expect(withNextRun(state(), { nextRunAt: null }).nextRunAt).toBe('2026-11-29T07:00:00-03:00');
    expect(withNextRun(state(), null)).toEqual(state());
  });

  it('only progress events say a sync runs: the API’s passing "running" (a refused run) is not kept', () => {
    const reported = withSchedulerState(state(), { enabled: true, nextRunAt: '2026-11-29T10:00:00.000Z', running: true, lastRun: null });
    expect(reported).toMatchObject({ running: false, nextRunAt: '2026-11-29T10:00:00.000Z', lastRun: state().lastRun });
    expect(withProgress(reported, { runId: null, running: true, message: '', fraction: 0.2 })).toMatchObject({ running: true, progress: 0.2 });
  });

  it('the UI API’s scheduler state brings the last run', () => {
    const fromApi = withSchedulerState(initialTrayState(NOW), {
      enabled: true,
      nextRunAt: '2026-11-29T10:00:00.000Z',
      running: false,
      lastRun: runRecord({ status: 'no-data', finishedAt: '2026-11-28T10:01:00.000Z' }),
    });
    expect(fromApi.lastRun).toEqual({ status: 'no-data', finishedAt: '2026-11-28T10:01:00.000Z' });
  });
});

describe('toTrayTemplate', () => {
  it('binds each action to its handler and leaves status lines inert', () => {
    const handlers = { 'sync-now': vi.fn(), open: vi.fn(), 'run-history': vi.fn(), settings: vi.fn(), quit: vi.fn() };
    const template = toTrayTemplate(createTrayMenu(state(), pt), handlers);
    expect(template[0]?.click).toBeUndefined();
    template.find((i) => i.label === 'Sair')?.click?.();
    template.find((i) => i.label === 'Histórico de execuções')?.click?.();
    expect(handlers.quit).toHaveBeenCalledOnce();
    expect(handlers['run-history']).toHaveBeenCalledOnce();
    expect(template.some((i) => 'action' in i)).toBe(false);
  });
});
