// A scripted stand-in for Electron's main-process API, for desktop-entry.test.ts: it runs the
// real entry (main.ts, the real engine) under plain Node, plays a short session (IPC calls, a
// resume, "Sair" in the tray) and writes what happened to FP_STUB_REPORT.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';

const report = { calls: [], menus: [], windows: [], loads: [], loginItems: [], ipc: {}, errors: [] };
const record = (line) => report.calls.push(line);
const finish = (code) => {
  writeFileSync(process.env.FP_STUB_REPORT, JSON.stringify(report, null, 2));
  process.exit(code);
};
setTimeout(() => {
  report.errors.push('timed out');
  finish(1);
}, 20_000).unref();

let nextId = 1;
const handlers = new Map();
const windows = [];
let trayMenu = null;

class App extends EventEmitter {
  isPackaged = true;
  setPath(name, p) { record(`app.setPath ${name} ${p}`); }
  setName(name) { record(`app.setName ${name}`); }
  setAppUserModelId(id) { record(`app.setAppUserModelId ${id}`); }
  requestSingleInstanceLock() { record('app.requestSingleInstanceLock'); return true; }
  whenReady() { return Promise.resolve(); }
  setLoginItemSettings(settings) { report.loginItems.push(settings); }
  getVersion() { return '0.0.0'; }
  exit(code) { finish(code ?? 0); }
  quit() {
    record('app.quit');
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) finish(0);
  }
}
export const app = new App();

class WebContents extends EventEmitter {
  id = nextId++;
  isDestroyed() { return false; }
  send(channel, event) { record(`send ${channel} ${event}`); }
  setWindowOpenHandler() { record('setWindowOpenHandler'); }
}
export class BrowserWindow extends EventEmitter {
  webContents = new WebContents();
  constructor(options) { super(); report.windows.push(options.webPreferences); windows.push(this); }
  loadFile(file, options) { report.loads.push({ file, hash: options?.hash ?? null }); this.url = `file://${file}`; return Promise.resolve(); }
  show() {}
  focus() {}
  restore() {}
  isMinimized() { return false; }
  isDestroyed() { return false; }
}
export class Tray extends EventEmitter {
  constructor(image) { super(); record(`new Tray ${image}`); }
  setImage(image) { record(`tray.setImage ${image}`); }
  setToolTip() {}
  setContextMenu(menu) { trayMenu = menu.items; report.menus.push(menu.items.map((i) => i.label ?? '---')); }
  destroy() { record('tray.destroy'); }
}
export const Menu = { buildFromTemplate: (items) => ({ items }), setApplicationMenu: () => record('Menu.setApplicationMenu') };
export class Notification extends EventEmitter {
  static isSupported() { return true; }
  show() {}
}
export const shell = { openExternal: () => Promise.resolve() };
export const ipcMain = {
  handle: (channel, listener) => { record(`ipcMain.handle ${channel}`); handlers.set(channel, listener); },
  removeHandler: (channel) => { record(`ipcMain.removeHandler ${channel}`); handlers.delete(channel); },
};
export const powerMonitor = new EventEmitter();
export const session = {
  defaultSession: {
    webRequest: { onHeadersReceived: () => record('onHeadersReceived') },
    setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => record('setPermissionCheckHandler'),
  },
};
export const stub = true;

async function play() {
  while (!trayMenu?.some((i) => i.label === 'Sair')) await new Promise((r) => setTimeout(r, 20));
  const window = windows[0];
  const call = (method, request, url = window.url) => handlers.get('fp:call')({ sender: { id: window.webContents.id }, senderFrame: { url } }, method, request);
  report.ipc.appInfo = await call('app.info');
  report.ipc.accountsAdd = await call('accounts.add', { network: 'linkedin', id: '2414183', name: 'Acme' });
  report.ipc.untrusted = await call('app.info', undefined, 'https://evil.example/').then(
    () => 'answered',
    (error) => error.message,
  );
  powerMonitor.emit('resume');
  // The settings watch reports the added page; then quit from the tray.
  for (let i = 0; i < 250 && !report.calls.includes('send fp:event settings-changed'); i++) await new Promise((r) => setTimeout(r, 20));
  trayMenu.find((i) => i.label === 'Sair').click();
}
setTimeout(() => play().catch((error) => { report.errors.push(String(error?.stack ?? error)); finish(1); }), 0);
