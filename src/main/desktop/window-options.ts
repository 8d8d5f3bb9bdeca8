import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window (architecture "Electron security"): context isolation and the sandbox on,
 * no Node, no <webview>, web security on. `show: false` until 'ready-to-show' avoids a white
 * flash; the window only exists while someone looks at it (the tray keeps the app alive).
 */
export function secureWindowOptions(preloadPath: string, icon?: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Follower Pulse',
    backgroundColor: '#f7f8fa',
    autoHideMenuBar: true,
    ...(icon === undefined ? {} : { icon }),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
