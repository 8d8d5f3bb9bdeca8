import { describe, expect, it, vi } from 'vitest';
import { createIpcBridge, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, isUiEventName, UI_EVENT_NAMES, type IpcRendererLike } from '../../src/main/desktop/ipc-bridge';
import { isUiMethod, UI_METHODS } from '../../src/shared/ui-api';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer(): IpcRendererLike & { invoked: unknown[][]; listeners: Map<string, IpcListener[]>; push(...args: unknown[]): void } {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, IpcListener[]>();
  return {
    invoked,
    listeners,
    invoke(channel, ...args) {
      invoked.push([channel, ...args]);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
    },
    push(...args) {
      // Electron's event object carries `sender`; the bridge must never pass it on.
      for (const listener of listeners.get(IPC_EVENT_CHANNEL) ?? []) listener({ sender: 'secret-ipcRenderer' }, ...args);
    },
  };
}

describe('preload bridge: method allow-list', () => {
  it('every UI method passes, with its request, over the one invoke channel', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createIpcBridge(ipc);
    for (const method of UI_METHODS) await bridge.call(method, { probe: method });
    expect(ipc.invoked).toHaveLength(UI_METHODS.length);
    expect(ipc.invoked[0]).toEqual([IPC_CALL_CHANNEL, 'app.info', { probe: 'app.info' }]);
  });

  it.each([['secrets.get'], ['__proto__'], ['constructor'], ['app.info '], [''], [42], [null], [{ toString: () => 'app.info' }]])(
    'refuses %j without touching IPC, answering like the API would',
    async (method) => {
      const ipc = fakeIpcRenderer();
      const result = await createIpcBridge(ipc).call(method as string, {});
      expect(result).toMatchObject({ ok: false, code: 'USAGE' });
      expect(ipc.invoked).toEqual([]);
    },
  );

  it('isUiMethod / isUiEventName know exactly the contract’s names', () => {
    expect(UI_METHODS.every(isUiMethod)).toBe(true);
    expect(isUiMethod('hasOwnProperty')).toBe(false);
    expect(UI_EVENT_NAMES.every(isUiEventName)).toBe(true);
    expect(isUiEventName('fp:call')).toBe(false);
  });
});

describe('preload bridge: events', () => {
  it('delivers allow-listed events with the payload only, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createIpcBridge(ipc);
    const listener = vi.fn();
    const off = bridge.on('run-finished', listener);
    ipc.push('run-finished', { runId: 'r1' });
    ipc.push('sync-progress', { running: true });
    expect(listener.mock.calls).toEqual([[{ runId: 'r1' }]]);
    off();
    ipc.push('run-finished', { runId: 'r2' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('ignores unknown events both ways and registers a single ipcRenderer listener', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createIpcBridge(ipc);
    const listener = vi.fn();
    expect(ipc.listeners.size).toBe(0);
    const off = bridge.on('not-an-event', listener);
    expect(typeof off).toBe('function');
    expect(ipc.listeners.size).toBe(0);
    bridge.on('sync-progress', listener);
    bridge.on('settings-changed', listener);
    expect(ipc.listeners.get(IPC_EVENT_CHANNEL)).toHaveLength(1);
    ipc.push('not-an-event', 1);
    expect(listener).not.toHaveBeenCalled();
  });

  it('the same function subscribed twice is called twice and needs two unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createIpcBridge(ipc);
    const listener = vi.fn();
    const off1 = bridge.on('sync-progress', listener);
    bridge.on('sync-progress', listener);
    ipc.push('sync-progress', {});
    expect(listener).toHaveBeenCalledTimes(2);
    off1();
    ipc.push('sync-progress', {});
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('exposes two functions and nothing else (never ipcRenderer)', () => {
    const bridge = createIpcBridge(fakeIpcRenderer());
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
  });
});
