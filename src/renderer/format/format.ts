import type { Language } from '../../shared/i18n';
import { addDays } from '../../shared/day';

/**
 * Dates and numbers in the user's locale (glossary: 28/11/2026, 1.234,5). A *day* is a UTC
 * calendar date (contract §5), so days are formatted in UTC; instants (a run's start) are
 * shown in the user's local time, which is when they happened for them.
 */
const dayFormatters = new Map<Language, Intl.DateTimeFormat>();
const instantFormatters = new Map<Language, Intl.DateTimeFormat>();
const numberFormatters = new Map<Language, Intl.NumberFormat>();

function cached<T>(map: Map<Language, T>, language: Language, create: () => T): T {
  let value = map.get(language);
  if (!value) {
    value = create();
    map.set(language, value);
  }
  return value;
}

export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  const formatter = cached(dayFormatters, language, () =>
    language === 'en'
      ? new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
      : new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  );
  return formatter.format(date);
}

/** An instant in the reader's local time: `03/12/2026 06:21:14` (pt-BR), `Dec 3, 2026, 6:21:14 AM` (en). */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const formatter = cached(instantFormatters, language, () =>
    language === 'en'
      ? new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' })
      : new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  );
  // Intl writes "28/11/2026, 07:00:00"; Brazilians write the time after a space.
  return language === 'en' ? formatter.format(date) : formatter.format(date).replace(', ', ' ');
}

const ISO_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
const ISO_DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/**
 * A query result's cell as the reader writes it: numbers in the locale, days and instants as
 * dates (the engine hands them over as ISO text), NULL visibly empty. Other text is left as is.
 */
export function formatCell(value: string | number | boolean | null, language: Language): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? formatNumber(value, language) : formatNumber(value, language, 2);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (ISO_MONTH_RE.test(value)) return formatMonth(value, language);
  if (ISO_DAY_RE.test(value)) return formatDay(value, language);
  if (ISO_INSTANT_RE.test(value)) return formatInstant(value, language);
  return value;
}

/** A lake partition month: `11/2026` (pt-BR), `Nov 2026` (en). */
export function formatMonth(month: string, language: Language): string {
  const [year, number] = month.split('-');
  if (language !== 'en') return `${number}/${year}`;
  return new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** The local calendar date of an instant (a token's expiry): 27/01/2027. */
export function formatDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return language === 'en'
    ? new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(date)
    : new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  if (fractionDigits !== 0) {
    return new Intl.NumberFormat(language, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
  }
  return cached(numberFormatters, language, () => new Intl.NumberFormat(language, { maximumFractionDigits: 0 })).format(value);
}

/** A signed gain, so a loss reads as one: +12 / −3. */
export function formatGain(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { signDisplay: 'exceptZero' }).format(value);
}

export function formatDuration(ms: number, language: Language): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return '< 1 s';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${formatNumber(seconds, language)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${formatNumber(minutes, language)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatUsd(value: number, language: Language): string {
  // Athena bills fractions of a cent: show enough digits that a small query is not "US$ 0,00".
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: value < 0.01 ? 6 : 2 }).format(value);
}

/**
 * Groups sorted days into runs of consecutive days, so "dias faltantes" reads as
 * "01/11/2026 – 05/11/2026" instead of five dates.
 */
export function dayRanges(days: readonly string[]): { from: string; to: string; count: number }[] {
  const sorted = [...new Set(days)].sort();
  const ranges: { from: string; to: string; count: number }[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === day) {
      last.to = day;
      last.count += 1;
    } else {
      ranges.push({ from: day, to: day, count: 1 });
    }
  }
  return ranges;
}

export function formatDayRanges(days: readonly string[], language: Language): string {
  return dayRanges(days)
    .map((r) => (r.count === 1 ? formatDay(r.from, language) : `${formatDay(r.from, language)} – ${formatDay(r.to, language)}`))
    .join(', ');
}
