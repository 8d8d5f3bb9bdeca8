import { describe, expect, it } from 'vitest';
import { importReasonText } from '../../src/shared/imports';
import { chooseDateOrder, excelSerialToDay, normalizeHeader, parseCountCell, parseDayCell } from '../../src/main/engine/import/cell-values';
import { readCsvTable } from '../../src/main/engine/import/csv-table';
import { decodeText, NotTextError } from '../../src/main/engine/import/text-decoding';

describe('day cells', () => {
  it('reads ISO days, DD/MM/YYYY, MM/DD/YYYY and Excel serial dates', () => {
    expect(parseDayCell('2025-11-28')).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell('2025-11-28 00:00:00')).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell('28/11/2025', 'dmy')).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell('11/28/2025', 'mdy')).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell(45989)).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell('45989')).toEqual({ ok: true, value: '2025-11-28' });
    expect(parseDayCell(45989.75)).toEqual({ ok: true, value: '2025-11-28' });
    expect(excelSerialToDay(61)).toBe('1900-03-01');
    expect(parseDayCell(new Date(Date.UTC(2025, 10, 28)))).toEqual({ ok: true, value: '2025-11-28' });
  });

  it('names impossible and unreadable dates', () => {
    expect(parseDayCell('2025-02-30')).toEqual({ ok: false, problem: { code: 'impossibleDate', params: { value: '"2025-02-30"' } } });
    expect(parseDayCell('31/04/2025', 'dmy')).toEqual({ ok: false, problem: { code: 'impossibleDate', params: { value: '"31/04/2025"' } } });
    expect(parseDayCell('yesterday')).toEqual({ ok: false, problem: { code: 'notADate', params: { value: '"yesterday"' } } });
    expect(parseDayCell('')).toEqual({ ok: false, problem: { code: 'emptyDate', params: {} } });
    expect(parseDayCell(12)).toEqual({ ok: false, problem: { code: 'serialOutOfRange', params: { value: '"12"' } } });
    expect(importReasonText('notADate', { value: '"yesterday"' })).toBe('"yesterday" is not a date (expected YYYY-MM-DD, DD/MM/YYYY or an Excel date)');
  });

  it('lets the file decide between DD/MM and MM/DD, else the fallback', () => {
    expect(chooseDateOrder(['01/02/2025', '13/02/2025'], 'mdy')).toBe('dmy');
    expect(chooseDateOrder(['01/02/2025', '02/13/2025'], 'dmy')).toBe('mdy');
    expect(chooseDateOrder(['01/02/2025', '03/04/2025'], 'mdy')).toBe('mdy');
  });
});

describe('count cells', () => {
  it('reads whole numbers with thousands separators, decimal commas and pandas floats', () => {
    expect(parseCountCell('1.234', true)).toEqual({ ok: true, value: 1234 });
    expect(parseCountCell('12,0', true)).toEqual({ ok: true, value: 12 });
    expect(parseCountCell('1,234', false)).toEqual({ ok: true, value: 1234 });
    expect(parseCountCell('3.0', false)).toEqual({ ok: true, value: 3 });
    expect(parseCountCell('-4', false)).toEqual({ ok: true, value: -4 });
    expect(parseCountCell('', false)).toEqual({ ok: true, value: null });
    expect(parseCountCell(17, false)).toEqual({ ok: true, value: 17 });
  });

  it('refuses fractions and text', () => {
    expect(parseCountCell('1,5', true)).toMatchObject({ ok: false });
    expect(parseCountCell('2.5', false)).toMatchObject({ ok: false });
    expect(parseCountCell(2.5, false)).toMatchObject({ ok: false });
    expect(parseCountCell('twelve', false)).toEqual({ ok: false, problem: { code: 'notWholeNumber', params: { value: '"twelve"' } } });
  });
});

describe('text and CSV', () => {
  it('reads Latin-1 bytes as Windows-1252 and says so', () => {
    const bytes = Buffer.from('Data;Ganhos org\xe2nicos\r\n', 'latin1');
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('orgânicos');
    expect(decoded.warning).toMatch(/not UTF-8/);
  });

  it('reads UTF-8 with a BOM and UTF-16 without warnings', () => {
    expect(decodeText(Buffer.from('\ufeffa,b', 'utf8'))).toEqual({ text: 'a,b', encoding: 'utf-8', warning: null });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,ç', 'utf16le')])).text).toBe('a,ç');
  });

  it('refuses binary bytes', () => {
    expect(() => decodeText(Buffer.from([1, 0, 2, 0, 3]))).toThrow(NotTextError);
  });

  it('detects ; tables (decimal commas) and keeps line numbers', () => {
    const table = readCsvTable('Data;Seguidores\r\n01/02/2025;1.000\r\n\r\n02/02/2025;1.001\r\n');
    expect(table.decimalComma).toBe(true);
    expect(table.header).toEqual(['Data', 'Seguidores']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['01/02/2025', '1.000'] },
      { line: 4, cells: ['02/02/2025', '1.001'] },
    ]);
  });

  it('compares headers without case, accents or punctuation', () => {
    expect(normalizeHeader(' Ganhos de seguidores Orgânicos ')).toBe('ganhos de seguidores organicos');
    expect(normalizeHeader('organic_gain')).toBe('organic gain');
    expect(normalizeHeader('Auto-invited followers')).toBe('auto invited followers');
  });
});
