import { useCallback, useEffect, useState } from 'react';
import type { ApiResult, UiMethod, UiRequest, UiResponse } from '../../shared/ui-api';
import { callApi, useApi } from '../api/api-context';

export interface QueryState<T> {
  result: ApiResult<T> | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads one API method and reloads it when its request changes. The request is compared by
 * value (JSON), so callers may pass a fresh object literal on every render.
 */
export function useApiQuery<M extends UiMethod>(method: M, request?: UiRequest<M>, enabled = true): QueryState<UiResponse<M>> {
  const api = useApi();
  const key = JSON.stringify(request ?? null);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ result: ApiResult<UiResponse<M>> | null; loading: boolean }>({ result: null, loading: enabled });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => ({ result: s.result, loading: true }));
    void callApi(api, method, JSON.parse(key) as UiRequest<M>).then((result) => {
      if (current) setState({ result, loading: false });
    });
    // A newer request supersedes this one: its late answer must not overwrite the newer one.
    return () => {
      current = false;
    };
  }, [api, method, key, version, enabled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
