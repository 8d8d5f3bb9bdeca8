import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/error-explanations';

/** "today 07:00", "yesterday 22:15", or the local date and time: how people say when a sync ran. */
export function relativeInstant(iso: string, language: Language, t: TFunction, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
  const dayKey = (d: Date): string => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayKey(date) === dayKey(now)) return t('dashboard.freshness.today', { time });
  if (dayKey(date) === dayKey(yesterday)) return t('dashboard.freshness.yesterday', { time });
  const day = new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
  return t('dashboard.freshness.onDay', { day: language === 'en' ? new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(date) : day, time });
}
