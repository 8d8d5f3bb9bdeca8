import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunHistory } from '../../src/main/engine/history/run-history';
import type { RunRecord, RunStatus } from '../../src/shared/run-record';

function run(runId: string, startedAt: string, status: RunStatus = 'success'): RunRecord {
  return {
    runId,
    trigger: 'cli',
    startedAt,
    finishedAt: startedAt,
    status,
    accounts: [],
    apiCalls: 0,
    bytesWritten: 0,
    destinations: ['local'],
    alerts: [],
    warnings: [],
    error: null,
  };
}

describe('RunHistory', () => {
  let home: string;
  let history: RunHistory;

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'fp-history-'));
    history = new RunHistory(home);
  });

  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('is empty before the first run', async () => {
    expect(await history.list()).toEqual([]);
    expect(await history.last()).toBeNull();
    expect(await history.get('nope')).toBeNull();
  });

  it('appends one JSON line per run to the month file of startedAt (UTC)', async () => {
    await history.append(run('a', '2026-11-30T23:30:00.000Z'));
    // 21:30 in São Paulo on 30 Nov is already 1 Dec in UTC.
    await history.append(run('b', '2026-11-30T21:30:00.000-03:00'));

    expect((await readdir(join(home, 'runs'))).sort()).toEqual(['2026-11.jsonl', '2026-12.jsonl']);
    const november = await readFile(join(home, 'runs', '2026-11.jsonl'), 'utf8');
    expect(november).toBe(`${JSON.stringify(run('a', '2026-11-30T23:30:00.000Z'))}\n`);
  });

  it('lists newest first across month files, with limit and status filters', async () => {
    await history.append(run('oct', '2026-10-31T07:00:00.000Z', 'failed'));
    await history.append(run('nov-1', '2026-11-01T07:00:00.000Z'));
    await history.append(run('nov-2', '2026-11-02T07:00:00.000Z', 'up-to-date'));
    await history.append(run('dec', '2026-12-01T07:00:00.000Z', 'no-data'));

    expect((await history.list()).map((r) => r.runId)).toEqual(['dec', 'nov-2', 'nov-1', 'oct']);
    expect((await history.list({ limit: 2 })).map((r) => r.runId)).toEqual(['dec', 'nov-2']);
    expect((await history.list({ status: 'failed' })).map((r) => r.runId)).toEqual(['oct']);
    expect((await history.list({ status: ['failed', 'no-data'], limit: 1 })).map((r) => r.runId)).toEqual(['dec']);
    expect((await history.last())?.runId).toBe('dec');
    expect(await history.get('nov-1')).toEqual(run('nov-1', '2026-11-01T07:00:00.000Z'));
  });

  it('skips a truncated last line and keeps later appends readable', async () => {
    await history.append(run('ok', '2026-11-01T07:00:00.000Z'));
    const file = join(home, 'runs', '2026-11.jsonl');
    await appendFile(file, JSON.stringify(run('torn', '2026-11-02T07:00:00.000Z')).slice(0, 40));

    expect((await history.list()).map((r) => r.runId)).toEqual(['ok']);

    await history.append(run('next', '2026-11-03T07:00:00.000Z'));
    expect((await history.list()).map((r) => r.runId)).toEqual(['next', 'ok']);
  });

  it('skips garbage lines and ignores files that are not month files', async () => {
    await history.append(run('ok', '2026-11-01T07:00:00.000Z'));
    await appendFile(join(home, 'runs', '2026-11.jsonl'), 'not json\n{"runId":1}\n\n');
    await writeFile(join(home, 'runs', 'notes.jsonl'), `${JSON.stringify(run('stray', '2026-11-05T07:00:00.000Z'))}\n`);
    expect((await history.list()).map((r) => r.runId)).toEqual(['ok']);
  });
});
