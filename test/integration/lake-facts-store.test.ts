import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/main/engine/analytics/daily-facts';
import { LakeFactsStore } from '../../src/main/engine/derived/lake-facts-store';
import type { LocalLake } from '../../src/main/engine/lake/local-lake';
import { gainRow, totalRow } from '../support/lake-fixture';
import { ACME, BETA, writeSampleLake } from '../support/sample-lake';

let dir: string;
let lake: LocalLake;
const cachePath = () => join(dir, 'home', 'derived', 'lake-facts.json');

/** Makes every lake folder and file look old, as a lake is between syncs (fresh stamps are re-checked anyway). */
async function age(path: string): Promise<void> {
  const old = new Date(Date.now() - 60_000);
  const { readdir } = await import('node:fs/promises');
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await age(child);
    await utimes(child, old, old);
  }
}

const totalOn = (facts: Awaited<ReturnType<LakeFactsStore['facts']>>, account: string, day: string): number | undefined => {
  const f = facts.accounts.get(account)!;
  const i = dayNumber(day) - f.start;
  return f.has[i] ? f.total[i] : undefined;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fp-facts-'));
  lake = await writeSampleLake(join(dir, 'lake'));
  await age(join(dir, 'lake'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LakeFactsStore', () => {
  it('reads the lake with api over import, skipping temporary and stray files', async () => {
    const store = new LakeFactsStore(lake.dir, cachePath());
    const facts = await store.facts();
    expect([...facts.accounts.keys()]).toEqual([`linkedin:${ACME}`, `linkedin:${BETA}`]);
    // 2026-09-01 has an absurd import row (1000) and the api row (index 0: organic −1, paid 0)
    expect(totalOn(facts, `linkedin:${ACME}`, '2026-09-01')).toBe(-1);
    // before the api rows start only the import rows exist
    expect(totalOn(facts, `linkedin:${ACME}`, '2026-08-15')).toBe(1000);
    expect(facts.accounts.get(`linkedin:${ACME}`)!.snapshotValues).toEqual([4500, 5000, 5010]); // api 5000 beats import 4000 on 11-20
    expect(facts.names.get(`linkedin:${BETA}`)).toBe('Beta');
    expect(store.lastRefresh.filesRead).toBeGreaterThan(0);
  });

  it('a warm call reads nothing; a changed file is read again, alone', async () => {
    const store = new LakeFactsStore(lake.dir, cachePath());
    await store.facts();
    await store.facts();
    expect(store.lastRefresh).toEqual({ foldersScanned: 0, filesRead: 0, accountsRebuilt: 0 });
    await lake.mergeGains([gainRow(BETA, '2026-11-26', 40, 2)]);
    const facts = await store.facts();
    expect(store.lastRefresh).toMatchObject({ filesRead: 1, accountsRebuilt: 1 });
    expect(totalOn(facts, `linkedin:${BETA}`, '2026-11-26')).toBe(42);
  });

  it('a new process starts from the cache file and still sees changes made meanwhile; deleting the cache is harmless', async () => {
    await new LakeFactsStore(lake.dir, cachePath()).facts();
    expect((await stat(cachePath())).mode & 0o777).toBe(0o600);
    await lake.mergeTotals([totalRow(ACME, '2026-11-28', 5020)]);
    const second = new LakeFactsStore(lake.dir, cachePath());
    const facts = await second.facts();
    expect(second.lastRefresh.filesRead).toBe(1);
    expect(facts.accounts.get(`linkedin:${ACME}`)!.snapshotValues.at(-1)).toBe(5020);
    await rm(cachePath());
    const third = new LakeFactsStore(lake.dir, cachePath());
    expect((await third.facts()).accounts.get(`linkedin:${ACME}`)!.snapshotValues.at(-1)).toBe(5020);
  });

  it('a removed file drops its rows; a damaged cache file is rebuilt', async () => {
    const store = new LakeFactsStore(lake.dir, cachePath());
    await store.facts();
    await rm(lake.pathOf(`follower_gains/month=2026-08/linkedin-${ACME}-import.csv`));
    const facts = await store.facts();
    expect(totalOn(facts, `linkedin:${ACME}`, '2026-08-15')).toBeUndefined();
    await writeFile(cachePath(), '{"version": 1, "files": [broken');
    const fresh = new LakeFactsStore(lake.dir, cachePath());
    expect(totalOn(await fresh.facts(), `linkedin:${ACME}`, '2026-09-02')).toBeDefined();
  });
});
