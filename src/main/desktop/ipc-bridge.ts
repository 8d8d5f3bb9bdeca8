import { type ApiFailure, type FollowerPulseIpcBridge, isUiMethod, type UiEvents } from '../../shared/ui-api';

/**
 * The renderer↔main IPC vocabulary, shared by the preload and the main process. It imports
 * nothing from Electron, so the preload's allow-list logic is unit-tested under plain Node;
 * preload.ts only hands `ipcRenderer` to `createIpcBridge`.
 */

/** One invoke channel for every UI method: the method name travels as the first argument. */
export const IPC_CALL_CHANNEL = 'fp:call';
/** One push channel for every UI event: the event name travels as the first argument. */
export const IPC_EVENT_CHANNEL = 'fp:event';

export type UiEventName = keyof UiEvents;

/** The events the renderer may listen to (UiEvents has no runtime list of its own). */
export const UI_EVENT_NAMES = ['sync-progress', 'run-finished', 'settings-changed'] as const satisfies readonly UiEventName[];

// Fails to compile when UiEvents gains an event that the list above does not name.
type MissingEvents = Exclude<UiEventName, (typeof UI_EVENT_NAMES)[number]>;
const everyEventListed: MissingEvents extends never ? true : false = true;
void everyEventListed;

export function isUiEventName(value: unknown): value is UiEventName {
  return typeof value === 'string' && (UI_EVENT_NAMES as readonly string[]).includes(value);
}


/** The part of Electron's ipcRenderer the bridge uses; the real one satisfies it. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The whole renderer-facing surface: two functions, never ipcRenderer itself. Only methods in
 * UI_METHODS reach the main process (which checks the sender and validates the request again),
 * and only allow-listed events reach listeners, without Electron's event object (it would
 * hand the page `sender`).
 */
export function createIpcBridge(ipc: IpcRendererLike): FollowerPulseIpcBridge {
  const listeners = new Map<UiEventName, Set<(payload: unknown) => void>>();
  const dispatch = (_event: unknown, name: unknown, payload: unknown): void => {
    if (!isUiEventName(name)) return;
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
  };
  const listening = { on: false };
  return {
    call(method, request) {
      if (!isUiMethod(method)) return Promise.resolve(unknownMethod(method));
      return ipc.invoke(IPC_CALL_CHANNEL, method, request);
    },
    on(event, listener) {
      if (!isUiEventName(event) || typeof listener !== 'function') return () => undefined;
      // One ipcRenderer listener for all events, added on first use: a page that never
      // listens costs nothing, and unsubscribing cannot remove another page's listener.
      if (!listening.on) {
        ipc.on(IPC_EVENT_CHANNEL, dispatch);
        listening.on = true;
      }
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const entry = (payload: unknown): void => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}

function unknownMethod(method: unknown): ApiFailure {
  const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
  return { ok: false, code: 'USAGE', message: `Unknown UI method: ${name}` };
}
