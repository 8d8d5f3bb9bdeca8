import { addDays, type Day } from '../engine/dates';
import type { RunRecord } from '../../shared/run-record';

export interface DayRange {
  from: Day;
  to: Day;
  days: number;
}

/** Consecutive days folded into ranges, pure: a year's backfill is one range, not 363 lines. */
export function dayRanges(days: readonly Day[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const day of [...new Set(days)].sort()) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === day) {
      last.to = day;
      last.days += 1;
    } else {
      ranges.push({ from: day, to: day, days: 1 });
    }
  }
  return ranges;
}

/**
 * `sync --json`: the run record of contract §7 (its `daysRequested` list unchanged) plus
 * `daysRequestedRanges` per account, the form a person or a script reads at a glance.
 */
export function withRequestedRanges(record: RunRecord): RunRecord & { accounts: (RunRecord['accounts'][number] & { daysRequestedRanges: DayRange[] })[] } {
  return { ...record, accounts: record.accounts.map((a) => ({ ...a, daysRequestedRanges: dayRanges(a.daysRequested) })) };
}
