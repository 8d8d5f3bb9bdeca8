import { CATALOGS } from '../../shared/i18n';
import { importEn } from './import-en';
import { importPtBR } from './import-pt-br';
import { insightsEn } from './insights-en';
import { insightsPtBR } from './insights-pt-br';
import { networksEn } from './networks-en';
import { networksPtBr } from './networks-pt-br';

/**
 * The catalogs the renderer hands to i18next: the shared ones (src/shared/i18n), plus the
 * namespaces that only views need, which their own files add here. THE place to merge them:
 * a view's catalog file (e.g. insights-pt-br.ts / insights-en.ts exporting new top-level
 * namespaces) is imported below and spread into both languages, and the key-parity test
 * (test/unit/i18n-catalogs.test.ts) then checks the merged result.
 */
export const rendererCatalogs = {
  'pt-BR': {
    ...CATALOGS['pt-BR'],
    ...importPtBR,
    ...insightsPtBR,
    ...networksPtBr,
  },
  en: {
    ...CATALOGS.en,
    ...importEn,
    ...insightsEn,
    ...networksEn,
  },
};

export type RendererMessages = (typeof rendererCatalogs)['pt-BR'];
