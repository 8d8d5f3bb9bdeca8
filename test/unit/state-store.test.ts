import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markForDelivery } from '../../src/main/engine/lake/s3-delivery-ledger';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { defaultSettings } from '../../src/shared/settings-schema';

let home: string;
let store: StateStore;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'fp-state-'));
  store = new StateStore(home);
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('StateStore', () => {
  it('starts empty without a file, and does not create one by reading', async () => {
    expect(await store.get()).toEqual({});
    expect(await readdir(home)).toEqual([]);
  });

  it('round-trips token info and sent alerts, written atomically', async () => {
    await store.update((s) => ({
      ...s,
      linkedinToken: { storedAt: '2026-11-28T07:00:00.000Z', expiresAt: '2027-01-27T07:00:00.000Z', expiresAtIsEstimate: true },
    }));
    const result = await store.update((s) => ({ ...s, alertsSent: { ...s.alertsSent, 'no-data:linkedin:2414183': '2026-11-25' } }));
    expect(result).toEqual(await store.get());
    expect(await store.get()).toEqual({
      linkedinToken: { storedAt: '2026-11-28T07:00:00.000Z', expiresAt: '2027-01-27T07:00:00.000Z', expiresAtIsEstimate: true },
      alertsSent: { 'no-data:linkedin:2414183': '2026-11-25' },
    });
    expect(await readdir(home)).toEqual(['state.json']);
    expect(await readFile(store.path, 'utf8')).toMatch(/\n$/);
  });

  it('reads a corrupt file as empty and replaces it on the next update', async () => {
    await writeFile(store.path, '{"linkedinToken": {"storedAt": ');
    expect(await store.get()).toEqual({});
    await store.update((s) => ({ ...s, alertsSent: { a: '2026-11-28' } }));
    expect(await store.get()).toEqual({ alertsSent: { a: '2026-11-28' } });
  });

  it('keeps the valid parts of a partly damaged file', async () => {
    await writeFile(store.path, JSON.stringify({ linkedinToken: { storedAt: 'yesterday' }, alertsSent: { a: '2026-11-28' } }));
    expect(await store.get()).toEqual({ alertsSent: { a: '2026-11-28' } });
    await writeFile(store.path, '[1,2]');
    expect(await store.get()).toEqual({});
  });

  it('does not lose concurrent updates', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => store.update((s) => ({ ...s, alertsSent: { ...s.alertsSent, [k]: '2026-11-28' } }))));
    expect(Object.keys((await store.get()).alertsSent ?? {}).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('round-trips what S3 delivery remembers, and drops it alone when it is malformed', async () => {
    const s3Delivery = { target: '{"bucket":"acme"}', pending: ['lake/accounts/accounts.csv'], lastFullReconcileAt: '2026-11-28T07:00:00.000Z' };
    await store.update((s) => ({ ...s, alertsSent: { a: '2026-11-25' }, s3Delivery }));
    expect((await store.get()).s3Delivery).toEqual(s3Delivery);
    await writeFile(store.path, JSON.stringify({ alertsSent: { a: '2026-11-25' }, s3Delivery: { target: 1, pending: 'x' } }));
    expect(await store.get()).toEqual({ alertsSent: { a: '2026-11-25' } });
  });

  it('markForDelivery makes the next sync compare the whole lake for files another writer added', async () => {
    const s3 = { ...defaultSettings().s3, enabled: true, bucket: 'acme', prefix: '/lake', region: 'us-east-1' };
    await markForDelivery(store, s3, ['follower_gains/month=2026-11/linkedin-1-import.csv']);
    expect(await store.get()).toEqual({});
    await store.update((s) => ({ ...s, s3Delivery: { target: 't', pending: [], lastFullReconcileAt: '2026-11-28T07:00:00.000Z' } }));
    await markForDelivery({ update: (fn) => store.update(fn) }, { ...s3, enabled: false }, ['accounts/accounts.csv']);
    expect((await store.get()).s3Delivery?.pending).toEqual([]);
    await markForDelivery(store, s3, ['follower_gains/month=2026-11/linkedin-1-import.csv']);
    expect((await store.get()).s3Delivery?.pending).toEqual(['lake/follower_gains/month=2026-11/linkedin-1-import.csv']);
  });
});
