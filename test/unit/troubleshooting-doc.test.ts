import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTroubleshooting, undocumentedCodes } from '../../scripts/docs/troubleshooting-doc';
import { ERROR_CODES } from '../../src/shared/error-codes';
import { explainError } from '../../src/shared/error-explanations';

const committed = readFileSync(new URL('../../docs/troubleshooting.md', import.meta.url), 'utf8');

describe('docs/troubleshooting.md', () => {
  it('no error code is left undocumented', () => {
    expect(undocumentedCodes()).toEqual([]);
  });

  it('has a section per code with what it means and what to do, in both languages', () => {
    for (const code of ERROR_CODES) {
      const start = committed.indexOf(`\n## ${code}\n`);
      expect(start, code).toBeGreaterThan(0);
      const end = committed.indexOf('\n## ', start + 1);
      const body = committed.slice(start, end < 0 ? undefined : end);
      for (const language of ['en', 'pt-BR'] as const) {
        const text = explainError(code, language);
        expect(body).toContain(text.what);
        expect(body).toContain(text.todo);
      }
    }
  });

  it('is up to date (npm run docs:generate)', () => {
    expect(committed).toBe(renderTroubleshooting());
  });
});
