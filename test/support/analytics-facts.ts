import { accountFacts, type AccountFacts } from '../../src/main/engine/analytics/daily-facts';

/** Facts from `{ day: [organic, paid] }` and `{ day: followers }` (api rows), for hand-computed tests. */
export function factsOf(accountId: string, gains: Record<string, [number, number | null]>, totals: Record<string, number> = {}, network: 'linkedin' | 'x' = 'linkedin'): AccountFacts {
  return accountFacts(
    network,
    accountId,
    Object.entries(gains).map(([day, [organic, paid]]) => ({ day, source: 'api' as const, organicGain: organic, paidGain: paid, totalGain: organic + (paid ?? 0) })),
    Object.entries(totals).map(([day, followers]) => ({ day, source: 'api' as const, followers })),
  );
}
