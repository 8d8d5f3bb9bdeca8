import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TrayIconVariant } from './tray-menu';

export interface DesktopPaths {
  /** dist/renderer/index.html, loaded with loadFile. */
  indexHtml: string;
  /** Its file:// URL: the only page our windows may show and the only trusted IPC sender. */
  appUrl: string;
  preload: string;
  /** resources/ (tray icons); packed into the app, unlike build/. */
  resourcesDir: string;
}

/**
 * Where things are, from the folder holding main.js. dist/desktop sits two levels below the
 * package root both in a checkout and inside the packaged asar, so one rule serves both.
 */
export function desktopPaths(desktopDir: string): DesktopPaths {
  const indexHtml = path.join(desktopDir, '..', 'renderer', 'index.html');
  return {
    indexHtml,
    appUrl: pathToFileURL(indexHtml).href,
    preload: path.join(desktopDir, 'preload.cjs'),
    resourcesDir: path.join(desktopDir, '..', '..', 'resources'),
  };
}

/**
 * Chromium's own state (caches, local storage, crash dumps) goes to a subfolder, so the home a
 * user opens shows the product's files (contract §2), not twenty browser folders.
 */
export function chromiumDataDir(home: string): string {
  return path.join(home, 'electron');
}

/**
 * The tray icon file. Windows and macOS trays are 16 px (Electron picks `@2x` beside it on
 * high-DPI screens); Linux panels draw larger icons, so they get the 32 px one.
 */
export function trayIconPath(resourcesDir: string, variant: TrayIconVariant, platform: NodeJS.Platform): string {
  const size = platform === 'linux' ? '-32' : '';
  return path.join(resourcesDir, `tray-${variant}${size}.png`);
}

/** The window icon on Linux (Windows and macOS take it from the executable). */
export function windowIconPath(resourcesDir: string, platform: NodeJS.Platform): string | undefined {
  return platform === 'linux' ? path.join(resourcesDir, 'icon.png') : undefined;
}
