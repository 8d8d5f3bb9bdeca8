import type { ApiResult, UiMethod, UiRequest, UiResponse } from '../../../src/shared/ui-api';
import type { ServeProcess } from './serve-process';

/**
 * The same HTTP API the page uses, authenticated as a script would be (Authorization: Bearer
 * with serve's token): specs use it to arrange a state (a stored token, a page, a first
 * sync) and to check what was saved, without clicking through the UI each time.
 */
export class ApiClient {
  readonly #serve: ServeProcess;

  constructor(serve: ServeProcess) {
    this.#serve = serve;
  }

  async call<M extends UiMethod>(method: M, request?: UiRequest<M>): Promise<ApiResult<UiResponse<M>>> {
    const response = await fetch(`${this.#serve.origin}/api/call/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.#serve.token}` },
      body: JSON.stringify(request ?? {}),
    });
    return (await response.json()) as ApiResult<UiResponse<M>>;
  }

  /** Like `call`, but a failure fails the spec at once, with the engine's message. */
  async value<M extends UiMethod>(method: M, request?: UiRequest<M>): Promise<UiResponse<M>> {
    const result = await this.call(method, request);
    if (!result.ok) throw new Error(`${method} failed: ${result.code} ${result.message}\n--- serve stderr ---\n${this.#serve.stderr()}`);
    return result.value;
  }

  /** Starts a sync and waits until its run record is in the history. */
  async syncAndWait(timeoutMs = 30_000): Promise<void> {
    const before = (await this.value('runs.list', { limit: 1 }))[0]?.runId ?? null;
    await this.value('sync.start', {});
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const newest = (await this.value('runs.list', { limit: 1 }))[0];
      const progress = await this.value('sync.progress');
      if (newest && newest.runId !== before && !progress.running) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the sync did not finish in time');
  }
}
