import type { BrowserWindowConstructorOptions } from 'electron';
import type { ResponseHeaders } from './content-security-policy';
import type { LoginItemSettings } from './login-item';
import type { TrayTemplateItem } from './tray-menu';

/**
 * The part of Electron the desktop shell uses, as structural types. The real `electron` module
 * satisfies it (main.ts passes it, so tsc checks that), and a unit test passes a recording fake
 * instead: the Electron binary cannot be downloaded on our build machines, and loading
 * 'electron' as a value would try to.
 */
export interface DesktopElectron {
  app: DesktopApp;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => DesktopWindow;
  Tray: new (image: string) => DesktopTray;
  Menu: {
    buildFromTemplate(template: TrayTemplateItem[]): DesktopMenu;
    setApplicationMenu(menu: null): void;
  };
  Notification: {
    new (options: { title: string; body: string; icon?: string }): DesktopNotificationHandle;
    isSupported(): boolean;
  };
  shell: { openExternal(url: string): Promise<void> };
  ipcMain: {
    handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  };
  powerMonitor: {
    on(event: 'resume', listener: () => void): unknown;
  };
  session: { defaultSession: DesktopSession };
}

export interface DesktopApp {
  readonly isPackaged: boolean;
  setPath(name: string, path: string): void;
  setName(name: string): void;
  setAppUserModelId(id: string): void;
  requestSingleInstanceLock(): boolean;
  quit(): void;
  exit(exitCode?: number): void;
  whenReady(): Promise<void>;
  setLoginItemSettings(settings: LoginItemSettings): void;
  getVersion(): string;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

export interface DesktopWindow {
  readonly webContents: DesktopWebContents;
  loadFile(filePath: string, options?: { hash?: string }): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

export interface DesktopWebContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface IpcInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

export interface DesktopTray {
  setImage(image: string): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: DesktopMenu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** Opaque: whatever Menu.buildFromTemplate returns goes straight to Tray.setContextMenu. */
export interface DesktopMenu {
  readonly items: readonly unknown[];
}

export interface DesktopNotificationHandle {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

export interface DesktopSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}
