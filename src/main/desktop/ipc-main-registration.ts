import type { UiHandlers } from '../engine/app/ui-handlers';
import type { Logger } from '../engine/log/logger';
import type { ApiFailure, UiEvents } from '../../shared/ui-api';
import type { DesktopElectron, DesktopWebContents, IpcInvokeEvent } from './electron-api';
import { isUiMethod } from '../../shared/ui-api';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './ipc-bridge';
import { isTrustedSender } from './url-guards';

export interface UiIpcDeps {
  /** Resolves once the engine is up; calls made before simply wait. */
  handlers(): Promise<UiHandlers>;
  appUrl: string;
  /** Whether a webContents id belongs to one of our windows. */
  isOurWebContents(id: number): boolean;
  logger: Logger;
}

/**
 * The UI API on one invoke channel (`fp:call`, method name first). Every call proves it comes
 * from one of our windows showing our page before its request, unvalidated until then, goes
 * to UiHandlers.handle, which validates it with the shared schema. Returns the unregister.
 */
export function registerUiIpc(ipcMain: DesktopElectron['ipcMain'], deps: UiIpcDeps): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, (event, method, request) => handleUiCall(event, method, request, deps));
  return () => ipcMain.removeHandler(IPC_CALL_CHANNEL);
}

export async function handleUiCall(event: IpcInvokeEvent, method: unknown, request: unknown, deps: UiIpcDeps): Promise<unknown> {
  const frameUrl = event.senderFrame?.url ?? null;
  if (!deps.isOurWebContents(event.sender.id) || !isTrustedSender(frameUrl, deps.appUrl)) {
    deps.logger.warn('desktop.ipc-untrusted-sender', { webContentsId: event.sender.id, method: typeof method === 'string' ? method.slice(0, 80) : typeof method });
    // Rejecting (rather than answering with a result) tells a foreign page nothing about the API.
    throw new Error('Untrusted sender');
  }
  if (!isUiMethod(method)) return failure('USAGE', `Unknown UI method: ${typeof method === 'string' ? method.slice(0, 80) : typeof method}`);
  try {
    return await (await deps.handlers()).handle(method, request);
  } catch (error) {
    // UiHandlers answers expected failures itself; this is a bug, and Electron would pass the
    // renderer only the message of a thrown error anyway.
    deps.logger.error('desktop.ipc-handler-crashed', { method, error });
    return failure('INTERNAL', 'Follower Pulse ran into an unexpected error.');
  }
}

/** Pushes an event to every live window; a window closing mid-send is not an error. */
export function sendUiEvent<E extends keyof UiEvents>(targets: readonly DesktopWebContents[], event: E, payload: UiEvents[E]): void {
  for (const contents of targets) {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event, payload);
  }
}

function failure(code: ApiFailure['code'], message: string): ApiFailure {
  return { ok: false, code, message };
}
