import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import {
  chooseApiOverImport,
  decodeGains,
  decodeTotals,
  encodeGains,
  encodeTotals,
  groupByMonth,
  mergeRows,
  preferApiRows,
  type GainRow,
  type TotalRow,
} from '../../src/main/engine/lake/lake-rows';

const OLD = '2026-11-20T07:00:00.000Z';
const NEW = '2026-11-28T07:00:00.000Z';

function gain(day: string, organic: number, paid: number | null = 0, overrides: Partial<GainRow> = {}): GainRow {
  return {
    day,
    network: 'linkedin',
    accountId: '2414183',
    organicGain: organic,
    paidGain: paid,
    totalGain: organic + (paid ?? 0),
    source: 'api',
    fetchedAt: OLD,
    ...overrides,
  };
}

function total(day: string, followers: number, fetchedAt = OLD): TotalRow {
  return { day, network: 'linkedin', accountId: '2414183', followers, source: 'api', fetchedAt };
}

describe('mergeRows', () => {
  it('adds new days and reports them as changed', () => {
    const result = mergeRows([gain('2026-11-01', 1)], [gain('2026-11-02', 2, 1, { fetchedAt: NEW })]);
    expect(result.rows.map((r) => r.day)).toEqual(['2026-11-01', '2026-11-02']);
    expect(result.changedDays).toEqual(['2026-11-02']);
  });

  it('keeps the existing row and its fetchedAt when a re-read day did not change', () => {
    const existing = [gain('2026-11-01', 5, 2)];
    const result = mergeRows(existing, [gain('2026-11-01', 5, 2, { fetchedAt: NEW })]);
    expect(result.changedDays).toEqual([]);
    expect(result.rows).toEqual(existing);
    expect(result.rows[0]?.fetchedAt).toBe(OLD);
  });

  it('replaces a revised day, never duplicating it', () => {
    const result = mergeRows([gain('2026-11-01', 5), gain('2026-11-02', 1)], [gain('2026-11-01', 6, 0, { fetchedAt: NEW })]);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject({ day: '2026-11-01', organicGain: 6, fetchedAt: NEW });
    expect(result.changedDays).toEqual(['2026-11-01']);
  });

  it('treats paid_gain going from empty to 0 as a change', () => {
    const result = mergeRows([gain('2026-11-01', 5, null)], [gain('2026-11-01', 5, 0)]);
    expect(result.changedDays).toEqual(['2026-11-01']);
  });

  it('lets the later of two incoming rows for the same day win', () => {
    const result = mergeRows([], [gain('2026-11-03', 1), gain('2026-11-03', 4)]);
    expect(result.rows).toEqual([gain('2026-11-03', 4)]);
    expect(result.changedDays).toEqual(['2026-11-03']);
  });

  it('sorts rows and changed days by day whatever the input order', () => {
    const result = mergeRows([gain('2026-11-09', 1), gain('2026-11-02', 1)], [gain('2026-11-05', 1), gain('2026-11-01', 1)]);
    expect(result.rows.map((r) => r.day)).toEqual(['2026-11-01', '2026-11-02', '2026-11-05', '2026-11-09']);
    expect(result.changedDays).toEqual(['2026-11-01', '2026-11-05']);
  });

  it('merges totals by followers', () => {
    const same = mergeRows([total('2026-11-28', 100)], [total('2026-11-28', 100, NEW)]);
    expect(same.changedDays).toEqual([]);
    const changed = mergeRows([total('2026-11-28', 100)], [total('2026-11-28', 101, NEW)]);
    expect(changed.rows).toEqual([total('2026-11-28', 101, NEW)]);
  });
});

describe('groupByMonth', () => {
  it('splits across the December → January year boundary, months in order', () => {
    const groups = groupByMonth([gain('2027-01-01', 1), gain('2026-12-31', 1), gain('2026-12-30', 1)]);
    expect([...groups.keys()]).toEqual(['2026-12', '2027-01']);
    expect(groups.get('2026-12')?.map((r) => r.day)).toEqual(['2026-12-30', '2026-12-31']);
    expect(groups.get('2027-01')?.map((r) => r.day)).toEqual(['2027-01-01']);
  });

  it('keeps 29 February 2028 in February', () => {
    const groups = groupByMonth([gain('2028-03-01', 1), gain('2028-02-29', 1), gain('2028-02-28', 1)]);
    expect([...groups.keys()]).toEqual(['2028-02', '2028-03']);
    expect(groups.get('2028-02')?.map((r) => r.day)).toEqual(['2028-02-28', '2028-02-29']);
  });
});

