import type { S3DeliveryState, StateStore } from '../settings/state-store';
import type { S3Settings } from './s3-client';
import { normalizePrefix, remoteKey } from './s3-plan';

/** Where S3 delivery keeps what it must remember between runs (the home's state.json). */
export interface S3DeliveryLedger {
  read(): Promise<S3DeliveryState | null>;
  write(state: S3DeliveryState): Promise<void>;
}

export function stateStoreLedger(store: Pick<StateStore, 'get' | 'update'>): S3DeliveryLedger {
  return {
    read: async () => (await store.get()).s3Delivery ?? null,
    write: async (s3Delivery) => {
      await store.update((state) => ({ ...state, s3Delivery }));
    },
  };
}

/**
 * For writers of the lake other than sync (import, events): the next sync must deliver these
 * lake-relative keys, which it would otherwise not know about. Marking them pending makes it
 * compare the whole lake with the bucket once. Nothing to do while S3 is off (turning it on
 * starts with a whole-lake comparison anyway).
 */
export async function markForDelivery(store: Pick<StateStore, 'update'>, s3: S3Settings, lakeKeys: readonly string[]): Promise<void> {
  if (!s3.enabled || lakeKeys.length === 0) return;
  const prefix = normalizePrefix(s3.prefix);
  await store.update((state) => {
    if (!state.s3Delivery) return state;
    const pending = [...new Set([...state.s3Delivery.pending, ...lakeKeys.map((key) => remoteKey(prefix, key))])].sort();
    return { ...state, s3Delivery: { ...state.s3Delivery, pending } };
  });
}
