import { describe, expect, it } from 'vitest';
import { formatInstantWithSeconds, runsNeedingSeconds } from '../../src/shared/close-runs';

describe('runsNeedingSeconds', () => {
  it('marks runs started within five minutes of a neighbour, and only those', () => {
    const runs = [
      { runId: 'c', startedAt: '2026-11-28T10:00:40Z' },
      { runId: 'b', startedAt: '2026-11-28T10:00:05Z' },
      { runId: 'a', startedAt: '2026-11-27T10:00:00Z' },
    ];
    expect([...runsNeedingSeconds(runs)].sort()).toEqual(['b', 'c']);
  });

  it('marks nothing for daily runs or a single run', () => {
    expect(runsNeedingSeconds([{ runId: 'a', startedAt: '2026-11-28T10:00:00Z' }]).size).toBe(0);
    expect(runsNeedingSeconds([
      { runId: 'b', startedAt: '2026-11-28T10:00:00Z' },
      { runId: 'a', startedAt: '2026-11-28T09:54:59Z' },
    ]).size).toBe(0);
  });
});

describe('formatInstantWithSeconds', () => {
  it('writes seconds in both languages, Brazilian style without the comma', () => {
    const pt = formatInstantWithSeconds('2026-11-28T10:00:07Z', 'pt-BR');
    expect(pt).toMatch(/^\d{2}\/\d{2}\/2026 \d{2}:\d{2}:07$/);
    expect(formatInstantWithSeconds('2026-11-28T10:00:07Z', 'en')).toMatch(/2026.*:07/);
    expect(formatInstantWithSeconds('not a date', 'en')).toBe('not a date');
  });
});
