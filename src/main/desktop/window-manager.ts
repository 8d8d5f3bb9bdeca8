import type { Logger } from '../engine/log/logger';
import type { DesktopElectron, DesktopWebContents, DesktopWindow } from './electron-api';
import { secureWindowOptions } from './window-options';

export interface WindowManagerDeps {
  BrowserWindow: DesktopElectron['BrowserWindow'];
  indexHtml: string;
  preload: string;
  icon?: string | undefined;
  /** Applied to every window's webContents before it loads anything. */
  harden(contents: DesktopWebContents): void;
  logger: Logger;
}

export interface WindowManager {
  /** Shows the window, creating it if needed; `route` is a renderer hash route such as `/runs`. */
  open(route?: string): void;
  /** The webContents of open windows, for pushing UI events. */
  webContents(): DesktopWebContents[];
  isOurWebContents(id: number): boolean;
}

/**
 * One window, created on demand and destroyed when closed (Electron's default for 'close'),
 * never hidden: a hidden renderer would keep its whole JS heap while the app sits in the tray.
 */
export function createWindowManager(deps: WindowManagerDeps): WindowManager {
  let current: DesktopWindow | null = null;
  let currentId: number | null = null;

  // loadFile rejects when a newer navigation supersedes it (ERR_ABORTED): worth a log line,
  // never an unhandled rejection in the main process.
  const load = (window: DesktopWindow, route: string | undefined): void => {
    window.loadFile(deps.indexHtml, route === undefined ? undefined : { hash: route }).catch((error: unknown) => deps.logger.warn('desktop.load-failed', { route, error }));
  };

  const create = (route: string | undefined): void => {
    const window = new deps.BrowserWindow(secureWindowOptions(deps.preload, deps.icon));
    current = window;
    currentId = window.webContents.id;
    deps.harden(window.webContents);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (current === window) {
        current = null;
        currentId = null;
      }
    });
    load(window, route);
  };

  return {
    open(route) {
      if (current === null || current.isDestroyed()) {
        create(route);
        return;
      }
      // Only the hash changes, which the renderer's router follows.
      if (route !== undefined) load(current, route);
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
    },
    webContents() {
      return current === null || current.isDestroyed() ? [] : [current.webContents];
    },
    isOurWebContents(id) {
      return current !== null && !current.isDestroyed() && currentId === id;
    },
  };
}
