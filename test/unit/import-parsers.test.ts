import { describe, expect, it } from 'vitest';
import { combineParsedFiles } from '../../src/main/engine/import/combine-drafts';
import { detectFormat, parseImportFile, type ParseImportOptions } from '../../src/main/engine/import/parse-import-file';
import type { ImportRejection } from '../../src/main/engine/import/import-types';
import { buildXlsx } from '../support/xlsx-writer';

const OPTIONS: ParseImportOptions = { format: 'auto', mapping: {}, today: '2026-12-03', accountId: null };
const PROTOTYPE_HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';

function file(name: string, text: string | Buffer): { name: string; bytes: Buffer } {
  return { name, bytes: typeof text === 'string' ? Buffer.from(text, 'utf8') : text };
}

/** Rejections as the CLI prints them; the codes are checked where they matter. */
function plain(rejections: readonly ImportRejection[]): { file: string; line: number | null; reason: string }[] {
  return rejections.map(({ file, line, reason }) => ({ file, line, reason }));
}

function parse(name: string, text: string | Buffer, options: Partial<ParseImportOptions> = {}) {
  return parseImportFile(file(name, text), { ...OPTIONS, ...options });
}

describe('the prototype follower_stats files', () => {
  it('reads pandas output with a BOM, an index column, CRLF and float paid gains', async () => {
    const text = `\ufeff,${PROTOTYPE_HEADER}\r\n0,urn:li:organization:2414183,2025-11-28,12,3.0\r\n1,urn:li:organization:2414183,2025-11-29,-2,\r\n`;
    const parsed = await parse('follower_stats_20251129.csv', text);
    expect(parsed.format).toBe('prototype');
    expect(parsed.accountId).toBe('2414183');
    expect(parsed.rejections).toEqual([]);
    expect(parsed.gains.map(({ day, organicGain, paidGain }) => ({ day, organicGain, paidGain }))).toEqual([
      { day: '2025-11-28', organicGain: 12, paidGain: 3 },
      { day: '2025-11-29', organicGain: -2, paidGain: null },
    ]);
  });

  it('reads a Latin-1 file (accented header) and warns about the encoding', async () => {
    const bytes = Buffer.from(`${PROTOTYPE_HEADER}\r\nurn:li:organization:7,2025-11-28,1,0\r\n`, 'latin1');
    const parsed = await parse('follower_stats_20251128.csv', bytes);
    expect(parsed.format).toBe('prototype');
    expect(parsed.gains).toHaveLength(1);
    expect(parsed.warnings[0]?.text).toMatch(/Windows-1252/);
    expect(parsed.warnings[0]?.code).toBe('guessedEncoding');
  });

  it('rejects lines for another organization or without a URN', async () => {
    const text = `${PROTOTYPE_HEADER}\r\nurn:li:organization:1,2025-11-28,1,0\r\nurn:li:organization:2,2025-11-29,1,0\r\n2414183,2025-11-30,1,0\r\n`;
    const parsed = await parse('p.csv', text, { accountId: '1' });
    expect(plain(parsed.rejections)).toEqual([
      { file: 'p.csv', line: 3, reason: 'the line is for organization 2, not 1' },
      { file: 'p.csv', line: 4, reason: 'organizationalEntity "2414183" is not urn:li:organization:ID' },
    ]);
    expect(parsed.gains.map((g) => g.day)).toEqual(['2025-11-28']);
  });

  it('names the missing columns when the prototype format is forced on another file', async () => {
    const parsed = await parse('x.csv', 'Data,Ganhos\n2025-01-01,1\n', { format: 'prototype' });
    expect(parsed.rejections).toHaveLength(1);
    expect(parsed.rejections[0]).toMatchObject({ file: 'x.csv', line: 1 });
    expect(parsed.rejections[0]?.reason).toContain('organizationalEntity, Data');
  });
});

