import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUiHandlers, type AppUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { MAX_IMPORT_BASE64_CHARS } from '../../src/shared/imports';
import { parseUiRequest } from '../../src/shared/ui-api-schemas';
import { gainRow } from '../support/lake-fixture';
import { readTree } from '../support/cli-harness';

const NOW = new Date('2026-11-28T10:00:00Z');
const ORG = '2414183';
const HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';
const PROTOTYPE = `\ufeff${HEADER}\r\nurn:li:organization:${ORG},2026-11-01,7,1.0\r\nurn:li:organization:${ORG},2026-11-02,5,\r\n`;

let home: string;
let handlers: AppUiHandlers;

const upload = (text: string, extra: Record<string, unknown> = {}) => ({ fileName: 'follower_stats_20261102.csv', contentBase64: Buffer.from(text).toString('base64'), network: 'linkedin', ...extra });

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fp-import-ui-'));
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }] }));
  handlers = createUiHandlers({ home, env: {}, secrets: new MemorySecretStore(), logger: nullLogger, now: () => NOW, transport: 'http', watchSettings: false });
});
afterEach(async () => handlers.close());

describe('import.preview and import.commit', () => {
  it('previews a prototype file without writing, then commits it; api days are counted, never touched', async () => {
    const lake = new LocalLake(join(home, 'lake'));
    await lake.mergeGains([gainRow(ORG, '2026-11-02', 6, 0)]);
    const before = await readTree(home);

    const preview = await handlers.handle('import.preview', upload(PROTOTYPE));
    expect(preview).toMatchObject({
      ok: true,
      value: { format: 'prototype', accountId: ORG, gainDays: 2, daysAlreadyFromApi: 1, rejectedCount: 0, committable: true, accountTracked: true },
    });
    expect(preview.ok && preview.value.rows).toEqual([
      { day: '2026-11-01', organic: 7, paid: 1, total: 8, followers: null },
      { day: '2026-11-02', organic: 5, paid: null, total: 5, followers: null },
    ]);
    expect(await readTree(home)).toEqual(before);

    const committed = await handlers.handle('import.commit', upload(PROTOTYPE));
    expect(committed).toMatchObject({ ok: true, value: { committed: true, daysWritten: 2, filesWritten: ['follower_gains/month=2026-11/linkedin-2414183-import.csv'] } });
    expect(await readFile(lake.pathOf('follower_gains/month=2026-11/linkedin-2414183-api.csv'))).toEqual(before.get('lake/follower_gains/month=2026-11/linkedin-2414183-api.csv'));
    expect((await lake.readGains('linkedin', ORG, 'import')).map((r) => [r.day, r.totalGain])).toEqual([
      ['2026-11-01', 8],
      ['2026-11-02', 5],
    ]);
  });

  it('a rejected file is not committed and lists every reason', async () => {
    const before = await readTree(home);
    const bad = `${HEADER}\r\nurn:li:organization:${ORG},2026-11-01,7,1\r\nurn:li:organization:${ORG},2026-13-01,5,0\r\n`;
    const result = await handlers.handle('import.commit', upload(bad));
    expect(result).toMatchObject({ ok: true, value: { committed: false, committable: false, rejectedCount: 1, rejections: [{ line: 3, reason: '"2026-13-01" is not a real date' }] } });
    expect(await readTree(home)).toEqual(before);
  });

  it('refuses files over 10 MB, unknown networks and non-base64 content before reading them', () => {
    expect(parseUiRequest('import.preview', { ...upload(''), contentBase64: 'A'.repeat(MAX_IMPORT_BASE64_CHARS + 4) })).toMatchObject({ ok: false, code: 'USAGE', issues: [{ path: 'contentBase64', message: 'the file is larger than 10 MB' }] });
    expect(parseUiRequest('import.preview', upload('x', { network: 'myspace' }))).toMatchObject({ ok: false, issues: [{ path: 'network' }] });
    expect(parseUiRequest('import.preview', { ...upload(''), contentBase64: 'not base64!' })).toMatchObject({ ok: false, issues: [{ path: 'contentBase64' }] });
    expect(parseUiRequest('import.commit', upload('x', { mapping: { day: 'Dia', other: 'x' } })).ok).toBe(false);
  });
});
