import type * as Electron from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { resolveHome } from '../engine/settings/home';
import { secureWindowOptions } from './window-options';

type ElectronApi = typeof Electron;

/**
 * Wires the engine to Electron. Electron comes in as a parameter so this file is testable with
 * a recording fake: the binary cannot be downloaded on our build machines.
 */
export function startDesktop(electron: ElectronApi, argv: readonly string[] = process.argv): void {
  const { app, BrowserWindow } = electron;
  // Same home as the CLI (contract §2), whatever Electron would have picked.
  app.setPath('userData', resolveHome({ env: process.env, platform: process.platform, homedir: homedir() }));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: InstanceType<typeof BrowserWindow> | null = null;
  const open = (): void => {
    if (window) {
      window.focus();
      return;
    }
    window = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, 'preload.cjs')));
    window.on('closed', () => (window = null));
    void window.loadFile(join(import.meta.dirname, '..', 'renderer', 'index.html'));
  };
  app.on('second-instance', open);
  // A tray app keeps running with no window.
  app.on('window-all-closed', () => undefined);
  void app.whenReady().then(() => {
    if (!argv.includes('--hidden')) open();
  });
}
