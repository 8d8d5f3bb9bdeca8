import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings-schema';
import type { ApiFailure, DeepPartial } from '../../../shared/ui-api';
import { useApi } from '../../api/api-context';
import { useApp } from '../../hooks/app-context';
import { parseInteger, validatePatch, type FieldErrors } from './validation';

export interface SectionForm<D> {
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  errors: FieldErrors;
  failure: ApiFailure | null;
  saving: boolean;
  savedAt: number | null;
  dirty: boolean;
  save: () => Promise<boolean>;
  reset: () => void;
}

/** Reads typed text as settings values; unparseable input becomes a field error. */
export interface DraftParser {
  int: (text: string, path: string) => number;
}

/** Builds the settings.update patch from the draft. */
export type ToPatch<D> = (draft: D, parse: DraftParser) => DeepPartial<Settings>;

/**
 * One settings section being edited: a draft of text-box values, client-side validation with
 * the engine's own schema (nothing invalid is sent), then the server's verdict, whose `issues`
 * land next to the same fields.
 */
export function useSectionForm<D>(fromSettings: (s: Settings) => D, toPatch: ToPatch<D>): SectionForm<D> {
  const api = useApi();
  const { t } = useTranslation();
  const { settings, setSettings, language } = useApp();
  const initial = useRef<D | null>(null);
  initial.current ??= settings ? fromSettings(settings) : null;
  const [draft, setDraft] = useState<D | null>(initial.current);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const savedKey = settings ? JSON.stringify(fromSettings(settings)) : '';
  const [baseKey, setBaseKey] = useState(savedKey);

  // Settings changed elsewhere (CLI, another window) and this section has no edits: follow them.
  useEffect(() => {
    if (!settings || savedKey === baseKey) return;
    if (JSON.stringify(draft) === baseKey) setDraft(fromSettings(settings));
    setBaseKey(savedKey);
  }, [settings, savedKey, baseKey, draft, fromSettings]);

  const set = useCallback(<K extends keyof D>(key: K, value: D[K]) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setSavedAt(null);
    setErrors((e) => {
      if (Object.keys(e).length === 0) return e;
      // Draft keys are settings paths: editing a field clears its own error, the others stay.
      const next = { ...e };
      delete next[String(key)];
      return next;
    });
  }, []);

  const save = useCallback(async (): Promise<boolean> => {
    if (!settings || !draft) return false;
    setFailure(null);
    const inputErrors: FieldErrors = {};
    const patch = toPatch(draft, { int: (text, path) => parseInteger(t, text, path, inputErrors) });
    const schemaErrors = validatePatch(t, language, settings, patch);
    const all = { ...schemaErrors, ...inputErrors };
    setErrors(all);
    if (Object.keys(all).length > 0) return false;
    setSaving(true);
    const result = await api.call('settings.update', patch);
    setSaving(false);
    if (!result.ok) {
      if (result.issues?.length) setErrors(Object.fromEntries(result.issues.map((i) => [i.path, i.message])));
      setFailure(result);
      return false;
    }
    setSettings(result.value);
    const next = fromSettings(result.value);
    setDraft(next);
    setBaseKey(JSON.stringify(next));
    setSavedAt(Date.now());
    return true;
  }, [api, draft, fromSettings, language, setSettings, settings, t, toPatch]);

  const reset = useCallback(() => {
    if (settings) setDraft(fromSettings(settings));
    setErrors({});
    setFailure(null);
  }, [fromSettings, settings]);

  const safeDraft = draft ?? ({} as D);
  return { draft: safeDraft, set, errors, failure, saving, savedAt, dirty: JSON.stringify(draft) !== baseKey, save, reset };
}
