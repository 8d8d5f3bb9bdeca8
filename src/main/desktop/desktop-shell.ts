import type { Logger } from '../engine/log/logger';
import type { RunRecord } from '../../shared/run-record';
import type { Settings } from '../../shared/settings-schema';
import type { UiEvents } from '../../shared/ui-api';
import type { DesktopArgs } from './desktop-args';
import type { DesktopBoot, DesktopServices, DesktopUiHandlers } from './desktop-boot';
import { trayIconPath, windowIconPath, type DesktopPaths } from './desktop-paths';
import type { DesktopElectron, PreventableEvent } from './electron-api';
import { hardenSession, hardenWebContents } from './harden';
import { registerUiIpc, sendUiEvent } from './ipc-main-registration';
import { loginItemSettings } from './login-item';
import { notificationFor, startFailureNotification, type NamedPage } from './notifications';
import { createTrayController } from './tray-controller';
import type { TrayAction } from './tray-menu';
import {
  initialTrayState,
  withFinishedRun,
  withNextRun,
  withNow,
  withProgress,
  withSchedulerState,
  withSettings,
  withSettingsProblem,
  type TrayState,
} from './tray-state';
import { externalUrlToOpen } from './url-guards';
import { createWindowManager } from './window-manager';

export interface DesktopShellInput {
  boot: DesktopBoot;
  home: string;
  logger: Logger;
  paths: DesktopPaths;
  args: DesktopArgs;
}

export interface DesktopShell {
  /** At 'ready': window, engine (with its scheduler), tray. Never rejects: a failure quits. */
  start(): Promise<void>;
  secondInstance(args: DesktopArgs): void;
  beforeQuit(event: PreventableEvent): void;
}

type UiEventMessage = { [E in keyof UiEvents]: { event: E; payload: UiEvents[E] } }[keyof UiEvents];

/** Quitting waits this long for the engine to stop, then goes anyway. */
const SHUTDOWN_GRACE_MS = 5_000;
/**
 * How often the tray re-reads the scheduler's next run, which moves when settings change and
 * which it announces to no one; "today" also becomes "yesterday" at midnight. A cheap getter,
 * and the menu is only rebuilt when its text changed.
 */
const TRAY_REFRESH_MS = 15_000;
/** Notifications kept referenced so their click handlers survive garbage collection. */
const LIVE_NOTIFICATIONS = 10;

