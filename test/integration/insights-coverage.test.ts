import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coverageView } from '../../src/main/engine/app/coverage-view';
import { coverageFromFacts } from '../../src/main/engine/app/insights-coverage';
import { LakeFactsStore } from '../../src/main/engine/derived/lake-facts-store';
import { planBounds } from '../../src/main/engine/sync/sync-planner';
import { defaultSettings } from '../../src/shared/settings-schema';
import { ACME, BETA, writeSampleLake } from '../support/sample-lake';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('lake.coverage from the derived store', () => {
  it('equals the view built from every file, for pages with and without data', async () => {
    dir = await mkdtemp(join(tmpdir(), 'fp-coverage-'));
    const lake = await writeSampleLake(join(dir, 'lake'));
    const settings = defaultSettings();
    settings.accounts = [
      { network: 'linkedin', id: ACME, name: 'Acme', enabled: true },
      { network: 'linkedin', id: BETA, name: 'Beta', enabled: true },
      { network: 'linkedin', id: '777', name: 'No data yet', enabled: true },
    ];
    const bounds = planBounds(new Date('2026-11-28T10:00:00Z'), settings.linkedin);
    const expected = [];
    for (const account of settings.accounts) {
      expected.push(coverageView(account, await lake.readGains(account.network, account.id), await lake.readTotals(account.network, account.id), bounds));
    }
    const fast = coverageFromFacts(settings, await new LakeFactsStore(lake.dir, null).facts(), bounds);
    expect(fast).toEqual(expected);
    expect(fast[0].presentDays.length).toBeGreaterThan(0);
    expect(fast[2].firstDay).toBeNull();
  });
});
