import { createContext, useContext, type ReactNode } from 'react';
import type { ApiResult, UiApi, UiMethod, UiRequest, UiResponse } from '../../shared/ui-api';

const ApiContext = createContext<UiApi | null>(null);

export function ApiProvider({ api, children }: { api: UiApi; children: ReactNode }): React.JSX.Element {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): UiApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

type LooseCall = (method: UiMethod, request?: unknown) => Promise<ApiResult<unknown>>;

/**
 * Calls a method whose request is only known as a value (generic hooks, forms). The typed
 * `call` signature spreads a tuple that TypeScript cannot build from a generic M, so this is
 * the one place that widens it.
 */
export function callApi<M extends UiMethod>(api: UiApi, method: M, request?: UiRequest<M>): Promise<ApiResult<UiResponse<M>>> {
  const call = api.call.bind(api) as LooseCall;
  return call(method, request) as Promise<ApiResult<UiResponse<M>>>;
}