describe('month file encoding', () => {
  it('writes the contract header, rows sorted by day, empty paid_gain for null', () => {
    const text = encodeGains([gain('2026-11-02', -3, null), gain('2026-11-01', 5, 2)]);
    expect(text).toBe(
      'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n' +
        `2026-11-01,linkedin,2414183,5,2,7,api,${OLD}\n` +
        `2026-11-02,linkedin,2414183,-3,,-3,api,${OLD}\n`,
    );
  });

  it('round-trips gains and totals', () => {
    const gains = [gain('2026-11-01', 5, 2), gain('2026-11-02', -3, null)];
    expect(decodeGains(encodeGains(gains), 'g.csv')).toEqual(gains);
    const totals = [total('2026-11-01', 10), total('2026-11-02', 12)];
    expect(decodeTotals(encodeTotals(totals), 't.csv')).toEqual(totals);
  });

  it('reads a file saved with CRLF and a BOM (e.g. after Excel)', () => {
    const text = '\uFEFF' + encodeGains([gain('2026-11-01', 5, 2)]).replaceAll('\n', '\r\n');
    expect(decodeGains(text, 'g.csv')).toEqual([gain('2026-11-01', 5, 2)]);
  });

  const header = 'day,network,account_id,organic_gain,paid_gain,total_gain,source,fetched_at\n';
  it.each([
    ['a wrong header', 'day,organic\n2026-11-01,1\n', /line 1/],
    ['a short line', `${header}2026-11-01,linkedin,1,5\n`, /line 2: 4 fields/],
    ['an impossible day', `${header}2026-02-30,linkedin,1,5,0,5,api,${OLD}\n`, /line 2: day/],
    ['a non-integer gain', `${header}2026-11-01,linkedin,1,5.5,0,5.5,api,${OLD}\n`, /organic_gain/],
    ['a wrong total', `${header}2026-11-01,linkedin,1,5,1,5,api,${OLD}\n`, /total_gain/],
    ['an unknown source', `${header}2026-11-01,linkedin,1,5,0,5,web,${OLD}\n`, /source/],
    ['a duplicated day', `${header}2026-11-01,linkedin,1,5,0,5,api,${OLD}\n2026-11-01,linkedin,1,5,0,5,api,${OLD}\n`, /line 3: day 2026-11-01 appears twice/],
    ['broken quoting', `${header}"2026-11-01,linkedin\n`, /Unterminated/],
  ])('rejects %s with LAKE_WRITE_FAILED naming the file', (_what, text, detail) => {
    let caught: unknown;
    try {
      decodeGains(text, '/lake/follower_gains/month=2026-11/linkedin-1-api.csv');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('LAKE_WRITE_FAILED');
    expect((caught as AppError).message).toContain('/lake/follower_gains/month=2026-11/linkedin-1-api.csv');
    expect((caught as AppError).message).toMatch(detail);
  });

  it('rejects a row that belongs to another month or account than its file', () => {
    const text = encodeGains([gain('2026-12-01', 1)]);
    const expected = { month: '2026-11', network: 'linkedin', accountId: '2414183', source: 'api' as const };
    expect(() => decodeGains(text, 'f.csv', expected)).toThrow(/does not belong to month 2026-11/);
    expect(() => decodeGains(text, 'f.csv', { ...expected, month: '2026-12', accountId: '9' })).toThrow(/not linkedin-9-api/);
  });
});

describe('preferApiRows', () => {
  it('keeps the api row where api and import share a day, and import rows elsewhere', () => {
    const rows = [gain('2026-11-01', 9, 0, { source: 'import' }), gain('2026-11-01', 5), gain('2026-10-31', 3, 0, { source: 'import' })];
    expect(preferApiRows(rows)).toEqual([gain('2026-10-31', 3, 0, { source: 'import' }), gain('2026-11-01', 5)]);
  });

  it('applies the rule per network and account: another page’s api row does not hide an import', () => {
    const other = gain('2026-11-01', 7, 0, { accountId: '99' });
    const imported = gain('2026-11-01', 9, 0, { source: 'import' });
    expect(preferApiRows([imported, other])).toEqual([imported, other]);
    expect(preferApiRows([imported, gain('2026-11-01', 4, 0, { network: 'facebook' })])).toHaveLength(2);
  });
});

describe('chooseApiOverImport', () => {
  it('keys by what the caller says and keeps the first row of the same source', () => {
    const first = gain('2026-11-01', 1, 0, { source: 'import' });
    const second = gain('2026-11-01', 2, 0, { source: 'import' });
    const api = gain('2026-11-01', 3);
    expect([...chooseApiOverImport([first, second], (r) => r.day).values()]).toEqual([first]);
    expect([...chooseApiOverImport([api, first], (r) => r.day).values()]).toEqual([api]);
    expect([...chooseApiOverImport([first, api, gain('2026-11-01', 4)], (r) => r.day).values()]).toEqual([api]);
  });
});
