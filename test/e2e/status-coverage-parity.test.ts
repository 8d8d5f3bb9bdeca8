import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { dayRange } from '../../src/main/engine/dates';
import type { GainRow, TotalRow } from '../../src/main/engine/lake/lake-rows';
import { LocalLake } from '../../src/main/engine/lake/local-lake';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { FETCHED_AT } from '../support/lake-fixture';
import type { CoverageView } from '../../src/shared/ui-api';

/*
 * Issue 8: the CLI and the app answer "what does the lake hold" with the same code, so they
 * cannot disagree. Four pages, each a case the two used to answer differently or could.
 */
const NOW = '2026-11-28T10:00:00Z';
// lagDays 3 and LinkedIn's 12 months: the window is 2025-11-28 → 2026-11-25.
const WINDOW = dayRange('2025-11-28', '2026-11-25');

const TIE = '1001';
const EMPTY = '1002';
const GAP = '1003';
const IMPORTED = '1004';

function gain(accountId: string, day: string, organic: number, source: 'api' | 'import' = 'api'): GainRow {
  return { day, network: 'linkedin', accountId, organicGain: organic, paidGain: 1, totalGain: organic + 1, source, fetchedAt: FETCHED_AT };
}

function total(accountId: string, day: string, followers: number, source: 'api' | 'import'): TotalRow {
  return { day, network: 'linkedin', accountId, followers, source, fetchedAt: FETCHED_AT };
}

let home: string;

beforeEach(async () => {
  home = await tempHome('fp-parity-');
  const accounts = [TIE, EMPTY, GAP, IMPORTED].map((id) => ({ network: 'linkedin', id, name: `Page ${id}`, enabled: true }));
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, accounts }));
  const lake = new LocalLake(join(home, 'lake'));
  await mkdir(join(home, 'lake'), { recursive: true });
  // An api/import tie on the newest snapshot: the api count wins.
  await lake.mergeGains(WINDOW.map((day) => gain(TIE, day, 5)));
  await lake.mergeTotals([total(TIE, '2026-11-20', 900, 'api'), total(TIE, '2026-11-25', 1000, 'api')]);
  await lake.mergeTotals([total(TIE, '2026-11-25', 999, 'import')]);
  // A gap after the first day; the days before the first one are not gaps.
  await lake.mergeGains(dayRange('2026-11-01', '2026-11-25').filter((d) => d !== '2026-11-10').map((day) => gain(GAP, day, 2)));
  await lake.mergeTotals([total(GAP, '2026-11-25', 300, 'api')]);
  // A month known only from an import, the rest from the API; an import older than the api snapshot.
  await lake.mergeGains(dayRange('2026-06-01', '2026-06-30').map((day) => gain(IMPORTED, day, 7, 'import')));
  await lake.mergeGains(dayRange('2026-07-01', '2026-11-25').map((day) => gain(IMPORTED, day, 3)));
  await lake.mergeTotals([total(IMPORTED, '2026-06-30', 40, 'import')]);
  await lake.mergeTotals([total(IMPORTED, '2026-11-25', 75, 'api')]);
});


interface Answer {
  network: string;
  accountId: string;
  name: string;
  firstDay: string | null;
  lastDay: string | null;
  missingDays: string[];
  totalFollowers: number | null;
}

function answer(a: Answer): Answer {
  return { network: a.network, accountId: a.accountId, name: a.name, firstDay: a.firstDay, lastDay: a.lastDay, missingDays: a.missingDays, totalFollowers: a.totalFollowers };
}

async function statusJson(): Promise<Answer[]> {
  const r = await runCliProcess(['status', '--json'], cliEnv({ home, now: NOW }));
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { accounts: Answer[] }).accounts.map(answer);
}

// The UI gets missing days as ranges and a count (a page of 200 × 3 years would otherwise send
// every day); spelt out again here, they must be the very days status lists.
function uiAnswer(c: CoverageView): Answer {
  const missingDays = c.missingRanges.flatMap((r) => dayRange(r.from, r.to));
  expect(c.missingCount).toBe(missingDays.length);
  return answer({ ...c, missingDays });
}

async function uiCoverage(): Promise<CoverageView[]> {
  const handlers = createUiHandlers({ home, env: {}, secrets: new MemorySecretStore(), logger: nullLogger, now: () => new Date(NOW), transport: 'http', watchSettings: false });
  try {
    const result = await handlers.handle('lake.coverage', undefined);
    if (!result.ok) throw new Error(result.message);
    return result.value;
  } finally {
    await handlers.close();
  }
}

describe('status --json and the UI API’s lake.coverage', () => {
  it('give the same answers on the same lake', async () => {
    const [cli, views] = await Promise.all([statusJson(), uiCoverage()]);
    expect(cli).toEqual(views.map(uiAnswer));
    const view = new Map(views.map((v) => [v.accountId, v]));
    expect(view.get(EMPTY)).toMatchObject({ missingRanges: [{ from: WINDOW[0], to: WINDOW.at(-1) }], missingCount: WINDOW.length, presentCount: 0 });
    expect(view.get(GAP)).toMatchObject({ missingRanges: [{ from: '2026-11-10', to: '2026-11-10' }], presentCount: 24 });
    expect(view.get(TIE)).toMatchObject({ missingRanges: [], presentCount: WINDOW.length });

    const byId = new Map(cli.map((a) => [a.accountId, a]));
    // api beats import for the newest snapshot.
    expect(byId.get(TIE)).toMatchObject({ firstDay: '2025-11-28', lastDay: '2026-11-25', missingDays: [], totalFollowers: 1000 });
    // No data at all: every day of the window is missing (contract §5), and no total.
    expect(byId.get(EMPTY)).toMatchObject({ firstDay: null, lastDay: null, totalFollowers: null });
    expect(byId.get(EMPTY)?.missingDays).toEqual(WINDOW);
    expect(byId.get(GAP)).toMatchObject({ firstDay: '2026-11-01', missingDays: ['2026-11-10'], totalFollowers: 300 });
    // An imported month counts as data; the newest total is the api snapshot.
    expect(byId.get(IMPORTED)).toMatchObject({ firstDay: '2026-06-01', lastDay: '2026-11-25', missingDays: [], totalFollowers: 75 });
  });
});
