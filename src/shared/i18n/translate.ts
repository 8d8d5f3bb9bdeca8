import i18next, { type i18n } from 'i18next';
import { CATALOGS, type Language, type Messages } from './catalogs';

/**
 * `t(language, key, params)` for code that runs without React: the engine, the alert e-mails,
 * the tray and notifications, the renderer's transport. It is i18next over the same catalogs
 * the renderer feeds to react-i18next, so plurals and interpolation behave the same on both sides.
 */

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A key of the catalog: a leaf (`sync.now`) or a plural's base (`sync.finishedSummary`). */
export type TranslationKey = WithoutPlural<Leaves<Messages>> | Leaves<Messages>;

export type TranslationParams = Record<string, string | number>;

let instance: i18n | null = null;

function translator(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: { 'pt-BR': { translation: CATALOGS['pt-BR'] }, en: { translation: CATALOGS.en } },
    lng: 'pt-BR',
    fallbackLng: 'pt-BR',
    // The texts go to e-mails (escaped by the mail renderer), the tray and React: never HTML-escape here.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  instance = created;
  return created;
}

export function t(language: Language, key: TranslationKey, params: TranslationParams = {}): string {
  // Typed by TranslationKey above; i18next's own key typing differs between the web and node builds.
  const translate = translator().t as (key: string, options: TranslationParams & { lng: Language }) => string;
  return translate(key, { ...params, lng: language });
}

/** Whether the catalog has `key` in the first language (for lookups built from data, e.g. error codes). */
export function hasKey(key: string): boolean {
  return translator().exists(key, { lng: 'pt-BR', fallbackLng: false });
}
