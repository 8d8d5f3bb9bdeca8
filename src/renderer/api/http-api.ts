import type { ApiResult, UiApi, UiEvents, UiMethod, UiRequest, UiResponse } from '../../shared/ui-api';
import { transportFailure } from './transport-failure';

type EventName = keyof UiEvents;
type AnyListener = (payload: unknown) => void;

/**
 * `window.api` for `follower-pulse serve` (contract §3). Calls are `POST /api/call/<method>`
 * with the request as JSON; the session cookie the server set when the page was opened with
 * ?token= authenticates them, so requests stay same-origin and carry credentials.
 */
export function createHttpApi(baseUrl: string = window.location.origin): UiApi {
  const events = new ServerEvents(`${baseUrl}/api/events`);
  return {
    call<M extends UiMethod>(method: M, ...request: UiRequest<M> extends void ? [] : [UiRequest<M>]): Promise<ApiResult<UiResponse<M>>> {
      return postCall<UiResponse<M>>(`${baseUrl}/api/call/${method}`, request[0] ?? {});
    },
    on<E extends EventName>(event: E, listener: (payload: UiEvents[E]) => void): () => void {
      return events.add(event, listener as AnyListener);
    },
  };
}

async function postCall<T>(url: string, body: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return transportFailure('unreachable', error instanceof Error ? error.message : undefined);
  }
  if (response.status === 401 || response.status === 403) return transportFailure('unauthorized');
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return transportFailure('bad-reply', `HTTP ${response.status}`);
  }
  if (!isApiResult(parsed)) return transportFailure('bad-reply', `HTTP ${response.status}`);
  return parsed as ApiResult<T>;
}

function isApiResult(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * One EventSource for every subscriber, opened on the first subscription and closed with the
 * last one; EventSource reconnects by itself when the server restarts or the laptop sleeps.
 */
class ServerEvents {
  readonly #url: string;
  readonly #listeners = new Map<EventName, Set<AnyListener>>();
  #source: EventSource | null = null;

  constructor(url: string) {
    this.#url = url;
  }

  add(event: EventName, listener: AnyListener): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
      this.#open().addEventListener(event, this.#dispatch);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if ([...this.#listeners.values()].every((s) => s.size === 0)) this.#close();
    };
  }

  #open(): EventSource {
    this.#source ??= new EventSource(this.#url, { withCredentials: true });
    return this.#source;
  }

  #close(): void {
    this.#source?.close();
    this.#source = null;
    this.#listeners.clear();
  }

  readonly #dispatch = (message: Event): void => {
    if (!(message instanceof MessageEvent) || typeof message.data !== 'string') return;
    let payload: unknown;
    try {
      payload = JSON.parse(message.data);
    } catch {
      return; // a malformed event is dropped; polling catches up
    }
    for (const listener of this.#listeners.get(message.type as EventName) ?? []) listener(payload);
  };
}
