import { contextBridge } from 'electron';

// The UI API is bridged method by method (never ipcRenderer itself); the desktop issue adds them.
contextBridge.exposeInMainWorld('followerPulse', { transport: 'ipc' });
