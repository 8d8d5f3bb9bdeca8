import type { S3DeliveryState, StateStore } from '../settings/state-store';

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
