import { en } from './en';
import { ptBR, type Messages } from './pt-br';

/** The product's languages; Portuguese first (glossary). */
export type Language = 'pt-BR' | 'en';

export const LANGUAGES: readonly Language[] = ['pt-BR', 'en'];

/** One catalog per language, the single source of every user-facing text. */
export const CATALOGS: Record<Language, Messages> = { 'pt-BR': ptBR, en };

/** Anything else (an old settings file, a browser's `lang`) reads as the first language. */
export function toLanguage(value: unknown): Language {
  return value === 'en' ? 'en' : 'pt-BR';
}

export type { Messages };
