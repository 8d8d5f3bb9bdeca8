import { describe, expect, it } from 'vitest';
import { encodeGains } from '../../src/main/engine/lake/lake-rows';
import {
  compatFilesForWritten,
  deliveryTarget,
  FULL_RECONCILE_INTERVAL_MS,
  fullReconcileReason,
  stateAfterChangedFiles,
  stateAfterFailedListing,
  stateAfterReconcile,
} from '../../src/main/engine/lake/s3-delivery-plan';
import { defaultSettings } from '../../src/shared/settings-schema';
import { gainRow } from '../support/lake-fixture';

const NOW = new Date('2026-11-28T07:00:00.000Z');
const s3 = { ...defaultSettings().s3, enabled: true, bucket: 'acme', prefix: 'lake', region: 'us-east-1' };
const TARGET = deliveryTarget(s3, ['1']);

describe('fullReconcileReason', () => {
  const fresh = { target: TARGET, pending: [], lastFullReconcileAt: '2026-11-27T07:00:00.000Z' };

  it('is null for an ordinary run: same place, nothing pending, compared within the week', () => {
    expect(fullReconcileReason(fresh, TARGET, NOW)).toBeNull();
    expect(fullReconcileReason(fresh, TARGET, new Date(Date.parse(fresh.lastFullReconcileAt) + FULL_RECONCILE_INTERVAL_MS - 1))).toBeNull();
  });

  it('names why the whole lake must be compared', () => {
    expect(fullReconcileReason(null, TARGET, NOW)).toBe('first-delivery');
    expect(fullReconcileReason(fresh, deliveryTarget({ ...s3, prefix: 'other' }, ['1']), NOW)).toBe('target-changed');
    expect(fullReconcileReason({ ...fresh, pending: ['lake/accounts/accounts.csv'] }, TARGET, NOW)).toBe('pending');
    expect(fullReconcileReason(fresh, TARGET, new Date(Date.parse(fresh.lastFullReconcileAt) + FULL_RECONCILE_INTERVAL_MS))).toBe('weekly');
    expect(fullReconcileReason({ ...fresh, lastFullReconcileAt: null }, TARGET, NOW)).toBe('weekly');
  });
});

describe('deliveryTarget', () => {
  it('ignores spelling of the prefix but not the bucket, the endpoint or the compat pages', () => {
    expect(deliveryTarget({ ...s3, prefix: '/lake/' }, ['1'])).toBe(TARGET);
    expect(deliveryTarget({ ...s3, bucket: 'other' }, ['1'])).not.toBe(TARGET);
    expect(deliveryTarget({ ...s3, endpoint: 'http://127.0.0.1:9000' }, ['1'])).not.toBe(TARGET);
    // Without compat the pages do not matter; with it a second page changes the layout.
    expect(deliveryTarget(s3, ['1', '2'])).toBe(TARGET);
    const compat = { ...s3, prototypeCompat: { enabled: true, prefix: 'legacy' } };
    expect(deliveryTarget(compat, ['1', '2'])).not.toBe(deliveryTarget(compat, ['1']));
  });
});

describe('state after a delivery', () => {
  it('a comparison restarts the clock and keeps only what still failed', () => {
    expect(stateAfterReconcile(TARGET, NOW, ['b', 'a', 'a'])).toEqual({ target: TARGET, pending: ['a', 'b'], lastFullReconcileAt: NOW.toISOString() });
  });

  it('uploading a run’s files keeps the clock and records the failures', () => {
    const state = { target: TARGET, pending: [], lastFullReconcileAt: '2026-11-27T07:00:00.000Z' };
    expect(stateAfterChangedFiles(state, ['x'])).toEqual({ ...state, pending: ['x'] });
  });

  it('a failed listing adds what this run could not send to what was pending', () => {
    const state = { target: TARGET, pending: ['a'], lastFullReconcileAt: null };
    expect(stateAfterFailedListing(state, TARGET, ['c'])).toEqual({ ...state, pending: ['a', 'c'] });
    expect(stateAfterFailedListing(null, TARGET, [])).toBeNull();
    expect(stateAfterFailedListing(null, TARGET, ['c'])).toEqual({ target: TARGET, pending: ['c'], lastFullReconcileAt: null });
  });
});

describe('compatFilesForWritten', () => {
  const body = (id: string): Buffer => Buffer.from(encodeGains([gainRow(id, '2026-11-01', 5, 1), gainRow(id, '2026-11-02', 7, 0)]));
  // No file exists there: the view serves rows from the written bytes alone.
  const DIR = '/nonexistent/lake';

  it('makes the compat files of the days written, from the written gains files alone', async () => {
    const files = await compatFilesForWritten(
      DIR,
      [
        { key: 'follower_gains/month=2026-11/linkedin-1-api.csv', body: body('1') },
        { key: 'follower_totals/month=2026-11/linkedin-1-api.csv', body: Buffer.from('ignored') },
      ],
      ['2026-11-02'],
      ['1'],
      'legacy/',
    );
    expect(files.map((f) => f.key)).toEqual(['legacy/follower_stats_20261102.csv']);
    expect(files[0].body.toString()).toContain('urn:li:organization:1,2026-11-02,7,0');
  });

  it('uses the per-page layout when several pages are tracked, even if one page wrote', async () => {
    const files = await compatFilesForWritten(DIR, [{ key: 'follower_gains/month=2026-11/linkedin-2-api.csv', body: body('2') }], ['2026-11-01'], ['1', '2'], 'legacy/');
    expect(files.map((f) => f.key)).toEqual(['legacy/2/follower_stats_20261101.csv']);
  });

  it('ignores import files, untracked pages and runs that wrote no day', async () => {
    const imported = Buffer.from(encodeGains([gainRow('1', '2026-11-01', 5, 1, 'import')]));
    expect(await compatFilesForWritten(DIR, [{ key: 'follower_gains/month=2026-11/linkedin-1-import.csv', body: imported }], ['2026-11-01'], ['1'], '')).toEqual([]);
    expect(await compatFilesForWritten(DIR, [{ key: 'follower_gains/month=2026-11/linkedin-9-api.csv', body: body('9') }], ['2026-11-01'], ['1'], '')).toEqual([]);
    expect(await compatFilesForWritten(DIR, [{ key: 'follower_gains/month=2026-11/linkedin-1-api.csv', body: body('1') }], [], ['1'], '')).toEqual([]);
  });
});
