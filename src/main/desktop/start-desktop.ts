import path from 'node:path';
import { PRODUCT_DIR_NAME, resolveHome } from '../engine/settings/home';
import { restrictNewFiles, tightenHome } from '../engine/settings/home-permissions';
import { parseDesktopArgs } from './desktop-args';
import type { DesktopBoot } from './desktop-boot';
import { chromiumDataDir, desktopPaths } from './desktop-paths';
import { createDesktopShell } from './desktop-shell';
import type { DesktopElectron } from './electron-api';

/** Contract §1; Windows groups toasts and taskbar entries by it. */
export const APP_USER_MODEL_ID = 'io.followerpulse.app';

export interface DesktopHandle {
  /** Settles once startup at 'ready' is done (tray shown, scheduler running) or has failed. */
  ready: Promise<void>;
}

/**
 * Wires the engine to Electron. Electron comes in as a parameter (and the engine through
 * `boot`) so this is testable with a recording fake: the binary cannot be downloaded on our
 * build machines. Returns null when another instance already runs (that one gets focused).
 */
export function startDesktop(electron: DesktopElectron, argv: readonly string[], boot: DesktopBoot): DesktopHandle | null {
  const { app } = electron;
  const args = parseDesktopArgs(argv);
  const home = resolveHome({ env: boot.env, platform: boot.platform, homedir: boot.homedir, argHome: args.home, cwd: boot.cwd });
  // Before anything else: the same home as the CLI (contract §2), whatever Electron would pick.
  // The single-instance lock lives in userData too, so this also scopes it to the home.
  app.setPath('userData', home);
  restrictNewFiles();
  void tightenHome(home);
  app.setPath('sessionData', chromiumDataDir(home));
  app.setPath('crashDumps', path.join(chromiumDataDir(home), 'Crashpad'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.setName(PRODUCT_DIR_NAME);
  app.setAppUserModelId(APP_USER_MODEL_ID);
  // No File/Edit/View bar on Windows and Linux; macOS keeps its default menu for copy/paste.
  if (boot.platform !== 'darwin') electron.Menu.setApplicationMenu(null);

  const shell = createDesktopShell(electron, { boot, home, logger: boot.createLogger(home), paths: desktopPaths(boot.desktopDir), args });
  // A tray app: closing the last window must not quit (Electron quits by default).
  app.on('window-all-closed', () => undefined);
  app.on('second-instance', (_event, secondArgv) => shell.secondInstance(parseDesktopArgs(secondArgv)));
  app.on('before-quit', (event) => shell.beforeQuit(event));
  return { ready: app.whenReady().then(() => shell.start()) };
}
