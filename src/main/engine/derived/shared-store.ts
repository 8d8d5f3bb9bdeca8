import { LakeFactsStore } from './lake-facts-store';

const stores = new Map<string, LakeFactsStore>();

/**
 * One derived store per lake folder and process, shared by the analytics and the Data view's
 * coverage, so both warm the same copy.
 */
export function lakeFactsStoreFor(lakeDir: string, cachePath: string): LakeFactsStore {
  const key = `${lakeDir}\u0000${cachePath}`;
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new LakeFactsStore(lakeDir, cachePath)));
  return store;
}