describe('the generic format', () => {
  it('reads a Brazilian Excel CSV: ; delimiter, decimal commas, DD/MM/YYYY, Portuguese headers', async () => {
    const text = 'Dia;Seguidores;Orgânico;Pago\r\n13/01/2025;1.200;10;2\r\n14/01/2025;1.212,0;11;1\r\n';
    const parsed = await parse('planilha.csv', text);
    expect(parsed.format).toBe('generic');
    expect(parsed.rejections).toEqual([]);
    expect(parsed.totals.map((t) => [t.day, t.followers])).toEqual([
      ['2025-01-13', 1200],
      ['2025-01-14', 1212],
    ]);
    expect(parsed.gains.map((g) => [g.day, g.organicGain, g.paidGain])).toEqual([
      ['2025-01-13', 10, 2],
      ['2025-01-14', 11, 1],
    ]);
  });

  it('reads Excel serial dates and a net gain column alone', async () => {
    const parsed = await parse('serial.csv', 'date,net gain\n45989,5\n45990,-1\n');
    expect(parsed.gains.map((g) => [g.day, g.organicGain, g.paidGain])).toEqual([
      ['2025-11-28', 5, null],
      ['2025-11-29', -1, null],
    ]);
  });

  it('uses the mapping and names a mapped column that is missing', async () => {
    const text = 'quando,quantos\n2025-01-01,100\n';
    const mapped = await parse('m.csv', text, { mapping: { day: 'quando', followers: 'quantos' } });
    expect(mapped.totals.map((t) => [t.day, t.followers])).toEqual([['2025-01-01', 100]]);
    const missing = await parse('m.csv', text, { mapping: { day: 'quando', followers: 'seguidores' } });
    expect(missing.rejections).toHaveLength(1);
    expect(missing.rejections[0]?.reason).toContain('column "seguidores" (--followers-column) is not in the header');
    const unknown = await parse('m.csv', text);
    expect(unknown.rejections[0]?.reason).toMatch(/no day column found.*--day-column/);
  });

  it('rejects negative totals, impossible and future dates, fractions — each on its line', async () => {
    const text = 'day,followers\n2025-01-01,100\n2025-01-02,-5\n2025-02-30,101\n2027-01-01,102\n2025-01-05,1.5\n';
    const parsed = await parse('t.csv', text);
    expect(parsed.totals.map((t) => t.day)).toEqual(['2025-01-01']);
    expect(parsed.rejections.map((r) => [r.line, r.reason])).toEqual([
      [3, 'followers -5 is negative; a follower count cannot be'],
      [4, '"2025-02-30" is not a real date'],
      [5, '2027-01-01 is in the future'],
      [6, 'followers: "1.5" is not a whole number'],
    ]);
  });

  it('a valid line followed by a bad one: the bad line is rejected with its reason', async () => {
    const parsed = await parse('v.csv', 'day,organic_gain,paid_gain\n2025-01-01,3,1\n2025-01-02,three,1\n');
    expect(parsed.gains).toHaveLength(1);
    expect(parsed.rejections).toEqual([{ file: 'v.csv', line: 3, reason: 'organic gain: "three" is not a whole number', code: 'notWholeNumber', params: { column: 'organic', value: '"three"' } }]);
  });

  it('checks a total gain column against organic + paid', async () => {
    const parsed = await parse('g.csv', 'day,organic_gain,paid_gain,total_gain\n2025-01-01,3,1,4\n2025-01-02,3,1,5\n');
    expect(plain(parsed.rejections)).toEqual([{ file: 'g.csv', line: 3, reason: 'gain 5 is not organic + paid (4)' }]);
  });

  it('refuses binary files, empty files and header-only files as a whole', async () => {
    const binary = (await parse('b.csv', Buffer.from([0, 1, 2, 0]))).rejections[0];
    expect(binary).toMatchObject({ file: 'b.csv', line: null });
    expect(binary?.reason).toContain('not text');
    expect((await parse('e.csv', '')).rejections[0]?.reason).toBe('the file is empty');
    expect((await parse('h.csv', 'day,followers\n')).rejections[0]?.reason).toBe('the file has a header but no data lines');
    expect((await parse('q.csv', 'day,followers\n"2025-01-01,1\n')).rejections[0]?.reason).toMatch(/not valid CSV/);
  });
});

