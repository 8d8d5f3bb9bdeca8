import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../src/main/desktop/ipc-bridge';
import { startDesktop, type DesktopHandle } from '../../src/main/desktop/start-desktop';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import type { SchedulerState } from '../../src/shared/ui-api';
import { accountResult, runRecord } from '../support/run-record-fixture';
import { createFakeElectron, fakeBoot, type FakeBoot, type FakeElectron, type FakeElectronOptions } from './desktop-fake-electron';

process.env.TZ = 'America/Sao_Paulo';

const DESKTOP_DIR = '/opt/follower-pulse/dist/desktop';
const INDEX_HTML = path.join(DESKTOP_DIR, '..', 'renderer', 'index.html');
const APP_URL = 'file:///opt/follower-pulse/dist/renderer/index.html';

function settings(change: (s: Settings) => void = () => undefined): Settings {
  const s = defaultSettings();
  s.accounts = [{ network: 'linkedin', id: '2414183', name: 'Acme', enabled: true }];
  change(s);
  return s;
}

interface Started {
  electron: FakeElectron;
  boot: FakeBoot;
  handle: DesktopHandle | null;
}

async function start(argv: string[] = [], options: FakeElectronOptions = {}, boot: FakeBoot = fakeBoot()): Promise<Started> {
  const electron = createFakeElectron(options);
  boot.handlers.answers.set('settings.get', { ok: true, value: settings() });
  const scheduler: SchedulerState = { enabled: true, nextRunAt: '2026-11-29T10:00:00.000Z', running: false, lastRun: null };
  boot.handlers.answers.set('scheduler.state', { ok: true, value: scheduler });
  if (!boot.handlers.answers.has('sync.progress')) boot.handlers.answers.set('sync.progress', { ok: true, value: { runId: null, running: false, message: '', fraction: null } });
  const handle = startDesktop(electron, ['/opt/follower-pulse/follower-pulse', ...argv], boot);
  await handle?.ready;
  return { electron, boot, handle };
}

