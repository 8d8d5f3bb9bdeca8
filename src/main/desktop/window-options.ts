import type { BrowserWindowConstructorOptions } from 'electron';

/** Architecture "Electron security": isolation, sandbox, no Node in the renderer. */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: true,
    title: 'Follower Pulse',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
