import { differenceInCalendarDays, format } from 'date-fns';
import { t, toLanguage, type Language, type TranslationKey } from '../../shared/i18n';
import type { RunStatus } from '../../shared/run-record';

/**
 * The tray's words, from the catalog (src/shared/i18n, `desktop.*`). Times are the machine's
 * local time, formatted with date-fns (its own English month names) rather than with Intl,
 * whose output varies with the ICU data Electron ships.
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

/** Local wall-clock time relative to `now`: today / yesterday / tomorrow, else the date. */
export function formatWhen(instant: Date, now: Date, language: Language): string {
  const time = format(instant, 'HH:mm');
  // Local calendar days, not 24-hour spans: a day with a DST change is 23 or 25 hours long.
  const days = differenceInCalendarDays(instant, now);
  const lang = toLanguage(language);
  if (days === 0) return t(lang, 'desktop.today', { time });
  if (days === -1) return t(lang, 'desktop.yesterday', { time });
  if (days === 1) return t(lang, 'desktop.tomorrow', { time });
  const sameYear = instant.getFullYear() === now.getFullYear();
  const date = format(instant, lang === 'en' ? (sameYear ? 'd MMM' : 'd MMM yyyy') : sameYear ? 'dd/MM' : 'dd/MM/yyyy');
  return t(lang, 'desktop.onDate', { date, time });
}

function percent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '';
  return ` ${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
