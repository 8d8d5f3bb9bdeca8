import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunHistory } from '../../src/main/engine/history/run-history';
import { AppError } from '../../src/main/engine/errors';
import { type LakeWriteResult, LocalLake } from '../../src/main/engine/lake/local-lake';
import { nullLogger } from '../../src/main/engine/log/logger';
import type { LakeDestination } from '../../src/main/engine/lake/lake-destination';
import { deliverRun } from '../../src/main/engine/sync/deliver-run';
import type { RunRecord } from '../../src/shared/run-record';
import { gainRow } from '../support/lake-fixture';
import { accountResult, runRecord } from '../support/run-record-fixture';

let home: string;
let lake: LocalLake;
let history: RunHistory;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fp-deliver-'));
  lake = new LocalLake(join(home, 'lake'));
  history = new RunHistory(home);
});
afterEach(async () => rm(home, { recursive: true, force: true }));

/** A destination that records what it is handed, and can be told to fail. */
function recordingDestination(name: string, failure: AppError | null = null): LakeDestination & { calls: LakeWriteResult[] } {
  const destination = {
    name,
    calls: [] as LakeWriteResult[],
    deliver(written: LakeWriteResult): Promise<void> {
      destination.calls.push(written);
      return failure ? Promise.reject(failure) : Promise.resolve();
    },
  };
  return destination;
}

const ROW_KEY = 'sync_runs/month=2026-11/20261128T070001Z-3f9a.csv';

async function finish(destinations: LakeDestination[], alerted: RunRecord[]): Promise<RunRecord> {
  const written = await lake.mergeGains([gainRow('2414183', '2026-11-25', 5, 1)]);
  const record = runRecord({ destinations: ['local'], accounts: [accountResult({ rowsWritten: 1, daysWritten: 1 })], bytesWritten: written.bytesWritten });
  const status = { accounts: record.accounts, accountsWithoutNewestDay: 0, lakeFailed: false };
  return deliverRun(
    {
      lake,
      history,
      logger: nullLogger,
      destinations,
      alerter: (r) => {
        alerted.push(structuredClone(r));
        return Promise.resolve(r.status === 'partial' ? [{ kind: 'failure', sent: true }] : []);
      },
    },
    { record, written, status },
  );
}

describe('deliverRun', () => {
  it('writes the run row first, then hands each destination the data files and that row in one call', async () => {
    const s3 = recordingDestination('s3');
    const alerted: RunRecord[] = [];
    const record = await finish([s3], alerted);
    expect(s3.calls).toHaveLength(1);
    expect(s3.calls[0].filesWritten.sort()).toEqual(['follower_gains/month=2026-11/linkedin-2414183-api.csv', ROW_KEY]);
    expect(record).toMatchObject({ status: 'success', destinations: ['local', 's3'], error: null, alerts: [] });
    expect(await readFile(lake.pathOf(ROW_KEY), 'utf8')).toContain(',success,');
    expect(await history.last()).toEqual(record);
    expect(alerted.map((r) => r.status)).toEqual(['success']);
  });

  it('a failed destination makes the run partial with its error, corrects the local row, and alerts on it', async () => {
    const failing = recordingDestination('s3', new AppError('S3_ACCESS_DENIED', 'Access denied while uploading to s3://acme/lake/'));
    const alerted: RunRecord[] = [];
    const record = await finish([failing], alerted);
    expect(record).toMatchObject({ status: 'partial', destinations: ['local', 's3'], error: { code: 'S3_ACCESS_DENIED' } });
    expect(record.alerts).toEqual([{ kind: 'failure', sent: true }]);
    expect(alerted.map((r) => r.status)).toEqual(['partial']);
    const row = await readFile(lake.pathOf(ROW_KEY), 'utf8');
    expect(row).toContain(',partial,');
    expect(row).toContain('S3_ACCESS_DENIED');
    expect((await history.last())?.status).toBe('partial');
  });

  it('without destinations the run is local only', async () => {
    const record = await finish([], []);
    expect(record.destinations).toEqual(['local']);
    expect(record.status).toBe('success');
  });
});
