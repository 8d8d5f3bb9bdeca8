import type { Reconciliation } from '../../../shared/insights';
import { cumulativeGain, dayOfNumber, type AccountFacts } from './daily-facts';

const number = new Intl.NumberFormat('en-US');

function signed(n: number): string {
  return n > 0 ? `+${number.format(n)}` : number.format(n);
}

/**
 * Sets the summed daily gains against the change in follower counts over the period (contract
 * §8). Each account is compared between its first and last count inside [from − 1, to] — the
 * counts bracket the gains of the days after the first and up to the last. Nothing is corrected:
 * the difference is reported and explained.
 */
export function reconcile(accounts: readonly AccountFacts[], from: number, to: number, netGain: number, missingDays: number): Reconciliation {
  let gainsSum = 0;
  let totalsChange = 0;
  let compared = 0;
  let spanFrom = Infinity;
  let spanTo = -Infinity;
  for (const facts of accounts) {
    const inside = facts.snapshotDays.map((d, i) => [d, i] as const).filter(([d]) => d >= from - 1 && d <= to);
    if (inside.length < 2) continue;
    const [firstDay, firstIndex] = inside[0];
    const [lastDay, lastIndex] = inside[inside.length - 1];
    compared++;
    totalsChange += facts.snapshotValues[lastIndex] - facts.snapshotValues[firstIndex];
    gainsSum += cumulativeGain(facts, lastDay) - cumulativeGain(facts, firstDay);
    spanFrom = Math.min(spanFrom, firstDay);
    spanTo = Math.max(spanTo, lastDay);
  }
  if (compared === 0) {
    return {
      gainsSum: netGain,
      totalsChange: null,
      difference: null,
      explanation: `No two follower counts were taken within this period, so the summed daily gains (${signed(netGain)}) cannot be checked against the totals.`,
      kind: 'no-counts',
    };
  }
  const difference = totalsChange - gainsSum;
  const span = `between the counts of ${dayOfNumber(spanFrom)} and ${dayOfNumber(spanTo)}`;
  const partial = compared < accounts.length ? ` (${compared} of ${accounts.length} pages have two counts in the period; the others are left out of this check)` : '';
  const base = `Summed daily gains are ${signed(gainsSum)} and follower counts changed by ${signed(totalsChange)} ${span}${partial}.`;
  const missing = missingDays > 0 ? ` ${missingDays} day${missingDays === 1 ? ' has' : 's have'} no gains in the lake, which also counts here.` : '';
  let explanation: string;
  let kind: Reconciliation['kind'];
  if (difference === 0) {
    explanation = `${base} They agree.`;
    kind = 'match';
  } else if (difference < 0) {
    explanation = `${base} The counts grew ${number.format(-difference)} less than the gains: LinkedIn removes inactive and deleted accounts from the total without reporting them as lost followers, and a count is taken at the moment of the sync, not at the end of a day.${missing} Both figures are shown as reported, not corrected.`;
    kind = 'totals-lower';
  } else {
    explanation = `${base} The counts grew ${number.format(difference)} more than the gains: a count is taken at the moment of the sync, so it may already include part of a day whose gains are not counted yet.${missing} Both figures are shown as reported, not corrected.`;
    kind = 'totals-higher';
  }
  return { gainsSum, totalsChange, difference, explanation, kind, comparedFrom: dayOfNumber(spanFrom), comparedTo: dayOfNumber(spanTo) };
}
