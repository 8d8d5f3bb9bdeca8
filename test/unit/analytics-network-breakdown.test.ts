import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/main/cli/commands/report-command';
import { buildReport } from '../../src/main/engine/analytics/report';
import { dayRange } from '../../src/main/engine/dates';
import { factsOf } from '../support/analytics-facts';

// LinkedIn page A, 2026-12-26 … 2027-01-05: organic = the day of the month, paid = 1 on even
// days; counts 1000 on 12-30 and 1040 on 01-03. Daily totals 29, 31, 31, 1, 3, 3 over 12-29 … 01-03.
function pageA(skip: string[] = []) {
  const gains: Record<string, [number, number]> = {};
  for (const day of dayRange('2026-12-26', '2027-01-05')) {
    if (skip.includes(day)) continue;
    const dom = Number(day.slice(8));
    gains[day] = [dom, dom % 2 === 0 ? 1 : 0];
  }
  return factsOf('A', gains, { '2026-12-30': 1000, '2027-01-03': 1040 });
}
// An X handle: counts only (X serves no daily gains), first counted inside the period.
const handle = () => factsOf('X1', {}, { '2026-12-31': 500, '2027-01-02': 510 }, 'x');
const range = { from: '2026-12-29', to: '2027-01-03' };

function report(skip: string[] = [], granularity: 'day' | 'week' = 'day') {
  return buildReport({
    accounts: [
      { account: { network: 'linkedin', accountId: 'A', name: 'Acme' }, facts: pageA(skip) },
      { account: { network: 'x', accountId: 'X1', name: 'acme' }, facts: handle() },
    ],
    range,
    granularity,
  });
}

describe('report per network', () => {
  it('lines: gains networks like the totals, counts-only networks between their counts', () => {
    expect(report().networks).toEqual([
      // start = 12-28 reconstructed back from 1000: 1000 − 31 − 29 = 940; net = 98 summed gains; 98 / 940 = 10.4 %; 1040 / 1550
      { network: 'linkedin', followersStart: 940, followersEnd: 1040, netGain: 98, growthPct: 10.4, share: 0.671, netGainFrom: 'gains', startDay: '2026-12-28' },
      // no count before the period: from its first count (12-31, 500) to its last (01-02, 510); 10 / 500 = 2 %; 510 / 1550
      { network: 'x', followersStart: 500, followersEnd: 510, netGain: 10, growthPct: 2, share: 0.329, netGainFrom: 'counts', startDay: '2026-12-31' },
    ]);
  });

  it('daily: followers counted or reconstructed; a day nothing was measured is a gap, not a zero', () => {
    const days = report(['2026-12-31']).networkDaily!;
    const of = (network: string) => days.filter((d) => d.network === network).map((d) => [d.day.slice(5), d.followers, d.reconstructed, d.gain, d.hasData]);
    expect(of('linkedin')).toEqual([
      ['12-29', 969, true, 29, true], // 1000 − 31
      ['12-30', 1000, false, 31, true],
      ['12-31', null, false, 0, false], // no row, no count: a gap
      ['01-01', 1034, true, 1, true], // 1040 − 3 − 3
      ['01-02', 1037, true, 3, true],
      ['01-03', 1040, false, 3, true],
    ]);
    expect(of('x')).toEqual([
      ['12-29', null, false, 0, false],
      ['12-30', null, false, 0, false],
      ['12-31', 500, false, 0, false],
      ['01-01', null, false, 0, false],
      ['01-02', 510, false, 0, false],
      ['01-03', null, false, 0, false],
    ]);
  });

  it('series: each network bucketed like the totals; a bucket without data has daysWithData 0', () => {
    expect(report(['2026-12-31'], 'week').networkSeries).toEqual([
      { network: 'linkedin', bucket: '2026-12-28', total: 98 - 31, daysWithData: 5 },
      { network: 'x', bucket: '2026-12-28', total: 0, daysWithData: 0 },
    ]);
    const daily = report([], 'day').networkSeries!;
    expect(daily.filter((b) => b.network === 'linkedin').map((b) => b.total)).toEqual([29, 31, 31, 1, 3, 3]);
    expect(daily).toHaveLength(12);
  });

  it('a gains network missing its start count has no start, growth or index base', () => {
    const doc = buildReport({ accounts: [{ account: { network: 'linkedin', accountId: 'B', name: 'B' }, facts: factsOf('B', { '2026-12-29': [5, 0] }) }], range, granularity: 'day' });
    expect(doc.networks).toEqual([{ network: 'linkedin', followersStart: null, followersEnd: null, netGain: 5, growthPct: null, share: null, netGainFrom: 'gains', startDay: null }]);
    expect(doc.networkDaily).toBeUndefined(); // one network: `daily` says it all
  });
});

describe('report in the terminal', () => {
  it('lists every network with its change and share when the pages span several', () => {
    const lines = formatReport(report());
    const table = lines.slice(lines.findIndex((l) => l.trim().startsWith('network')));
    expect(table.map((l) => l.trim().split(/\s{2,}/))).toEqual([
      ['network', 'start', 'end', 'net', 'growth', 'share'],
      ['linkedin', '940', '1,040', '+98', '+10.4%', '67.1%'],
      ['x†', '500', '510', '+10', '+2%', '32.9%'],
      ['† x reports only its follower total: the change is between its counts, from 2026-12-31'],
    ]);
  });
});
