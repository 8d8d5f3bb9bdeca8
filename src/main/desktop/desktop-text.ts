import type { Language } from '../../shared/error-explanations';
import type { RunStatus } from '../../shared/run-record';

/**
 * The tray's and notifications' words in both product languages (glossary: Brazilian
 * Portuguese first, one word per idea). Times are the machine's local time, formatted by hand
 * rather than with Intl, whose output varies with the ICU data Electron ships.
 */
export interface DesktopText {
  readonly language: Language;
  /** "hoje às 07:02", "ontem às 18:30", "25/11 às 07:00" relative to `now`. */
  when(instant: Date, now: Date): string;
  lastSync(status: RunStatus, when: string): string;
  readonly noSyncYet: string;
  nextSync(when: string): string;
  readonly scheduleOff: string;
  syncing(fraction: number | null): string;
  readonly noAccounts: string;
  readonly settingsInvalid: string;
  readonly syncNow: string;
  readonly open: string;
  readonly runHistory: string;
  readonly settings: string;
  readonly quit: string;
}

const PT: Omit<DesktopText, 'language' | 'when'> = {
  lastSync: (status, when) => {
    switch (status) {
      case 'failed':
        return `A última sincronização falhou (${when})`;
      case 'partial':
        return `Última sincronização com falhas (${when})`;
      case 'no-data':
        return `Última sincronização sem dados (${when})`;
      default:
        return `Última sincronização: ${when}`;
    }
  },
  noSyncYet: 'Nenhuma sincronização ainda',
  nextSync: (when) => `Próxima: ${when}`,
  scheduleOff: 'Sincronização diária desligada',
  syncing: (fraction) => `Sincronizando…${percent(fraction)}`,
  noAccounts: 'Nenhuma página configurada ainda',
  settingsInvalid: 'As configurações têm um erro: abra Configurações',
  syncNow: 'Sincronizar agora',
  open: 'Abrir o Follower Pulse',
  runHistory: 'Histórico de execuções',
  settings: 'Configurações',
  quit: 'Sair',
};

const EN: Omit<DesktopText, 'language' | 'when'> = {
  lastSync: (status, when) => {
    switch (status) {
      case 'failed':
        return `Last sync failed (${when})`;
      case 'partial':
        return `Last sync partly failed (${when})`;
      case 'no-data':
        return `Last sync had no data (${when})`;
      default:
        return `Last sync: ${when}`;
    }
  },
  noSyncYet: 'No sync yet',
  nextSync: (when) => `Next: ${when}`,
  scheduleOff: 'Daily sync is off',
  syncing: (fraction) => `Syncing…${percent(fraction)}`,
  noAccounts: 'No page set up yet',
  settingsInvalid: 'The settings have an error: open Settings',
  syncNow: 'Sync now',
  open: 'Open Follower Pulse',
  runHistory: 'Run history',
  settings: 'Settings',
  quit: 'Quit',
};

export function desktopText(language: Language): DesktopText {
  const en = language === 'en';
  return { ...(en ? EN : PT), language: en ? 'en' : 'pt-BR', when: (instant, now) => formatWhen(instant, now, en ? 'en' : 'pt-BR') };
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Local wall-clock time relative to `now`: today / yesterday / tomorrow, else the date. */
export function formatWhen(instant: Date, now: Date, language: Language): string {
  const time = `${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
  const days = localDayNumber(instant) - localDayNumber(now);
  const en = language === 'en';
  if (days === 0) return en ? `today ${time}` : `hoje às ${time}`;
  if (days === -1) return en ? `yesterday ${time}` : `ontem às ${time}`;
  if (days === 1) return en ? `tomorrow ${time}` : `amanhã às ${time}`;
  const sameYear = instant.getFullYear() === now.getFullYear();
  if (en) return `${instant.getDate()} ${EN_MONTHS[instant.getMonth()]}${sameYear ? '' : ` ${instant.getFullYear()}`} ${time}`;
  return `${pad(instant.getDate())}/${pad(instant.getMonth() + 1)}${sameYear ? '' : `/${instant.getFullYear()}`} às ${time}`;
}

// Days since the epoch in local time (DST-proof: built from the local calendar date).
function localDayNumber(d: Date): number {
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000);
}

function percent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '';
  return ` ${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
