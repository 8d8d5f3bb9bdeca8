import { explainError } from '../error-explanations';
import type { Language } from './catalogs';
import { t } from './translate';

/**
 * A text to be worded in the reader's language: a catalog key and its raw parameters (days as
 * `YYYY-MM-DD`, counts as numbers). The engine sends it next to its English `message`, which
 * stays for the CLI and the logs.
 */
export interface LocalizedText {
  key: string;
  params: Record<string, string | number>;
}

/** How the caller writes days and numbers (the renderer uses Intl, the engine its own). */
export interface TextFormatters {
  day(day: string): string;
  number(value: number): string;
}

/**
 * A runner progress line in `language` (keys agreed with the runner: progress.fetching
 * {account, days, from, to}, progress.nothingToFetch {account}, progress.done {account, written,
 * missing}, progress.failed {account, code}). Null for a key this version does not know, so
 * the caller can fall back to the English message rather than show a raw key.
 */
export function describeProgress(language: Language, text: LocalizedText, format: TextFormatters): string | null {
  const account = String(text.params.account ?? '');
  const count = (name: string): number => {
    const value = Number(text.params[name] ?? 0);
    return Number.isFinite(value) ? value : 0;
  };
  const day = (name: string): string => format.day(String(text.params[name] ?? ''));
  switch (text.key) {
    case 'progress.fetching':
      return t(language, 'progress.fetching', { account, count: count('days'), days: format.number(count('days')), from: day('from'), to: day('to') });
    case 'progress.nothingToFetch':
      return t(language, 'progress.nothingToFetch', { account });
    case 'progress.done': {
      const missing = count('missing');
      const missingPart = missing === 0 ? '' : t(language, 'progress.missing', { count: missing, missing: format.number(missing) });
      return t(language, 'progress.done', { account, count: count('written'), written: format.number(count('written')), missingPart });
    }
    case 'progress.failed':
      return t(language, 'progress.failed', { account, reason: explainError(String(text.params.code ?? ''), language).title });
    default:
      return null;
  }
}
