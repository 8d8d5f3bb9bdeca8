import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import type { QueryResultDto } from '../../src/shared/ui-api';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { ACME, BETA, writeSampleLake } from '../support/sample-lake';

/*
 * Issue 8: `query` and the UI's data.query are one use case, so on the same lake and settings
 * they give the same rows and fail with the same code for the same cause.
 */
const NOW = '2026-11-28T10:00:00Z';

// Both engines answer: api over import already applied by the views, so the overlap days show the api count.
const GOOD = `SELECT day, account_id, organic_gain, source FROM follower_gains WHERE day BETWEEN '2026-09-08' AND '2026-10-02' ORDER BY day, account_id`;
const TYPO = 'SELECT dya FROM follower_gains';
const KEYWORD_TYPO = 'SELECT day FORM follower_gains';
const WRITE = 'DROP TABLE follower_gains';

type Outcome = { ok: true; value: QueryResultDto } | { ok: false; code: string; message: string; exit?: number | null };

let home: string;

beforeAll(async () => {
  home = await tempHome('fp-query-parity-');
  const accounts = [ACME, BETA].map((id) => ({ network: 'linkedin', id, name: `Page ${id}`, enabled: true }));
  // Athena left off, as on a fresh install; the S3 bucket is set so only Athena's own switch is missing.
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts, s3: { enabled: false, bucket: 'acme-data', region: 'eu-west-1' } }));
  await writeSampleLake(join(home, 'lake'));
});

async function viaCli(sql: string, engine: 'local' | 'athena'): Promise<Outcome> {
  const r = await runCliProcess(['query', sql, '--engine', engine, '--json'], cliEnv({ home, now: NOW }));
  const document = JSON.parse(r.stdout) as QueryResultDto | { error: { code: string; message: string } };
  if ('error' in document) return { ok: false, code: document.error.code, message: document.error.message, exit: r.code };
  expect(r.code, r.stderr).toBe(0);
  return { ok: true, value: document };
}

async function viaUi(requests: { sql: string; engine: 'local' | 'athena' }[]): Promise<Outcome[]> {
  const handlers = createUiHandlers({ home, env: {}, secrets: new MemorySecretStore(), logger: nullLogger, now: () => new Date(NOW), transport: 'http', watchSettings: false });
  try {
    const outcomes: Outcome[] = [];
    // One handler set for all of them: the UI keeps its local engine open between queries.
    for (const request of requests) {
      const result = await handlers.handle('data.query', request);
      outcomes.push(result.ok ? { ok: true, value: result.value } : { ok: false, code: result.code, message: result.message });
    }
    return outcomes;
  } finally {
    await handlers.close();
  }
}

describe('query --json and the UI API’s data.query', () => {
  it('give the same rows and the same errors on the same lake and settings', async () => {
    const requests = [
      { sql: GOOD, engine: 'local' },
      { sql: TYPO, engine: 'local' },
      { sql: KEYWORD_TYPO, engine: 'local' },
      { sql: WRITE, engine: 'local' },
      { sql: 'SELECT 1', engine: 'athena' },
    ] as const;
    const ui = await viaUi([...requests]);
    const cli: Outcome[] = [];
    for (const request of requests) cli.push(await viaCli(request.sql, request.engine));

    const [good, typo, keywordTypo, write, athena] = cli;
    // A good query: the same columns and rows, api over import on the overlap days.
    expect(good.ok && good.value.engine).toBe('local');
    const rows = good.ok ? good.value.rows : [];
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.find((r) => r.day === '2026-09-08' && r.account_id === ACME)).toMatchObject({ source: 'api' });
    expect(ui[0]).toEqual(good);

    // A typo in a column or a keyword: QUERY_FAILED, a failed run in the CLI (exit 1).
    for (const [index, outcome] of [typo, keywordTypo].entries()) {
      expect(outcome).toMatchObject({ ok: false, code: 'QUERY_FAILED', exit: 1 });
      expect(ui[index + 1]).toEqual({ ...outcome, exit: undefined });
    }
    expect(typo.ok ? '' : typo.message).toContain('dya');

    // A write is refused before any engine sees it.
    expect(write).toMatchObject({ ok: false, code: 'QUERY_REFUSED' });
    expect(ui[3]).toEqual({ ...write, exit: undefined });

    // Athena left off is a settings problem (contract §3: exit 2), said the same way by both.
    expect(athena).toMatchObject({ ok: false, code: 'SETTINGS_INVALID', message: 'Athena is not set up: athena.enabled is off', exit: 2 });
    expect(ui[4]).toEqual({ ...athena, exit: undefined });
  });
});
