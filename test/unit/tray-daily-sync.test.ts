import { describe, expect, it } from 'vitest';
import { desktopText } from '../../src/main/desktop/desktop-text';
import { createTrayMenu, type TrayMenuItem } from '../../src/main/desktop/tray-menu';
import { initialTrayState, withSchedulerState, type TrayState } from '../../src/main/desktop/tray-state';

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

const statusLines = (items: TrayMenuItem[]): (string | undefined)[] => items.slice(0, items.findIndex((i) => i.type === 'separator')).map((i) => i.label);

describe('the tray says who runs the daily sync', () => {
  it('an OS task: named in both languages, below the next run', () => {
    const s = withSchedulerState(state(), { enabled: true, nextRunAt: '2026-11-29T10:00:00.000Z', running: false, lastRun: null, dailySyncBy: 'windows-task-scheduler' });
    expect(statusLines(createTrayMenu(s, desktopText('en')))).toEqual(['Last sync: today 07:02', 'Next: tomorrow 07:00', 'Daily sync: Windows Task Scheduler']);
    expect(statusLines(createTrayMenu(s, desktopText('pt-BR')))).toEqual([
      'Última sincronização: hoje às 07:02',
      'Próxima: amanhã às 07:00',
      'Sincronização diária: Agendador de Tarefas do Windows',
    ]);
  });

  it('this app', () => {
    const s = withSchedulerState(state(), { enabled: true, nextRunAt: '2026-11-29T10:00:00.000Z', running: false, lastRun: null, dailySyncBy: 'app' });
    expect(statusLines(createTrayMenu(s, desktopText('en'))).at(-1)).toBe('Daily sync: by this app');
    expect(statusLines(createTrayMenu(s, desktopText('pt-BR'))).at(-1)).toBe('Sincronização diária: por este app');
  });

  it('the app’s schedule off but an OS task installed: the OS task is still named, not "off"', () => {
    const s = state({ scheduleEnabled: false, nextRunAt: null, dailySyncBy: 'systemd' });
    expect(statusLines(createTrayMenu(s, desktopText('en')))).toEqual(['Last sync: today 07:02', 'Daily sync: systemd timer']);
    expect(statusLines(createTrayMenu(state({ scheduleEnabled: false, dailySyncBy: 'app' }), desktopText('en')))).toEqual(['Last sync: today 07:02', 'Daily sync is off']);
  });

  it('not known yet (an older engine answers without it): no line, and a later answer without it keeps the last known', () => {
    expect(statusLines(createTrayMenu(state(), desktopText('en')))).toEqual(['Last sync: today 07:02', 'Next: tomorrow 07:00']);
    const known = state({ dailySyncBy: 'launchd' });
    expect(withSchedulerState(known, { enabled: true, nextRunAt: null, running: false, lastRun: null }).dailySyncBy).toBe('launchd');
  });
});