describe("LinkedIn's follower export", () => {
  const EN_HEADER = 'Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers';

  it('is recognised by its English and Portuguese headers', () => {
    expect(detectFormat(EN_HEADER.split(','))).toBe('linkedin-export');
    expect(detectFormat(['Data', 'Seguidores patrocinados', 'Seguidores orgânicos', 'Seguidores convidados automaticamente', 'Total de seguidores'])).toBe('linkedin-export');
    expect(detectFormat(PROTOTYPE_HEADER.split(','))).toBe('prototype');
    expect(detectFormat(['day', 'followers'])).toBe('generic');
  });

  it('reads the English CSV (MM/DD/YYYY); auto-invited count as organic; Total is checked', async () => {
    const text = `${EN_HEADER}\n11/27/2025,2,10,1,13\n11/28/2025,0,7,0,7\n11/29/2025,1,1,0,9\n`;
    const parsed = await parse('followers.csv', text);
    expect(parsed.format).toBe('linkedin-export');
    expect(parsed.gains.map((g) => [g.day, g.organicGain, g.paidGain])).toEqual([
      ['2025-11-27', 11, 2],
      ['2025-11-28', 7, 0],
    ]);
    expect(plain(parsed.rejections)).toEqual([{ file: 'followers.csv', line: 4, reason: 'gain 9 is not organic + paid (2)' }]);
  });

  it('reads a Total column of running follower counts as totals', async () => {
    const text = `${EN_HEADER}\n11/27/2025,2,10,1,1500\n11/28/2025,0,7,0,1507\n`;
    const parsed = await parse('followers.csv', text);
    expect(parsed.rejections).toEqual([]);
    expect(parsed.totals.map((t) => [t.day, t.followers])).toEqual([
      ['2025-11-27', 1500],
      ['2025-11-28', 1507],
    ]);
    expect(parsed.warnings[0]?.text).toMatch(/running follower counts/);
  });

  it('reads the pt-BR CSV with DD/MM/YYYY', async () => {
    const text = 'Data;Seguidores patrocinados;Seguidores orgânicos;Seguidores convidados automaticamente;Total de seguidores\n01/02/2025;1;4;0;5\n';
    const parsed = await parse('seguidores.csv', text);
    expect(parsed.gains.map((g) => [g.day, g.organicGain, g.paidGain])).toEqual([['2025-02-01', 4, 1]]);
  });

  it('reads a real XLSX workbook, picking the follower sheet among others', async () => {
    const bytes = buildXlsx([
      { name: 'Location', rows: [['Location', 'Total followers'], ['São Paulo', 1200]] },
      {
        name: 'New followers',
        rows: [EN_HEADER.split(','), [{ date: '2025-11-28' }, 2, 30, 1, 33], ['11/29/2025', 0, 5, 0, 5], [45991, 1, 1, 0, 2]],
      },
    ]);
    const parsed = await parseImportFile({ name: 'acme_followers.xlsx', bytes }, OPTIONS);
    expect(parsed.file).toBe('acme_followers.xlsx [New followers]');
    expect(parsed.rejections).toEqual([]);
    expect(parsed.gains.map((g) => [g.day, g.organicGain, g.paidGain, g.line])).toEqual([
      ['2025-11-28', 31, 2, 2],
      ['2025-11-29', 5, 0, 3],
      ['2025-11-30', 1, 1, 4],
    ]);
  });

  it('refuses a damaged workbook and an old .xls as a whole', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]);
    expect((await parseImportFile({ name: 'x.xlsx', bytes: damaged }, OPTIONS)).rejections[0]?.reason).toMatch(/workbook cannot be read/);
    expect((await parseImportFile({ name: 'x.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }, OPTIONS)).rejections[0]?.reason).toMatch(/\.xls files cannot be read/);
  });
});

describe('combining files', () => {
  it('takes a day given twice with the same numbers once, and rejects different numbers on both lines', async () => {
    const a = await parse('a.csv', 'day,organic_gain,paid_gain\n2025-01-01,3,1\n2025-01-02,4,0\n');
    const b = await parse('b.csv', 'day,organic_gain,paid_gain\n2025-01-01,3,1\n2025-01-02,5,0\n');
    const combined = combineParsedFiles([a, b]);
    expect(combined.gains.map((g) => g.day)).toEqual(['2025-01-01']);
    expect(plain(combined.rejections)).toEqual([
      { file: 'a.csv', line: 3, reason: '2025-01-02 appears again with different numbers (4 + 0 here, see b.csv:3)' },
      { file: 'b.csv', line: 3, reason: '2025-01-02 appears again with different numbers (5 + 0 here, see a.csv:3)' },
    ]);
  });
});
