import { describe, expect, it } from 'vitest';
import type { AccountRunResult } from '../../src/shared/run-record';
import { exitCodeFor, runStatus, worstStatus } from '../../src/main/engine/sync/run-status';

const ok = (rows = 0): AccountRunResult => ({ network: 'linkedin', accountId: '1', daysRequested: [], daysWritten: rows, rowsWritten: rows, missingDays: [], error: null });
const bad: AccountRunResult = { ...ok(), error: { code: 'LINKEDIN_TOKEN_EXPIRED', message: 'expired' } };
const base = { accountsWithoutNewestDay: 0, destinationFailures: 0, lakeFailed: false };

describe('runStatus (contract §7, worst first)', () => {
  it('up-to-date when nothing changed, success when something did', () => {
    expect(runStatus({ ...base, accounts: [ok(0)] })).toBe('up-to-date');
    expect(runStatus({ ...base, accounts: [ok(3)] })).toBe('success');
  });

  it('no-data beats success', () => {
    expect(runStatus({ ...base, accounts: [ok(3)], accountsWithoutNewestDay: 1 })).toBe('no-data');
  });

  it('partial when one account or a destination fails', () => {
    expect(runStatus({ ...base, accounts: [ok(3), bad], accountsWithoutNewestDay: 1 })).toBe('partial');
    expect(runStatus({ ...base, accounts: [ok(3)], destinationFailures: 1 })).toBe('partial');
  });

  it('failed when every account failed or the lake could not be written', () => {
    expect(runStatus({ ...base, accounts: [bad, bad] })).toBe('failed');
    expect(runStatus({ ...base, accounts: [ok(3)], lakeFailed: true })).toBe('failed');
  });

  it('worstStatus orders the five statuses', () => {
    expect(worstStatus(['up-to-date', 'success', 'no-data'])).toBe('no-data');
    expect(worstStatus(['success', 'failed', 'partial'])).toBe('failed');
    expect(worstStatus([])).toBe('up-to-date');
  });

  it('failed, partial and no-data exit 1', () => {
    expect(['failed', 'partial', 'no-data', 'success', 'up-to-date'].map((s) => exitCodeFor(s as never))).toEqual([1, 1, 1, 0, 0]);
  });
});
