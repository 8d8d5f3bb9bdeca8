import type { UiApi } from '../../shared/ui-api';
import { createHttpApi } from './http-api';
import { createIpcApi } from './ipc-api';

/** The same renderer runs in the Electron window (preload bridge) and in a browser (serve). */
export function chooseApi(): UiApi {
  const bridge = window.followerPulseIpc;
  return bridge ? createIpcApi(bridge) : createHttpApi();
}

/** Which transport this renderer talks over: only `serve` (http) has a browser session to end. */
export function transportOf(): 'ipc' | 'http' {
  return window.followerPulseIpc ? 'ipc' : 'http';
}
