import type { ApiResult, UiEvents, UiMethod, UiResponse } from '../../../shared/ui-api';

/**
 * The UI API's implementation, shared by both transports: desktop/ registers it on ipcMain,
 * server/ serves it over HTTP. `handle` validates `request` with the shared schema itself, so a
 * transport never passes unchecked input to the engine.
 */
export interface UiHandlers {
  handle<M extends UiMethod>(method: M, request: unknown): Promise<ApiResult<UiResponse<M>>>;
  /** Events for the renderer (sync progress, finished runs, settings changed on disk). */
  subscribe(listener: <E extends keyof UiEvents>(event: E, payload: UiEvents[E]) => void): () => void;
  /** Stop timers and watchers. */
  close(): Promise<void>;
}
