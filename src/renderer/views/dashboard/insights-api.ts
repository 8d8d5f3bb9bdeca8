import { useCallback, useEffect, useRef, useState } from 'react';
import type { InsightsApiMethods } from '../../../shared/insights';
import type { ApiResult, UiApi } from '../../../shared/ui-api';

export type InsightsMethod = keyof InsightsApiMethods;
type Request<M extends InsightsMethod> = InsightsApiMethods[M]['request'];
type Response<M extends InsightsMethod> = InsightsApiMethods[M]['response'];
type LooseCall = (method: string, request?: unknown) => Promise<ApiResult<unknown>>;

/**
 * Calls an analytics method of contract §8 (src/shared/insights.ts). They travel over the same
 * transport as every other UI method; this only widens the typed `call`, which knows the
 * method table of ui-api.ts.
 */
export function callInsights<M extends InsightsMethod>(api: UiApi, method: M, request?: Request<M>): Promise<ApiResult<Response<M>>> {
  const call = api.call.bind(api) as unknown as LooseCall;
  return call(method, request) as Promise<ApiResult<Response<M>>>;
}

/** A prefetched answer older than this is not used: the view asks again. */
const PREFETCH_FRESH_MS = 10_000;
interface Prefetched {
  at: number;
  result: Promise<ApiResult<unknown>>;
  /** The answer, once it has come. */
  settled?: ApiResult<unknown>;
}
const prefetched = new Map<string, Prefetched>();

/** Asks now for an answer a view will want in a moment; its useInsightsQuery takes it once. */
export function prefetchInsights<M extends InsightsMethod>(api: UiApi, method: M, request: Request<M>): void {
  const entry: Prefetched = { at: Date.now(), result: callInsights(api, method, request) };
  void entry.result.then((answer) => {
    entry.settled = answer;
  });
  prefetched.set(`${method} ${JSON.stringify(request ?? {})}`, entry);
}

function takePrefetched(method: InsightsMethod, key: string): Prefetched | undefined {
  const entry = prefetched.get(`${method} ${key}`);
  prefetched.delete(`${method} ${key}`);
  return entry && Date.now() - entry.at <= PREFETCH_FRESH_MS ? entry : undefined;
}

export interface InsightsQuery<T> {
  result: ApiResult<T> | null;
  loading: boolean;
  reload: () => void;
}

/** Loads one analytics method, again when its request changes (compared by value). */
export function useInsightsQuery<M extends InsightsMethod>(api: UiApi, method: M, request: Request<M> | null): InsightsQuery<Response<M>> {
  const key = request === null ? null : JSON.stringify(request ?? {});
  const [version, setVersion] = useState(0);
  // A prefetched answer already here is drawn in the first render, not one render later.
  const pending = useRef<{ key: string; entry: Prefetched } | null>(null);
  const [state, setState] = useState<{ result: ApiResult<Response<M>> | null; loading: boolean }>(() => {
    const entry = key === null ? undefined : takePrefetched(method, key);
    if (!entry || key === null) return { result: null, loading: key !== null };
    pending.current = { key, entry };
    return entry.settled ? { result: entry.settled as ApiResult<Response<M>>, loading: false } : { result: null, loading: true };
  });

  useEffect(() => {
    if (key === null) return;
    const taken = version > 0 ? undefined : pending.current?.key === key ? pending.current.entry : takePrefetched(method, key);
    pending.current = null;
    const settled = taken?.settled as ApiResult<Response<M>> | undefined;
    if (settled) {
      // Usually drawn already by the first render; the same answer again changes nothing.
      setState((s) => (s.result === settled ? s : { result: settled, loading: false }));
      return;
    }
    let current = true;
    setState((s) => ({ result: s.result, loading: true }));
    // A reload (version > 0) always asks the engine again.
    const answer = (taken?.result as Promise<ApiResult<Response<M>>> | undefined) ?? callInsights(api, method, JSON.parse(key) as Request<M>);
    void answer.then((result) => {
      if (current) setState({ result, loading: false });
    });
    // A newer request supersedes this one: its late answer must not overwrite the newer one.
    return () => {
      current = false;
    };
  }, [api, method, key, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
