export { CATALOGS, LANGUAGES, toLanguage, type Language, type Messages } from './catalogs';
export { hasKey, t, type TranslationKey, type TranslationParams } from './translate';
export { describeProgress, type LocalizedText, type TextFormatters } from './progress-text';
