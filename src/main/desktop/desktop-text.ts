import { t, toLanguage, type Language, type TranslationKey } from '../../shared/i18n';
import type { RunStatus } from '../../shared/run-record';

/**
 * The tray's words, from the catalog (src/shared/i18n, `desktop.*`). Times are the machine's
 * local time, formatted by hand rather than with Intl, whose output varies with the ICU data
 * Electron ships.
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

function wordsFor(lang: Language): Omit<DesktopText, 'language' | 'when'> {
  return {
    lastSync: (status, when) => t(lang, LAST_SYNC_KEYS[status] ?? 'desktop.lastSync', { when }),
    noSyncYet: t(lang, 'desktop.noSyncYet'),
    nextSync: (when) => t(lang, 'desktop.nextSync', { when }),
    scheduleOff: t(lang, 'desktop.scheduleOff'),
    syncing: (fraction) => t(lang, 'desktop.syncing', { percent: percent(fraction) }),
    noAccounts: t(lang, 'desktop.noAccounts'),
    settingsInvalid: t(lang, 'desktop.settingsInvalid'),
    syncNow: t(lang, 'desktop.syncNow'),
    open: t(lang, 'desktop.open'),
    runHistory: t(lang, 'desktop.runHistory'),
    settings: t(lang, 'desktop.settings'),
    quit: t(lang, 'desktop.quit'),
  };
}

const LAST_SYNC_KEYS: Partial<Record<RunStatus, TranslationKey>> = {
  failed: 'desktop.lastSyncFailed',
  partial: 'desktop.lastSyncPartial',
  'no-data': 'desktop.lastSyncNoData',
};

export function desktopText(language: Language): DesktopText {
  const lang = toLanguage(language);
  return { ...wordsFor(lang), language: lang, when: (instant, now) => formatWhen(instant, now, lang) };
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Local wall-clock time relative to `now`: today / yesterday / tomorrow, else the date. */
export function formatWhen(instant: Date, now: Date, language: Language): string {
  const time = `${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
  const days = localDayNumber(instant) - localDayNumber(now);
  const lang = toLanguage(language);
  if (days === 0) return t(lang, 'desktop.today', { time });
  if (days === -1) return t(lang, 'desktop.yesterday', { time });
  if (days === 1) return t(lang, 'desktop.tomorrow', { time });
  const sameYear = instant.getFullYear() === now.getFullYear();
  const date =
    lang === 'en'
      ? `${instant.getDate()} ${EN_MONTHS[instant.getMonth()]}${sameYear ? '' : ` ${instant.getFullYear()}`}`
      : `${pad(instant.getDate())}/${pad(instant.getMonth() + 1)}${sameYear ? '' : `/${instant.getFullYear()}`}`;
  return t(lang, 'desktop.onDate', { date, time });
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
