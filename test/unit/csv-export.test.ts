import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { encodeCsv, escapeCsvCell } from '../../src/shared/csv-export';

describe('escapeCsvCell', () => {
  it('prefixes text that Excel would run as a formula', () => {
    expect(escapeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(escapeCsvCell('+55 11 9999')).toBe("'+55 11 9999");
    expect(escapeCsvCell('-campanha')).toBe("'-campanha");
    expect(escapeCsvCell('@acme')).toBe("'@acme");
    expect(escapeCsvCell('\tcmd')).toBe("'\tcmd");
  });

  it('keeps negative numbers as numbers and text that only contains a sign as it is', () => {
    expect(escapeCsvCell(-4)).toBe('-4');
    expect(escapeCsvCell(-0.5)).toBe('-0.5');
    expect(escapeCsvCell(128_413)).toBe('128413');
    expect(escapeCsvCell('Black Friday - 50% off')).toBe('Black Friday - 50% off');
    expect(escapeCsvCell('2026-11-28')).toBe('2026-11-28');
  });

  it('quotes commas, quotes and line breaks; empty for null, undefined and non-finite numbers', () => {
    expect(escapeCsvCell('Acme, Ltda')).toBe('"Acme, Ltda"');
    expect(escapeCsvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(escapeCsvCell('a\nb')).toBe('"a\nb"');
    expect(escapeCsvCell(null)).toBe('');
    expect(escapeCsvCell(undefined)).toBe('');
    expect(escapeCsvCell(Number.NaN)).toBe('');
    expect(escapeCsvCell(true)).toBe('true');
  });
});

describe('encodeCsv', () => {
  it('writes a header and CRLF lines that a CSV reader gets back cell for cell', () => {
    const csv = encodeCsv(['day', 'title', 'gain'], [
      ['2026-11-27', '=1+1', -3],
      ['2026-11-28', 'Lançamento, "novo"', 12],
      ['2026-11-29', null, null],
    ]);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse<Record<string, string>>(csv, { columns: true });
    expect(rows).toEqual([
      { day: '2026-11-27', title: "'=1+1", gain: '-3' },
      { day: '2026-11-28', title: 'Lançamento, "novo"', gain: '12' },
      { day: '2026-11-29', title: '', gain: '' },
    ]);
  });
});