/** The app after the single-instance lock: what runs at 'ready' and what quitting undoes. */
export function createDesktopShell(electron: DesktopElectron, input: DesktopShellInput): DesktopShell {
  const { app } = electron;
  const { boot, logger, paths } = input;
  let services: Promise<DesktopServices> | null = null;
  let engine: DesktopUiHandlers | null = null;
  let trayShown = false;
  let state: TrayState = initialTrayState(boot.now());
  let pages: NamedPage[] = [];
  let appliedLoginItem: string | null = null;
  let refreshTimer: ReturnType<typeof setInterval> | undefined;
  let quitPhase: 'running' | 'closing' | 'done' = 'running';
  const cleanups: (() => void)[] = [];
  const liveNotifications: unknown[] = [];

  const openExternal = async (url: string): Promise<void> => {
    const target = externalUrlToOpen(url);
    if (target === null) throw new Error('This address is not on the list the app may open.');
    await electron.shell.openExternal(target);
  };

  const windows = createWindowManager({
    BrowserWindow: electron.BrowserWindow,
    indexHtml: paths.indexHtml,
    preload: paths.preload,
    icon: windowIconPath(paths.resourcesDir, boot.platform),
    harden: (contents) => hardenWebContents(contents, { appUrl: paths.appUrl, openExternal, logger }),
    logger,
  });

  const actions: Record<TrayAction, () => void> = {
    'sync-now': () => void syncNow(),
    open: () => windows.open(),
    'run-history': () => windows.open('/runs'),
    settings: () => windows.open('/settings'),
    quit: () => app.quit(),
  };
  const tray = createTrayController({
    Tray: electron.Tray,
    Menu: electron.Menu,
    iconPath: (variant) => trayIconPath(paths.resourcesDir, variant, boot.platform),
    actions,
    clickOpens: boot.platform === 'win32',
  });

  const setState = (change: (s: TrayState) => TrayState): void => {
    state = change(withNow(state, boot.now()));
    if (trayShown) tray.render(state);
  };

  const withSchedule = (s: TrayState): TrayState => withNextRun(s, engine?.schedulerState() ?? null);

  const notify = (note: { title: string; body: string }, route: string): void => {
    if (!electron.Notification.isSupported()) return;
    const notification = new electron.Notification({ title: note.title, body: note.body });
    liveNotifications.push(notification);
    if (liveNotifications.length > LIVE_NOTIFICATIONS) liveNotifications.shift();
    notification.on('click', () => windows.open(route));
    notification.show();
  };

  const runFinished = (record: RunRecord): void => {
    setState((s) => withSchedule(withFinishedRun(s, record)));
    const note = notificationFor(record, state.language, pages);
    if (note !== null) notify(note, `/runs/${encodeURIComponent(note.runId)}`);
  };

  const settingsLoaded = (settings: Settings): void => {
    pages = settings.accounts.map((a) => ({ network: a.network, id: a.id, name: a.name }));
    setState((s) => withSchedule(withSettings(s, settings)));
    applyLoginItem(settings);
  };

  // The registry entry only for the installed app: unpackaged, it would start a bare Electron.
  const applyLoginItem = (settings: Settings): void => {
    if (!app.isPackaged) return;
    const wanted = loginItemSettings(settings);
    const key = JSON.stringify(wanted);
    if (key === appliedLoginItem) return;
    app.setLoginItemSettings(wanted);
    appliedLoginItem = key;
  };

  const onUiEvent = (message: UiEventMessage): void => {
    sendUiEvent(windows.webContents(), message.event, message.payload);
    if (message.event === 'run-finished') runFinished(message.payload);
    else if (message.event === 'sync-progress') setState((s) => withProgress(s, message.payload));
    else settingsLoaded(message.payload);
  };

  const syncNow = async (): Promise<void> => {
    const handlers = engine;
    if (handlers === null) return;
    const result = await handlers.startSync('tray');
    if (!result.ok) notify(startFailureNotification(result.code, state.language), '/runs');
  };

  // Settings, the schedule and the last run come through the UI API, as the window gets them.
  const loadInitialState = async (handlers: DesktopUiHandlers): Promise<void> => {
    const [settings, scheduler] = await Promise.all([handlers.handle('settings.get', undefined), handlers.handle('scheduler.state', undefined)]);
    if (settings.ok) settingsLoaded(settings.value);
    else if (settings.code === 'SETTINGS_INVALID') setState(withSettingsProblem);
    if (scheduler.ok) setState((s) => withSchedulerState(s, scheduler.value));
    await refreshProgress(handlers);
  };

  // Also on every tick: progress events are the truth, but a missed one must not leave the
  // tray saying "Sincronizando…" for good.
  const refreshProgress = async (handlers: DesktopUiHandlers): Promise<void> => {
    const progress = await handlers.handle('sync.progress', undefined);
    if (progress.ok && progress.value.running !== state.running) setState((s) => withProgress(s, progress.value));
  };

  const shutdown = async (): Promise<void> => {
    clearInterval(refreshTimer);
    for (const cleanup of cleanups.splice(0)) cleanup();
    trayShown = false;
    tray.destroy();
    if (services === null) return;
    // close() stops the scheduler and the settings watch; a run under way keeps the lake lock,
    // which the next start takes over once this process is gone.
    const stopping = services.then(({ handlers }) => handlers.close());
    await Promise.race([stopping, delay(SHUTDOWN_GRACE_MS)]);
  };

  // Once the engine is up: its events, the tray, catching up after sleep.
  const showTray = async (handlers: DesktopUiHandlers): Promise<void> => {
    cleanups.push(handlers.subscribe((event, payload) => onUiEvent({ event, payload } as UiEventMessage)));
    await loadInitialState(handlers);
    // Quit may have been chosen while the engine was starting: no tray after the tray is gone.
    if (quitPhase !== 'running') return;
    trayShown = true;
    setState(withSchedule);
    electron.powerMonitor.on('resume', () => {
      // Timers do not fire during sleep: catch up a run that fell due meanwhile.
      handlers.checkSchedule('resume');
      setState(withSchedule);
    });
    refreshTimer = setInterval(() => {
      setState(withSchedule);
      void refreshProgress(handlers);
    }, TRAY_REFRESH_MS);
    refreshTimer.unref?.();
  };

  return {
    async start() {
      hardenSession(electron.session.defaultSession);
      const ready = boot.createServices({ home: input.home, logger, openExternal });
      services = ready;
      cleanups.push(
        registerUiIpc(electron.ipcMain, {
          handlers: async () => (await ready).handlers,
          appUrl: paths.appUrl,
          isOurWebContents: (id) => windows.isOurWebContents(id),
          logger,
        }),
      );
      // The window first: the page waits for the engine through IPC rather than the user waiting.
      if (!input.args.hidden) windows.open();
      try {
        engine = (await ready).handlers;
        await showTray(engine);
      } catch (error) {
        logger.error('desktop.start-failed', { error });
        app.quit();
      }
    },
    secondInstance(args) {
      // Before the engine is up the first instance is still opening its own window.
      if (services !== null && !args.hidden) windows.open();
    },
    beforeQuit(event) {
      if (quitPhase === 'done') return;
      event.preventDefault();
      if (quitPhase === 'closing') return;
      quitPhase = 'closing';
      void shutdown()
        .catch((error: unknown) => logger.error('desktop.shutdown-failed', { error }))
        .finally(() => {
          quitPhase = 'done';
          app.quit();
        });
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });
}
