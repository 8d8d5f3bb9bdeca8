import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, encodeCsv, encodeQuotedCsv, parseCsv } from '../../src/main/engine/lake/csv';
import {
  ACCOUNTS_KEY,
  COMPANY_EVENTS_KEY,
  GAINS_COLUMNS,
  gainsKey,
  parseLakeKey,
  syncRunKey,
  totalsKey,
} from '../../src/main/engine/lake/lake-layout';

describe('encodeCsv', () => {
  it('writes a header, \\n line ends and a trailing newline, quoting nothing that needs no quotes', () => {
    expect(encodeCsv(['a', 'b', 'c'], [['x', 1, null], ['y', -2, '']])).toBe('a,b,c\nx,1,\ny,-2,\n');
  });

  it('writes just the header line for no rows', () => {
    expect(encodeCsv(['day', 'n'], [])).toBe('day,n\n');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [' leading', '" leading"'],
    ['trailing ', '"trailing "'],
    ['inner space', 'inner space'],
    ['Ação & Cia', 'Ação & Cia'],
  ])('encodes %j as %j', (value, encoded) => {
    expect(encodeCsv(['v'], [[value]])).toBe(`v\n${encoded}\n`);
  });

  it('refuses a row whose width differs from the header', () => {
    expect(() => encodeCsv(['a', 'b'], [['only one']])).toThrow(RangeError);
  });

  it('refuses numbers CSV cannot hold', () => {
    expect(() => encodeCsv(['n'], [[Number.NaN]])).toThrow(RangeError);
  });
});

describe('encodeQuotedCsv', () => {
  it('quotes every field, the header included, and writes null as an empty quoted field', () => {
    expect(encodeQuotedCsv(['network', 'name'], [['linkedin', 'Acme, "Inc"'], ['x', null]])).toBe(
      '"network","name"\n"linkedin","Acme, ""Inc"""\n"x",""\n',
    );
  });
});

describe('parseCsv', () => {
  const header = ['a', 'b', 'c'];
  const rows = [
    ['plain', '', 'x'],
    ['with,comma', 'with "quote"', 'multi\nline'],
    [' spaced ', 'crlf\r\ninside', '"'],
    ['', '', ''],
  ];

  it('round-trips encodeCsv and encodeQuotedCsv', () => {
    expect(parseCsv(encodeCsv(header, rows))).toEqual([header, ...rows]);
    expect(parseCsv(encodeQuotedCsv(header, rows))).toEqual([header, ...rows]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('drops a UTF-8 BOM', () => {
    expect(parseCsv('\uFEFFday,n\n2026-01-01,3\n')).toEqual([['day', 'n'], ['2026-01-01', '3']]);
  });

  it('reads the last row without a final newline', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsv('a,b\n1,""')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('does not make an empty row of the final newline, and reads nothing from empty text', () => {
    expect(parseCsv('a\n')).toEqual([['a']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('reads doubled quotes inside quoted fields', () => {
    expect(parseCsv('"x ""y"" z",""""\n')).toEqual([['x "y" z', '"']]);
  });

  it('rejects an unterminated quote, naming the line it started on', () => {
    expect(() => parseCsv('a\n"open,b\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open,b\n')).toThrow(/line 2/);
  });

  it('rejects a stray quote inside an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('ab"c\n')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"ab"c\n')).toThrow(CsvSyntaxError);
  });
});

describe('lake layout', () => {
  it('builds the contract keys with forward slashes', () => {
    expect(gainsKey('2026-11', 'linkedin', '2414183', 'api')).toBe('follower_gains/month=2026-11/linkedin-2414183-api.csv');
    expect(totalsKey('2027-01', 'linkedin', '2414183', 'import')).toBe('follower_totals/month=2027-01/linkedin-2414183-import.csv');
    expect(syncRunKey('2026-11', '20261128T070001Z-3f9a')).toBe('sync_runs/month=2026-11/20261128T070001Z-3f9a.csv');
    expect(ACCOUNTS_KEY).toBe('accounts/accounts.csv');
    expect(COMPANY_EVENTS_KEY).toBe('company_events/company_events.csv');
  });

  it('keeps the gains columns in the contract order', () => {
    expect(GAINS_COLUMNS.join(',')).toBe('day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at');
  });

  it('refuses values that would escape the layout', () => {
    expect(() => gainsKey('2026-13', 'linkedin', '1', 'api')).toThrow(RangeError);
    expect(() => gainsKey('2026-11', 'myspace', '1', 'api')).toThrow(RangeError);
    expect(() => gainsKey('2026-11', 'linkedin', '../1', 'api')).toThrow(RangeError);
    expect(() => syncRunKey('2026-11', '.hidden')).toThrow(RangeError);
  });

  it('parses every key it builds back', () => {
    expect(parseLakeKey(gainsKey('2026-11', 'linkedin', 'a-b', 'import'))).toEqual({
      table: 'follower_gains',
      month: '2026-11',
      network: 'linkedin',
      accountId: 'a-b',
      source: 'import',
    });
    expect(parseLakeKey('sync_runs/month=2026-11/r1.csv')).toEqual({ table: 'sync_runs', month: '2026-11', runId: 'r1' });
    expect(parseLakeKey(ACCOUNTS_KEY)).toEqual({ table: 'accounts' });
  });

  it.each([
    'follower_gains/month=2026-11/.linkedin-1-api.csv.123.ab.tmp',
    'follower_gains/month=2026-11/linkedin-1-api.csv.bak',
    'follower_gains/month=2026-11/linkedin-1-web.csv',
    'follower_gains/month=26-11/linkedin-1-api.csv',
    'follower_gains/linkedin-1-api.csv',
    'notes.txt',
    'accounts/other.csv',
  ])('does not take %s for a data file', (key) => {
    expect(parseLakeKey(key)).toBeNull();
  });
});
