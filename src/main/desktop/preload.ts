import { contextBridge, ipcRenderer } from 'electron';
import { createIpcBridge } from './ipc-bridge';

// Built as CommonJS (scripts/build.mjs) so the renderer keeps sandbox: true. Everything with
// logic lives in ipc-bridge.ts, which is unit-tested without Electron.
contextBridge.exposeInMainWorld('followerPulseIpc', createIpcBridge(ipcRenderer));
