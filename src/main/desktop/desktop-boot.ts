import type { UiHandlers } from '../engine/app/ui-handlers';
import type { Logger } from '../engine/log/logger';
import type { RunTrigger } from '../../shared/run-record';
import type { ApiResult, SyncRequestDto } from '../../shared/ui-api';

/**
 * What the desktop shell needs from the engine, as interfaces: main.ts passes the real
 * implementations (desktop-services.ts), the unit tests pass in-memory ones.
 */

/** The in-process Scheduler's snapshot (engine/schedule/scheduler.ts). */
export interface ScheduleSnapshot {
  enabled: boolean;
  nextRunAt: Date | null;
  running: boolean;
}

/**
 * The UI API plus what only the tray needs (createUiHandlers' AppUiHandlers). The daily
 * Scheduler lives inside it (`schedule: true`), so its runs reach the tray and the windows
 * as the same sync-progress / run-finished events as a "Sync now".
 */
export interface DesktopUiHandlers extends UiHandlers {
  startSync(trigger: RunTrigger, request?: SyncRequestDto): Promise<ApiResult<{ started: boolean }>>;
  /** Re-evaluates the daily schedule: after a resume from sleep no timer has fired. */
  checkSchedule(reason: string): void;
  schedulerState(): ScheduleSnapshot | null;
}

export interface DesktopServices {
  handlers: DesktopUiHandlers;
}

export interface CreateServicesInput {
  home: string;
  logger: Logger;
  /** shell.openExternal behind the allow-list, for the LinkedIn sign-in page. */
  openExternal: (url: string) => Promise<void>;
}

export interface DesktopBoot {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
  cwd: string;
  /** The folder holding main.js and preload.cjs (dist/desktop). */
  desktopDir: string;
  now(): Date;
  createLogger(home: string): Logger;
  /** Called at 'ready', once this is the only instance: opens stores, starts the scheduler. */
  createServices(input: CreateServicesInput): Promise<DesktopServices>;
}
