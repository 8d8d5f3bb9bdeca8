import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/error-codes';
import { explainError, hasErrorExplanation } from '../../src/shared/error-explanations';
import { CATALOGS, describeProgress, t } from '../../src/shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

// The renderer merges its views' namespaces into the shared catalogs there; that file belongs
// to the web build, so it is loaded by path rather than by a typed import.
const RENDERER_CATALOGS = '../../src/renderer/i18n/catalogs';
const { rendererCatalogs } = (await import(/* @vite-ignore */ RENDERER_CATALOGS)) as { rendererCatalogs: Record<'pt-BR' | 'en', Tree> };

/** Every leaf as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** Keys one catalog has and the other lacks, both ways, named with their language. */
function keyDifferences(a: Tree, b: Tree): string[] {
  const left = leaves(a);
  const right = leaves(b);
  return [...[...left.keys()].filter((k) => !right.has(k)).map((k) => `missing in en: ${k}`), ...[...right.keys()].filter((k) => !left.has(k)).map((k) => `missing in pt-BR: ${k}`)];
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('one catalog per language', () => {
  it('pt-BR and English have the same keys, recursively (the shared catalogs and the renderer’s merged ones)', () => {
    expect(keyDifferences(CATALOGS['pt-BR'], CATALOGS.en)).toEqual([]);
    expect(keyDifferences(rendererCatalogs['pt-BR'], rendererCatalogs.en)).toEqual([]);
  });

  it('the comparison names a key missing in either language, however deep', () => {
    const pt = { a: { b: 'x', c: { d: 'y' } } };
    expect(keyDifferences(pt, { a: { b: 'x', c: {} } })).toEqual(['missing in en: a.c.d']);
    expect(keyDifferences({ a: 'x' }, { a: 'x', z: { w: 'y' } })).toEqual(['missing in pt-BR: z.w']);
  });

  it('a text and its translation take the same parameters, and none is empty', () => {
    const pt = leaves(CATALOGS['pt-BR']);
    const en = leaves(CATALOGS.en);
    const mismatched = [...pt].filter(([key, text]) => placeholders(text).join() !== placeholders(en.get(key) ?? '').join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
    const empty = [...pt, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    // requestedRange_zero is a dash on purpose; nothing else may be blank.
    expect(empty).toEqual([]);
  });

  it('every contract §7 error code has a title, what happened and what to do in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(hasErrorExplanation(code), code).toBe(true);
      for (const language of ['pt-BR', 'en'] as const) {
        const entry = (CATALOGS[language].error as Record<string, { title: string; what: string; todo: string } | undefined>)[code];
        expect(entry, `${language} ${code}`).toBeDefined();
        expect(explainError(code, language)).toEqual(entry);
      }
    }
    expect(explainError('LINKEDIN_TOKEN_EXPIRED', 'pt-BR').title).toBe('Token do LinkedIn expirado');
  });

  it('an unknown code gets the generic text, never a raw key', () => {
    expect(hasErrorExplanation('SOMETHING_NEW')).toBe(false);
    expect(hasErrorExplanation('UNKNOWN')).toBe(false);
    expect(explainError('SOMETHING_NEW', 'pt-BR')).toEqual(CATALOGS['pt-BR'].error.UNKNOWN);
    expect(explainError('error.NETWORK', 'en')).toEqual(CATALOGS.en.error.UNKNOWN);
  });

  it('t() works without React: interpolation and plurals per language', () => {
    expect(t('pt-BR', 'sync.finishedSummary', { count: 0, days: '0' })).toBe('Nenhum dia novo gravado.');
    expect(t('pt-BR', 'sync.finishedSummary', { count: 1, days: '1' })).toBe('1 dia gravado.');
    expect(t('en', 'sync.finishedSummary', { count: 1234, days: '1,234' })).toBe('1,234 days written.');
    expect(t('en', 'desktop.nextSync', { when: 'today 07:00' })).toBe('Next: today 07:00');
  });
});

describe('progress lines', () => {
  const ptFormat = { day: (d: string) => d.split('-').reverse().join('/'), number: (n: number) => n.toLocaleString('pt-BR') };
  const enFormat = { day: (d: string) => `day ${d}`, number: (n: number) => n.toLocaleString('en') };

  it('fetching, nothing to fetch, done and failed read naturally in pt-BR', () => {
    const line = (key: string, params: Record<string, string | number>): string | null => describeProgress('pt-BR', { key, params }, ptFormat);
    expect(line('progress.fetching', { account: 'Acme', days: 7, from: '2026-11-24', to: '2026-11-30' })).toBe('Acme: buscando 7 dias (24/11/2026 → 30/11/2026)');
    expect(line('progress.fetching', { account: 'Acme', days: 1, from: '2026-11-30', to: '2026-11-30' })).toBe('Acme: buscando 1 dia (30/11/2026)');
    expect(line('progress.nothingToFetch', { account: 'Acme' })).toBe('Acme: nada a buscar, os dados já estão em dia');
    expect(line('progress.done', { account: 'Acme', written: 1234, missing: 0 })).toBe('Acme: 1.234 dias gravados');
    expect(line('progress.done', { account: 'Acme', written: 5, missing: 2 })).toBe('Acme: 5 dias gravados, 2 dias faltantes');
    expect(line('progress.done', { account: 'Acme', written: 0, missing: 1 })).toBe('Acme: nenhum dia novo gravado, 1 dia faltante');
    expect(line('progress.failed', { account: 'Acme', code: 'LINKEDIN_TOKEN_EXPIRED' })).toBe('Acme: falhou — Token do LinkedIn expirado');
  });

  it('English uses the caller’s formatters, and an unknown key is left to the caller', () => {
    expect(describeProgress('en', { key: 'progress.fetching', params: { account: 'Acme', days: 7, from: '2026-11-24', to: '2026-11-30' } }, enFormat)).toBe(
      'Acme: fetching 7 days (day 2026-11-24 → day 2026-11-30)',
    );
    expect(describeProgress('en', { key: 'progress.done', params: { account: 'Acme', written: 1, missing: 3 } }, enFormat)).toBe('Acme: 1 day written, 3 missing days');
    expect(describeProgress('en', { key: 'progress.somethingNew', params: {} }, enFormat)).toBeNull();
  });
});
