import { useCallback, useEffect, useState } from 'react';
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

export interface InsightsQuery<T> {
  result: ApiResult<T> | null;
  loading: boolean;
  reload: () => void;
}

/** Loads one analytics method, again when its request changes (compared by value). */
export function useInsightsQuery<M extends InsightsMethod>(api: UiApi, method: M, request: Request<M> | null): InsightsQuery<Response<M>> {
  const key = request === null ? null : JSON.stringify(request ?? {});
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ result: ApiResult<Response<M>> | null; loading: boolean }>({ result: null, loading: key !== null });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((s) => ({ result: s.result, loading: true }));
    void callInsights(api, method, JSON.parse(key) as Request<M>).then((result) => {
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
