import type { ApiResult, FollowerPulseIpcBridge, UiApi, UiEvents, UiMethod, UiRequest, UiResponse } from '../../shared/ui-api';
import { transportFailure } from './transport-failure';

declare global {
  interface Window {
    followerPulseIpc?: FollowerPulseIpcBridge;
  }
}

/** `window.api` inside the Electron window: the same contract, carried by the preload bridge. */
export function createIpcApi(bridge: FollowerPulseIpcBridge): UiApi {
  return {
    async call<M extends UiMethod>(method: M, ...request: UiRequest<M> extends void ? [] : [UiRequest<M>]): Promise<ApiResult<UiResponse<M>>> {
      try {
        // The main process validates every request and always answers with an ApiResult.
        return (await bridge.call(method, request[0])) as ApiResult<UiResponse<M>>;
      } catch (error) {
        return transportFailure('unreachable', error instanceof Error ? error.message : undefined);
      }
    },
    on<E extends keyof UiEvents>(event: E, listener: (payload: UiEvents[E]) => void): () => void {
      return bridge.on(event, (payload) => listener(payload as UiEvents[E]));
    },
  };
}
