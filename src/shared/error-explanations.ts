import { hasKey, t, toLanguage, type Language } from './i18n';

/**
 * What each stable error code means to a user (contract §7: UI text is looked up from the
 * code). The words live in the catalog (src/shared/i18n, `error.<CODE>`); this module keeps the
 * lookup every caller shares — the UI, the e-mails, the tray and the CLI.
 */
export type { Language };

export interface ErrorExplanation {
  /** A few words, fit for a subject line or a banner title. */
  title: string;
  /** One sentence: what happened. */
  what: string;
  /** One sentence: what to do. */
  todo: string;
}

// Codes are upper-snake words; anything else (a path, a key with dots) is never a catalog key.
const CODE_RE = /^[A-Z][A-Z0-9_]*$/;

/** Whether `code` has its own text (rather than the generic fallback). */
export function hasErrorExplanation(code: string): boolean {
  return CODE_RE.test(code) && code !== 'UNKNOWN' && hasKey(`error.${code}.title`);
}

/**
 * The user-facing text for an error code. Takes any string because codes arrive from run
 * history written by other versions; an unknown code gets a generic text, never a throw.
 */
export function explainError(code: string, language: Language): ErrorExplanation {
  const lang = toLanguage(language);
  const entry = hasErrorExplanation(code) ? code : 'UNKNOWN';
  // The key is built from data, so the typed key union cannot check it: hasKey did.
  const key = (part: keyof ErrorExplanation): Parameters<typeof t>[1] => `error.${entry}.${part}` as Parameters<typeof t>[1];
  return { title: t(lang, key('title')), what: t(lang, key('what')), todo: t(lang, key('todo')) };
}
