import type { Logger } from '../../src/main/engine/log/logger';
import type { CreateServicesInput, DesktopBoot, DesktopUiHandlers, ScheduleSnapshot } from '../../src/main/desktop/desktop-boot';
import type {
  DesktopElectron,
  DesktopMenu,
  DesktopNotificationHandle,
  DesktopSession,
  DesktopTray,
  DesktopWebContents,
  DesktopWindow,
  IpcInvokeEvent,
  NavigationEvent,
  PreventableEvent,
} from '../../src/main/desktop/electron-api';
import type { LoginItemSettings } from '../../src/main/desktop/login-item';
import type { TrayTemplateItem } from '../../src/main/desktop/tray-menu';
import type { RunTrigger } from '../../src/shared/run-record';
import type { ApiResult, SyncRequestDto, UiEvents, UiMethod } from '../../src/shared/ui-api';

/**
 * A recording fake of the Electron API the desktop shell uses (electron-api.ts): every call
 * lands in `calls` in order, listeners are kept so a test can fire the events Electron would.
 * Typed against our own structural interface, so a test never imports 'electron'.
 */

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export class FakeWebContents extends Emitter implements DesktopWebContents {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  destroyed = false;

  constructor(readonly id: number) {
    super();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }

  /** Fires will-navigate / will-redirect; returns whether the shell prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const e: NavigationEvent = { url, preventDefault: () => (prevented = true) };
    this.emit(event, e);
    return prevented;
  }
}

export class FakeWindow extends Emitter implements DesktopWindow {
  readonly webContents: FakeWebContents;
  readonly loads: { file: string; hash: string | undefined }[] = [];
  shown = 0;
  focused = 0;
  destroyed = false;
  minimized = false;

  constructor(
    readonly options: unknown,
    id: number,
  ) {
    super();
    this.webContents = new FakeWebContents(id);
  }

  loadFile(filePath: string, options?: { hash?: string }): Promise<void> {
    this.loads.push({ file: filePath, hash: options?.hash });
    return Promise.resolve();
  }

  show(): void {
    this.shown++;
  }

  focus(): void {
    this.focused++;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** What Electron does when the user closes the window. */
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeTray extends Emitter implements DesktopTray {
  readonly images: string[] = [];
  toolTip = '';
  menu: DesktopMenu | null = null;
  destroyed = false;

  constructor(image: string) {
    super();
    this.images.push(image);
  }

  setImage(image: string): void {
    this.images.push(image);
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setContextMenu(menu: DesktopMenu | null): void {
    this.menu = menu;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** The menu's template items, as the shell built them. */
  items(): TrayTemplateItem[] {
    return (this.menu?.items ?? []) as TrayTemplateItem[];
  }

  click(label: string): void {
    const item = this.items().find((i) => i.label === label);
    if (!item?.click) throw new Error(`no clickable item ${label}; have ${this.items().map((i) => i.label).join(' | ')}`);
    item.click();
  }
}

export class FakeNotification extends Emitter implements DesktopNotificationHandle {
  shown = false;

  constructor(readonly options: { title: string; body: string }) {
    super();
  }

  show(): void {
    this.shown = true;
  }
}

export interface FakeElectronOptions {
  lock?: boolean;
  isPackaged?: boolean;
  notificationsSupported?: boolean;
}

export interface FakeElectron extends DesktopElectron {
  /** Every call in order, e.g. `app.setPath userData /home`. */
  calls: string[];
  app: DesktopElectron['app'] & Emitter & { loginItems: LoginItemSettings[] };
  windows: FakeWindow[];
  trays: FakeTray[];
  notifications: FakeNotification[];
  ipcHandlers: Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>;
  opened: string[];
  power: Emitter;
  sessionHandlers: {
    headers?: Parameters<DesktopSession['webRequest']['onHeadersReceived']>[0];
    permissionRequest?: Parameters<DesktopSession['setPermissionRequestHandler']>[0];
    permissionCheck?: Parameters<DesktopSession['setPermissionCheckHandler']>[0];
  };
  /** Fires an app event and reports whether a listener called preventDefault. */
  emitPreventable(event: string): boolean;
}

export function createFakeElectron(options: FakeElectronOptions = {}): FakeElectron {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const trays: FakeTray[] = [];
  const notifications: FakeNotification[] = [];
  const ipcHandlers = new Map<string, (event: IpcInvokeEvent, ...args: unknown[]) => unknown>();
  const opened: string[] = [];
  const power = new Emitter();
  const sessionHandlers: FakeElectron['sessionHandlers'] = {};
  let nextId = 1;

  const app = Object.assign(new Emitter(), {
    isPackaged: options.isPackaged ?? true,
    loginItems: [] as LoginItemSettings[],
    setPath: (name: string, p: string) => void calls.push(`app.setPath ${name} ${p}`),
    setName: (name: string) => void calls.push(`app.setName ${name}`),
    setAppUserModelId: (id: string) => void calls.push(`app.setAppUserModelId ${id}`),
    requestSingleInstanceLock: () => {
      calls.push('app.requestSingleInstanceLock');
      return options.lock ?? true;
    },
    quit: () => void calls.push('app.quit'),
    exit: (code?: number) => void calls.push(`app.exit ${code ?? 0}`),
    whenReady: () => Promise.resolve(),
    setLoginItemSettings(settings: LoginItemSettings) {
      calls.push('app.setLoginItemSettings');
      app.loginItems.push(settings);
    },
    getVersion: () => '0.1.0',
  });

  const session: DesktopSession = {
    webRequest: { onHeadersReceived: (listener) => void (sessionHandlers.headers = listener) },
    setPermissionRequestHandler: (handler) => void (sessionHandlers.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => void (sessionHandlers.permissionCheck = handler),
  };

  return {
    calls,
    app,
    windows,
    trays,
    notifications,
    ipcHandlers,
    opened,
    power,
    sessionHandlers,
    BrowserWindow: class extends FakeWindow {
      constructor(windowOptions: unknown) {
        super(windowOptions, nextId++);
        calls.push('new BrowserWindow');
        windows.push(this);
      }
    },
    Tray: class extends FakeTray {
      constructor(image: string) {
        super(image);
        calls.push('new Tray');
        trays.push(this);
      }
    },
    Menu: {
      buildFromTemplate: (template: TrayTemplateItem[]): DesktopMenu => ({ items: template }),
      setApplicationMenu: () => void calls.push('Menu.setApplicationMenu null'),
    },
    Notification: Object.assign(
      class extends FakeNotification {
        constructor(o: { title: string; body: string }) {
          super(o);
          notifications.push(this);
        }
      },
      { isSupported: () => options.notificationsSupported ?? true },
    ),
    shell: {
      openExternal: (url: string) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    ipcMain: {
      handle: (channel, listener) => {
        calls.push(`ipcMain.handle ${channel}`);
        ipcHandlers.set(channel, listener);
      },
      removeHandler: (channel) => {
        calls.push(`ipcMain.removeHandler ${channel}`);
        ipcHandlers.delete(channel);
      },
    },
    powerMonitor: { on: (event: 'resume', listener: () => void) => power.on(event, listener) },
    session: { defaultSession: session },
    emitPreventable(event: string): boolean {
      let prevented = false;
      const e: PreventableEvent = { preventDefault: () => (prevented = true) };
      app.emit(event, e);
      return prevented;
    },
  };
}

// ---- engine doubles -------------------------------------------------------------------------

type EventListener = <E extends keyof UiEvents>(event: E, payload: UiEvents[E]) => void;

/** UiHandlers (with the tray's extras) answering from a table; records every call. */
export class FakeUiHandlers implements DesktopUiHandlers {
  readonly calls: { method: UiMethod; request: unknown }[] = [];
  readonly listeners = new Set<EventListener>();
  readonly answers = new Map<UiMethod, ApiResult<unknown>>();
  readonly syncStarts: { trigger: RunTrigger; request: SyncRequestDto | undefined }[] = [];
  syncStartAnswer: ApiResult<{ started: boolean }> = { ok: true, value: { started: true } };
  readonly scheduleChecks: string[] = [];
  schedule: ScheduleSnapshot | null = { enabled: true, nextRunAt: new Date('2026-11-29T10:00:00.000Z'), running: false };
  closed = false;

  startSync(trigger: RunTrigger, request?: SyncRequestDto): Promise<ApiResult<{ started: boolean }>> {
    this.syncStarts.push({ trigger, request });
    return Promise.resolve(this.syncStartAnswer);
  }

  checkSchedule(reason: string): void {
    this.scheduleChecks.push(reason);
  }

  schedulerState(): ScheduleSnapshot | null {
    return this.schedule;
  }

  handle<M extends UiMethod>(method: M, request: unknown): Promise<ApiResult<never>> {
    this.calls.push({ method, request });
    const answer = this.answers.get(method) ?? { ok: false, code: 'INTERNAL', message: `no answer for ${method}` };
    return Promise.resolve(answer as ApiResult<never>);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends keyof UiEvents>(event: E, payload: UiEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

export interface RecordingLogger extends Logger {
  lines: { level: string; event: string; fields: Record<string, unknown> | undefined }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const at = (level: string) => (event: string, fields?: Record<string, unknown>) => void lines.push({ level, event, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface FakeBoot extends DesktopBoot {
  handlers: FakeUiHandlers;
  logger: RecordingLogger;
  /** What the shell passed to createServices (home, openExternal). */
  servicesInput: CreateServicesInput | null;
}

export function fakeBoot(overrides: Partial<DesktopBoot> = {}): FakeBoot {
  const handlers = new FakeUiHandlers();
  const logger = recordingLogger();
  const boot: FakeBoot = {
    env: { FOLLOWER_PULSE_HOME: '/srv/fp-home' },
    platform: 'linux',
    homedir: '/home/ana',
    cwd: '/home/ana',
    desktopDir: '/opt/follower-pulse/dist/desktop',
    now: () => new Date('2026-11-28T10:00:00-03:00'),
    createLogger: () => logger,
    createServices: (input) => {
      boot.servicesInput = input;
      return Promise.resolve({ handlers });
    },
    handlers,
    logger,
    servicesInput: null,
    ...overrides,
  };
  return boot;
}
