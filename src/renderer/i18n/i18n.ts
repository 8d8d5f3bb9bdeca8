import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/i18n';
import { rendererCatalogs, type RendererMessages } from './catalogs';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Keys are checked against the Portuguese texts, the product's first language.
    resources: { translation: RendererMessages };
  }
}

export async function initI18n(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources: { 'pt-BR': { translation: rendererCatalogs['pt-BR'] }, en: { translation: rendererCatalogs.en } },
    lng: language,
    fallbackLng: 'pt-BR',
    // React escapes text itself; escaping twice would show &amp; in page names.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
}

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