/** Resolves once pending promise callbacks (the IPC handler, the tray click) have run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('startDesktop: before ready', () => {
  it('points userData at the home before anything else', async () => {
    const { electron } = await start();
    expect(electron.calls[0]).toBe('app.setPath userData /srv/fp-home');
    expect(electron.calls.indexOf('app.requestSingleInstanceLock')).toBeGreaterThan(0);
    // Chromium's caches go to a subfolder of the home, not next to settings.json.
    expect(electron.calls).toContain('app.setPath sessionData /srv/fp-home/electron');
  });

  it('uses --home like the CLI, and the platform’s userData folder otherwise', async () => {
    expect((await start(['--home', '/data/fp'])).electron.calls[0]).toBe('app.setPath userData /data/fp');
    const boot = fakeBoot({ env: {}, platform: 'linux', homedir: '/home/ana' });
    expect((await start([], {}, boot)).electron.calls[0]).toBe('app.setPath userData /home/ana/.config/Follower Pulse');
  });

  it('a second instance quits at once: no window, no tray, no IPC', async () => {
    const { electron, handle, boot } = await start([], { lock: false });
    expect(handle).toBeNull();
    expect(electron.calls.slice(-1)).toEqual(['app.quit']);
    expect(electron.windows).toHaveLength(0);
    expect(electron.trays).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(boot.servicesInput).toBeNull();
  });

  it('sets the AppUserModelId of the contract and removes the default menu bar', async () => {
    const { electron } = await start();
    expect(electron.calls).toContain('app.setAppUserModelId io.followerpulse.app');
    expect(electron.calls).toContain('Menu.setApplicationMenu null');
  });
});

describe('startDesktop: windows', () => {
  it('opens one secure window on a normal start, loading our page with the preload', async () => {
    const { electron } = await start();
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({
      webPreferences: { preload: path.join(DESKTOP_DIR, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(window?.loads).toEqual([{ file: INDEX_HTML, hash: undefined }]);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(1);
  });

  it('--hidden (launch at login) starts in the tray with no window at all', async () => {
    const { electron } = await start(['--hidden']);
    expect(electron.windows).toHaveLength(0);
    expect(electron.trays).toHaveLength(1);
  });

  it('closing the last window does not quit, and the closed window is gone for good', async () => {
    const { electron } = await start();
    expect(electron.app.count('window-all-closed')).toBe(1);
    electron.windows[0]?.close();
    electron.app.emit('window-all-closed');
    expect(electron.calls).not.toContain('app.quit');
    // Reopening creates a new window rather than showing a hidden one.
    electron.trays[0]?.click('Abrir o Follower Pulse');
    expect(electron.windows).toHaveLength(2);
  });

  it('a second launch focuses the open window, or opens one; a hidden second launch opens none', async () => {
    const { electron } = await start(['--hidden']);
    electron.app.emit('second-instance', {}, ['follower-pulse', '--hidden']);
    expect(electron.windows).toHaveLength(0);
    electron.app.emit('second-instance', {}, ['follower-pulse']);
    expect(electron.windows).toHaveLength(1);
    electron.windows[0].minimized = true;
    electron.app.emit('second-instance', {}, ['follower-pulse']);
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]).toMatchObject({ minimized: false, focused: 1 });
  });

  it('tray items open the window at the right route', async () => {
    const { electron } = await start(['--hidden']);
    electron.trays[0]?.click('Configurações');
    expect(electron.windows[0]?.loads).toEqual([{ file: INDEX_HTML, hash: '/settings' }]);
    electron.trays[0]?.click('Histórico de execuções');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.loads.at(-1)).toEqual({ file: INDEX_HTML, hash: '/runs' });
  });
});

describe('startDesktop: tray', () => {
  it('shows the tray with the state’s menu, tooltip and icon', async () => {
    const { electron } = await start();
    expect(electron.trays).toHaveLength(1);
    const tray = electron.trays[0];
    expect(tray.images).toEqual([path.join('/opt/follower-pulse/resources', 'tray-idle-32.png')]);
    expect(tray.items().map((i) => i.label ?? '---')).toEqual([
      'Nenhuma sincronização ainda',
      'Próxima: amanhã às 07:00',
      '---',
      'Sincronizar agora',
      '---',
      'Abrir o Follower Pulse',
      'Histórico de execuções',
      'Configurações',
      '---',
      'Sair',
    ]);
    expect(tray.toolTip).toBe('Follower Pulse\nNenhuma sincronização ainda');
  });

  it('rebuilds the menu and swaps the icon as a sync runs and fails', async () => {
    const { electron, boot } = await start();
    const tray = electron.trays[0];
    boot.handlers.emit('sync-progress', { runId: 'r1', running: true, message: '', fraction: 0.25 });
    expect(tray.items().find((i) => i.label?.startsWith('Sincronizando'))).toMatchObject({ label: 'Sincronizando… 25%', enabled: false });
    expect(tray.images.at(-1)).toMatch(/tray-syncing-32\.png$/);
    boot.handlers.emit('run-finished', runRecord({ runId: 'r1', status: 'failed', finishedAt: '2026-11-28T13:01:00.000Z', error: { code: 'NETWORK', message: 'x' } }));
    expect(tray.items()[0]?.label).toBe('A última sincronização falhou (hoje às 10:01)');
    expect(tray.images.at(-1)).toMatch(/tray-error-32\.png$/);
  });

  it('a sync already under way at startup shows at once', async () => {
    const boot = fakeBoot();
    boot.handlers.answers.set('sync.progress', { ok: true, value: { runId: null, running: true, message: 'Acme', fraction: 0.5 } });
    const { electron } = await start([], {}, boot);
    expect(electron.trays[0]?.items()[0]?.label).toBe('Sincronizando… 50%');
    expect(electron.trays[0]?.images[0]).toMatch(/tray-syncing-32\.png$/);
  });

  it('follows the language of the settings, also when they change on disk', async () => {
    const { electron, boot } = await start();
    boot.handlers.emit('settings-changed', settings((s) => (s.language = 'en')));
    expect(electron.trays[0]?.items().at(-1)?.label).toBe('Quit');
  });

  it('"Sync now" starts a tray-triggered sync; a refusal becomes a notification', async () => {
    const { electron, boot } = await start();
    boot.handlers.syncStartAnswer = { ok: false, code: 'LOCK_HELD', message: 'held' };
    electron.trays[0]?.click('Sincronizar agora');
    await settle();
    expect(boot.handlers.syncStarts).toEqual([{ trigger: 'tray', request: undefined }]);
    expect(electron.notifications.at(-1)?.options.title).toBe('Sincronização em andamento');
  });

  it('invalid settings: the tray says so and offers no sync', async () => {
    const boot = fakeBoot();
    const electron = createFakeElectron();
    boot.handlers.answers.set('settings.get', { ok: false, code: 'SETTINGS_INVALID', message: 'bad' });
    await startDesktop(electron, ['x'], boot)?.ready;
    expect(electron.trays[0]?.items()[0]?.label).toBe('As configurações têm um erro: abra Configurações');
    expect(electron.trays[0]?.items().find((i) => i.label === 'Sincronizar agora')?.enabled).toBe(false);
  });

  it('a left click opens the window on Windows', async () => {
    const boot = fakeBoot({ platform: 'win32', env: { FOLLOWER_PULSE_HOME: 'C:\\fp' } });
    const { electron } = await start(['--hidden'], {}, boot);
    expect(electron.trays[0]?.images[0]).toMatch(/tray-idle\.png$/);
    electron.trays[0]?.emit('click');
    expect(electron.windows).toHaveLength(1);
  });
});

describe('startDesktop: launch at login', () => {
  it('follows settings.schedule.launchAtLogin with --hidden, and again when it changes', async () => {
    const { electron, boot } = await start();
    expect(electron.app.loginItems).toEqual([{ openAtLogin: true, args: ['--hidden'] }]);
    boot.handlers.emit('settings-changed', settings((s) => (s.schedule.launchAtLogin = false)));
    boot.handlers.emit('settings-changed', settings((s) => (s.schedule.launchAtLogin = false)));
    expect(electron.app.loginItems).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
  });

  it('leaves the login items alone when running unpackaged (it would register a bare Electron)', async () => {
    const { electron } = await start([], { isPackaged: false });
    expect(electron.app.loginItems).toEqual([]);
  });
});

describe('startDesktop: IPC', () => {
  const trusted = (electron: FakeElectron, url = `${APP_URL}#/runs`): { sender: { id: number }; senderFrame: { url: string } } => ({
    sender: { id: electron.windows[0].webContents.id },
    senderFrame: { url },
  });

  it('registers one invoke channel that passes the raw request to UiHandlers', async () => {
    const { electron, boot } = await start();
    boot.handlers.answers.set('runs.list', { ok: true, value: [] });
    const handler = electron.ipcHandlers.get(IPC_CALL_CHANNEL)!;
    await expect(handler(trusted(electron), 'runs.list', { limit: 'not-a-number' })).resolves.toEqual({ ok: true, value: [] });
    // Validation is UiHandlers' job (the shared schema): the transport passes the request as is.
    expect(boot.handlers.calls.at(-1)).toEqual({ method: 'runs.list', request: { limit: 'not-a-number' } });
  });

  it('rejects a sender showing another page, a destroyed frame, or a webContents that is not ours', async () => {
    const { electron, boot } = await start();
    const handler = electron.ipcHandlers.get(IPC_CALL_CHANNEL)!;
    const before = boot.handlers.calls.length;
    await expect(handler(trusted(electron, 'https://evil.example/'), 'secrets.status', undefined)).rejects.toThrow('Untrusted sender');
    await expect(handler({ sender: { id: electron.windows[0].webContents.id }, senderFrame: null }, 'app.info', undefined)).rejects.toThrow();
    await expect(handler({ sender: { id: 999 }, senderFrame: { url: APP_URL } }, 'app.info', undefined)).rejects.toThrow();
    electron.windows[0]?.close();
    await expect(handler({ sender: { id: 1 }, senderFrame: { url: APP_URL } }, 'app.info', undefined)).rejects.toThrow();
    expect(boot.handlers.calls.length).toBe(before);
    expect(boot.logger.lines.filter((l) => l.event === 'desktop.ipc-untrusted-sender')).toHaveLength(4);
  });

  it('answers an unknown method with a USAGE failure, and a crashing handler with INTERNAL', async () => {
    const { electron, boot } = await start();
    const handler = electron.ipcHandlers.get(IPC_CALL_CHANNEL)!;
    await expect(handler(trusted(electron), 'secrets.reveal', {})).resolves.toMatchObject({ ok: false, code: 'USAGE' });
    boot.handlers.handle = () => Promise.reject(new Error('boom'));
    await expect(handler(trusted(electron), 'app.info', undefined)).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
  });

  it('forwards UI events to open windows only', async () => {
    const { electron, boot } = await start();
    const progress = { runId: 'r', running: true, message: 'Acme', fraction: 0.5 };
    boot.handlers.emit('sync-progress', progress);
    expect(electron.windows[0]?.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: ['sync-progress', progress] }]);
    electron.windows[0]?.close();
    boot.handlers.emit('sync-progress', progress);
    expect(electron.windows[0]?.webContents.sent).toHaveLength(1);
  });
});

describe('startDesktop: scheduler, power, notifications', () => {
  it('creates the engine (which runs the daily scheduler) at ready, and catches up on resume from sleep', async () => {
    const { electron, boot } = await start();
    expect(boot.servicesInput?.home).toBe('/srv/fp-home');
    electron.power.emit('resume');
    expect(boot.handlers.scheduleChecks).toEqual(['resume']);
  });

  it('the in-process scheduler’s next run reaches the tray; its not-yet-decided state does not', async () => {
    const { electron, boot } = await start();
    boot.handlers.schedule = { enabled: false, nextRunAt: null, running: true };
    electron.power.emit('resume');
    expect(electron.trays[0]?.items().slice(0, 2).map((i) => i.label)).toEqual(['Nenhuma sincronização ainda', 'Próxima: amanhã às 07:00']);
    boot.handlers.schedule = { enabled: true, nextRunAt: new Date('2026-11-29T21:30:00.000Z'), running: false };
    electron.power.emit('resume');
    expect(electron.trays[0]?.items()[1]?.label).toBe('Próxima: amanhã às 18:30');
  });

  it('the schedule switched off in the settings shows as off', async () => {
    const { electron, boot } = await start();
    boot.handlers.emit('settings-changed', settings((s) => (s.schedule.enabled = false)));
    expect(electron.trays[0]?.items()[1]?.label).toBe('Sincronização diária desligada');
  });

  it('a failed run shows a notification; clicking it opens that run', async () => {
    const { electron, boot } = await start(['--hidden']);
    const record = runRecord({ runId: 'run-7', status: 'failed', error: { code: 'LINKEDIN_TOKEN_EXPIRED', message: '401' } });
    boot.handlers.emit('run-finished', record);
    expect(electron.notifications).toHaveLength(1);
    expect(electron.notifications[0]).toMatchObject({ shown: true, options: { title: 'A sincronização falhou' } });
    electron.notifications[0]?.emit('click');
    expect(electron.windows[0]?.loads).toEqual([{ file: INDEX_HTML, hash: '/runs/run-7' }]);
  });

  it('a no-data run names the day and the page; a good run stays quiet', async () => {
    const { electron, boot } = await start();
    boot.handlers.emit('run-finished', runRecord({ runId: 'a', status: 'success' }));
    boot.handlers.emit('run-finished', runRecord({ runId: 'b', status: 'no-data', accounts: [accountResult({ missingDays: ['2026-11-25'] })] }));
    expect(electron.notifications.map((n) => n.options.title)).toEqual(['Sem dados para 25/11/2026']);
    expect(electron.notifications[0]?.options.body).toContain('da página Acme');
  });

  it('no notification where the system has none', async () => {
    const { electron, boot } = await start([], { notificationsSupported: false });
    boot.handlers.emit('run-finished', runRecord({ status: 'failed' }));
    expect(electron.notifications).toHaveLength(0);
  });
});

describe('startDesktop: quitting', () => {
  it('closes the engine (and its scheduler), removes the tray and IPC, then quits for real', async () => {
    const { electron, boot } = await start();
    expect(electron.emitPreventable('before-quit')).toBe(true);
    // A second quit request while cleaning up waits for the first.
    expect(electron.emitPreventable('before-quit')).toBe(true);
    await settle();
    await settle();
    expect(boot.handlers.closed).toBe(true);
    expect(electron.trays[0]?.destroyed).toBe(true);
    expect(electron.calls).toContain(`ipcMain.removeHandler ${IPC_CALL_CHANNEL}`);
    expect(electron.calls.filter((c) => c === 'app.quit')).toHaveLength(1);
    expect(electron.emitPreventable('before-quit')).toBe(false);
  });

  it('"Sair" in the tray asks Electron to quit', async () => {
    const { electron } = await start();
    electron.trays[0]?.click('Sair');
    expect(electron.calls.at(-1)).toBe('app.quit');
  });

  it('quitting while the engine starts leaves no tray behind', async () => {
    let release = (): void => undefined;
    const boot = fakeBoot();
    const handlers = boot.handlers;
    boot.createServices = () => new Promise((resolve) => (release = () => resolve({ handlers })));
    boot.handlers.answers.set('settings.get', { ok: true, value: settings() });
    const electron = createFakeElectron();
    const handle = startDesktop(electron, ['x', '--hidden'], boot);
    await settle();
    expect(electron.emitPreventable('before-quit')).toBe(true);
    release();
    await handle?.ready;
    await settle();
    expect(electron.trays).toHaveLength(0);
    expect(handlers.closed).toBe(true);
    expect(electron.calls.filter((c) => c === 'app.quit')).toHaveLength(1);
  });

  it('quits when the engine cannot start', async () => {
    const boot = fakeBoot({ createServices: () => Promise.reject(new Error('keychain exploded')) });
    const electron = createFakeElectron();
    await startDesktop(electron, ['x'], boot)?.ready;
    expect(electron.calls.at(-1)).toBe('app.quit');
    expect(boot.logger.lines.at(-1)).toMatchObject({ level: 'error', event: 'desktop.start-failed' });
  });
});
