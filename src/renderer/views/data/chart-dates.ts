import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { ptBR } from 'date-fns/locale/pt-BR';
import type { Language } from '../../../shared/i18n/catalogs';

/** The date adapter every time axis uses, so tick labels follow the app's language. */
export function dateAdapter(language: Language): { date: { locale: Locale } } {
  return { date: { locale: language === 'en' ? enUS : ptBR } };
}

/** Tick labels of a day/week/month time axis: `Nov 28` / `28/11`, `Nov 2026` / `11/2026`. */
export function dayTickFormats(language: Language): { day: string; week: string; month: string } {
  const en = language === 'en';
  return { day: en ? 'MMM d' : 'dd/MM', week: en ? 'MMM d' : 'dd/MM', month: en ? 'MMM yyyy' : 'MM/yyyy' };
}
