import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/main/engine/analytics/report';
import { networkFollowerLines, networkGainColumns, networksWithoutGains } from '../../src/shared/dashboard/network-lines';
import { factsOf } from '../support/analytics-facts';

// LinkedIn page A: 10 a day from 2027-03-01 (count 1000 on 03-01); an X handle counted 200 on
// 03-03 and 210 on 03-05 only. Period 03-02 … 03-05.
function report(granularity: 'day' | 'week' = 'day') {
  const gains: Record<string, [number, number]> = {};
  for (const day of ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-05']) gains[day] = [10, 0];
  return buildReport({
    accounts: [
      { account: { network: 'linkedin', accountId: 'A', name: 'Acme' }, facts: factsOf('A', gains, { '2027-03-01': 1000 }) },
      { account: { network: 'x', accountId: 'acme', name: 'acme' }, facts: factsOf('acme', {}, { '2027-03-03': 200, '2027-03-05': 210 }, 'x') },
    ],
    range: { from: '2027-03-02', to: '2027-03-05' },
    granularity,
  });
}

describe('cross-network lines', () => {
  it('indexes each network to 100 at the period start; one counted later from its first count, and says so', () => {
    const [linkedin, x] = networkFollowerLines(report());
    // LinkedIn: base = 1000 (end of 03-01); 03-04 has no row and no count: a gap, not 100 or 0.
    expect(linkedin).toMatchObject({ network: 'linkedin', base: 1000, indexedFromDay: null, followers: [1010, 1020, null, 1030], indexed: [101, 102, null, 103] });
    // X: no count before 03-03, so 200 is its base; 210 / 200 = 105.
    expect(x).toMatchObject({ network: 'x', base: 200, indexedFromDay: '2027-03-03', followers: [null, 200, null, 210], indexed: [null, 100, null, 105] });
  });

  it('the gains columns leave a bucket without data empty and name networks without gains', () => {
    const { buckets, byNetwork } = networkGainColumns(report().networkSeries!);
    expect(buckets).toEqual(['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']);
    expect(byNetwork.get('linkedin')).toEqual([10, 10, null, 10]);
    expect(byNetwork.get('x')).toEqual([null, null, null, null]);
    expect(networksWithoutGains(byNetwork)).toEqual(['x']);
    // 2027-03-01 is a Monday: the ISO week holds the whole period.
    expect(networkGainColumns(report('week').networkSeries!).byNetwork.get('linkedin')).toEqual([30]);
  });
});
