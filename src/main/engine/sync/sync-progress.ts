/**
 * Progress news as a catalog key and its parameters (owners' agreed interface), so the UI can
 * say it in the user's language. `account` is the page's name (or its id when it has none).
 */
export interface ProgressParams {
  'progress.fetching': { account: string; days: number; from: string; to: string };
  'progress.nothingToFetch': { account: string };
  /** missing: how many days are missing (0 = none). */
  'progress.done': { account: string; written: number; missing: number };
  /** code: the contract §7 error code. */
  'progress.failed': { account: string; code: string };
}

export type ProgressKey = keyof ProgressParams;

export interface ProgressText {
  key: ProgressKey;
  params: Record<string, string | number>;
}

export function progressText<K extends ProgressKey>(key: K, params: ProgressParams[K]): ProgressText {
  return { key, params: { ...params } };
}
