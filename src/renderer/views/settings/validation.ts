import type { TFunction } from 'i18next';
import type * as z from '../../../shared/zod';
import type { Language } from '../../../shared/error-explanations';
import { settingsSchema, type Settings } from '../../../shared/settings-schema';
import type { DeepPartial } from '../../../shared/ui-api';
import { formatNumber } from '../../format/format';

/** Field errors keyed by settings path, e.g. `alerts.smtp.port`. */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

/** Format rules whose regex means nothing to a user: say what a valid value looks like. */
function formatHint(t: TFunction, path: string): string | null {
  switch (path) {
    case 'schedule.dailyAt':
      return t('validation.time');
    case 'linkedin.apiVersion':
      return t('validation.apiVersion');
    case 'athena.database':
      return t('validation.database');
    case 'accounts.id':
      return t('validation.pageId');
    default:
      return null;
  }
}

/** `alerts.smtp.to.1` → `alerts.smtp.to`: list items are edited in one field. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.filter((p) => typeof p === 'string').join('.');
}

export function localizeIssue(t: TFunction, language: Language, issue: Issue): string {
  const path = fieldPath(issue.path);
  switch (issue.code) {
    case 'too_big':
      return t('validation.max', { max: formatNumber(Number(issue.maximum), language) });
    case 'too_small':
      return t('validation.min', { min: formatNumber(Number(issue.minimum), language) });
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? t('validation.integer') : t('validation.invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email', { value: issue.input ?? '' });
      if (issue.format === 'url') return t('validation.url');
      return formatHint(t, path) ?? t('validation.invalid');
    default:
      return formatHint(t, path) ?? t('validation.invalid');
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What settings.update will make of a patch: objects merged key by key, arrays replaced. */
export function mergeSettings(base: Settings, patch: DeepPartial<Settings>): unknown {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isPlainObject(a) || !isPlainObject(b)) return b === undefined ? a : b;
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = merge(a[key], value);
    return out;
  };
  return merge(base, patch);
}

/** Validates a patch against the same schema the engine uses, before anything is sent. */
export function validatePatch(t: TFunction, language: Language, base: Settings, patch: DeepPartial<Settings>): FieldErrors {
  const parsed = settingsSchema.safeParse(mergeSettings(base, patch));
  const errors: FieldErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const path = fieldPath(issue.path);
    errors[path] ??= localizeIssue(t, language, issue);
  }
  return errors;
}

/** A whole number typed in a text box; null (and an error) for anything else. */
export function parseInteger(t: TFunction, text: string, path: string, errors: FieldErrors): number {
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  errors[path] = t('validation.integer');
  return Number.NaN;
}

/** Text boxes hold '' for "not set"; these settings store null for it. */
export function orNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
