import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUiHandlers, type AppUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { acquireLock } from '../../src/main/engine/lock/lake-lock';
import type { ApiResult } from '../../src/shared/ui-api';
import { ACME, writeSampleLake } from '../support/sample-lake';

let home: string;
let handlers: AppUiHandlers;

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fp-insights-ui-'));
  await writeSampleLake(join(home, 'lake'));
  handlers = createUiHandlers({ home, env: {}, secrets: new MemorySecretStore(), logger: nullLogger, now: () => new Date('2026-11-28T10:00:00Z'), transport: 'http', watchSettings: false });
});

afterEach(async () => {
  await handlers.close();
  await rm(home, { recursive: true, force: true });
});

describe('insights UI methods', () => {
  it('insights.report returns the report document; bad requests are USAGE failures', async () => {
    const doc = value(await handlers.handle('insights.report', { accounts: [`linkedin:${ACME}`], from: '2026-11-01', to: '2026-11-25', granularity: 'week' }));
    expect(doc).toMatchObject({ from: '2026-11-01', to: '2026-11-25', granularity: 'week', accounts: [{ accountId: ACME }] });
    expect(doc.series[0].bucket).toBe('2026-10-26');
    const bad = await handlers.handle('insights.report', { from: '2026-11-01' });
    expect(bad).toMatchObject({ ok: false, code: 'USAGE' });
    expect(await handlers.handle('insights.report', { accounts: ['linkedin:404'] })).toMatchObject({ ok: false, code: 'USAGE' });
  });

  it('events: add, update, remove and an all-or-nothing import', async () => {
    const added = value(await handlers.handle('events.add', { day: '2026-11-10', title: 'Webinar', category: 'campaign', accountId: `linkedin:${ACME}` }));
    expect(added).toMatchObject({ network: 'linkedin', accountId: ACME, impact: { windowDays: 7 } });
    const updated = value(await handlers.handle('events.update', { id: added.id, day: '2026-11-12', title: 'Webinar (moved)' }));
    expect(updated).toMatchObject({ id: added.id, day: '2026-11-12', accountId: null, network: null });
    const refused = await handlers.handle('events.add', { day: '2026-11-10', endDay: '2026-11-01', title: 'Backwards' });
    expect(refused).toMatchObject({ ok: false, code: 'USAGE' });
    const before = await readFile(join(home, 'events.json'), 'utf8');
    const badImport = await handlers.handle('events.import', { csv: 'day,title\n2026-11-01,Fine\nnot-a-day,Broken\n' });
    expect(badImport).toMatchObject({ ok: false, code: 'USAGE' });
    expect(!badImport.ok && badImport.message).toContain('row 2');
    expect(await readFile(join(home, 'events.json'), 'utf8')).toBe(before);
    expect(value(await handlers.handle('events.import', { csv: 'id,day,title,account_id\nimp-9,2026-11-01,Fine,linkedin:99\n' }))).toEqual({ imported: 1 });
    const listed = value(await handlers.handle('events.list', undefined));
    expect(listed.events.map((e) => e.title)).toEqual(['Launch post', 'November ads', 'Fine', 'Webinar (moved)']);
    expect(value(await handlers.handle('events.remove', { id: added.id }))).toEqual({ removed: true });
    expect(value(await handlers.handle('events.remove', { id: added.id }))).toEqual({ removed: false });
    const lakeTable = await readFile(join(home, 'lake', 'company_events', 'company_events.csv'), 'utf8');
    expect(lakeTable.split('\n')[0]).toBe('"id","day","end_day","network","category","title","notes","account_id"');
    expect(lakeTable).toContain('"linkedin","other","Fine","","99"');
  });

  it('an event is not written while another process holds the lake lock', async () => {
    const lock = await acquireLock(home, { trigger: 'cli' });
    try {
      expect(await handlers.handle('events.add', { day: '2026-11-10', title: 'Blocked' })).toMatchObject({ ok: false, code: 'LOCK_HELD' });
    } finally {
      await lock.release();
    }
  });

  it('goals and the forecast', async () => {
    const goal = value(await handlers.handle('goals.add', { target: 5200, by: '2027-03-31', accountId: `linkedin:${ACME}` }));
    expect(goal).toMatchObject({ network: 'linkedin', accountId: ACME, asOf: '2026-11-25' });
    expect(['on-track', 'at-risk', 'behind']).toContain(goal.status);
    expect(value(await handlers.handle('goals.list', undefined)).goals).toHaveLength(1);
    expect(value(await handlers.handle('goals.remove', { id: goal.id }))).toEqual({ removed: true });
    expect(await handlers.handle('goals.add', { target: -5, by: '2027-03-31' })).toMatchObject({ ok: false, code: 'USAGE' });
    const forecast = value(await handlers.handle('insights.forecast', { horizon: 14, accounts: [`linkedin:${ACME}`] }));
    expect(forecast).toMatchObject({ method: 'holt-damped', asOf: '2026-11-25', horizon: 14 });
    expect(forecast.points).toHaveLength(14);
    expect(await handlers.handle('insights.forecast', { horizon: 0 })).toMatchObject({ ok: false, code: 'USAGE' });
  });
});
