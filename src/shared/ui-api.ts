import type { ErrorCode } from './error-codes';
import type { LocalizedText } from './i18n/progress-text';
import type { ImportPreview, ImportResult, ImportUploadDto } from './imports';
import type { InsightsApiMethods } from './insights';
import type { Network } from './networks';
import type { RunRecord, RunStatus } from './run-record';
import type { SecretName } from './secret-names';
import type { Settings } from './settings-schema';

/**
 * The UI's API, declared once (architecture "One API contract, two transports"): Electron IPC
 * through the preload, and HTTP for `follower-pulse serve`. Requests are validated on the
 * receiving side with the schemas in ui-api-schemas.ts. Secrets never cross this boundary:
 * the renderer can set or clear one and learn whether it is set, never read it.
 */
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export interface ApiFailure {
  ok: false;
  code: ErrorCode;
  message: string;
  hint?: string;
  /** SETTINGS_INVALID: which keys, for inline field errors. */
  issues?: { path: string; message: string }[];
}

export interface AppInfo {
  version: string;
  home: string;
  lakeDir: string;
  platform: string;
  transport: 'ipc' | 'http';
  /** Settings on disk are invalid: the UI shows a banner and the issues. */
  settingsProblem: ApiFailure | null;
  firstLaunch: boolean;
}

export type SecretStatus = Record<SecretName, { set: boolean; source: 'keychain' | 'environment' | null }>;

export interface TokenCheck {
  valid: boolean;
  expiresAt: string | null;
  expiresAtIsEstimate: boolean;
  /** Pages this token administers (organizationAcls), when the call succeeded. */
  pages: LinkedInPage[];
  /** Why the token is not valid (missing, expired, revoked, lacks permission), when `valid` is false. */
  problem?: { code: ErrorCode; message: string; hint?: string };
}

export interface LinkedInPage {
  id: string;
  name: string;
  vanityName: string | null;
}

export interface SignInStart {
  /** Open this in the system browser; LinkedIn redirects back to the loopback callback. */
  authorizationUrl: string;
}

export type SignInState =
  | { state: 'idle' }
  | { state: 'waiting'; authorizationUrl: string }
  | { state: 'done'; expiresAt: string | null }
  | { state: 'failed'; code: ErrorCode; message: string };

export interface AccountView {
  network: Network;
  id: string;
  name: string;
  enabled: boolean;
}

export interface SyncRequestDto {
  accountId?: string;
  from?: string;
  to?: string;
}

export interface SyncProgressEvent {
  runId: string | null;
  running: boolean;
  message: string;
  /** 0..1 when known. */
  fraction: number | null;
  /** The same line as a catalog key and parameters, for the reader's language (absent from older engines). */
  text?: LocalizedText;
}

export interface CoverageView {
  network: Network;
  accountId: string;
  name: string;
  firstDay: string | null;
  lastDay: string | null;
  /** The window LinkedIn serves, for the coverage strip. */
  windowStart: string;
  windowEnd: string;
  /** Days with gains inside the window. */
  presentCount: number;
  /** Days without gains from the first day with data (or the window's start) to its end, as ranges. */
  missingRanges: DayRange[];
  missingCount: number;
  totalFollowers: number | null;
  /** Daily gains of the last 90 days. */
  recentGains: RecentGains;
}

/** Inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** One slot per day from `from` on; null where the lake has no gains for that day. */
export interface RecentGains {
  from: string;
  organic: (number | null)[];
  /** Also null on a day whose network does not split organic and paid. */
  paid: (number | null)[];
  total: (number | null)[];
}

export type QueryEngineName = 'local' | 'athena';

export interface QueryResultDto {
  columns: string[];
  rows: Record<string, string | number | boolean | null>[];
  engine: QueryEngineName;
  scannedBytes: number | null;
  costUsd?: number | null;
  /** True when maxRows cut the result short. */
  truncated?: boolean;
}

export interface PreviewQuery {
  id: string;
  title: string;
  sql: string;
}

export interface DoctorCheck {
  id: string;
  title: string;
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  detail: string;
  fix?: string;
}

export interface SchedulerState {
  enabled: boolean;
  nextRunAt: string | null;
  running: boolean;
  lastRun: RunRecord | null;
  /** Who runs the daily sync: this app, or the OS task `schedule install` registered. */
  dailySyncBy?: 'app' | 'windows-task-scheduler' | 'systemd' | 'launchd';
  /** False when this process runs no schedule (`serve --no-schedule`): nextRunAt is then only the slot an OS scheduler would use. */
  inProcess?: boolean;
}

/** Request and response per method. */
export interface UiApiMethods extends InsightsApiMethods {
  'app.info': { request: void; response: AppInfo };
  'settings.get': { request: void; response: Settings };
  'settings.update': { request: DeepPartial<Settings>; response: Settings };
  'secrets.status': { request: void; response: SecretStatus };
  'secrets.set': { request: { name: SecretName; value: string }; response: SecretStatus };
  'secrets.clear': { request: { name: SecretName }; response: SecretStatus };
  'linkedin.checkToken': { request: void; response: TokenCheck };
  'linkedin.discoverPages': { request: void; response: LinkedInPage[] };
  'linkedin.startSignIn': { request: void; response: SignInStart };
  'linkedin.signInState': { request: void; response: SignInState };
  'accounts.list': { request: void; response: AccountView[] };
  'accounts.add': { request: { network: Network; id: string; name?: string }; response: AccountView[] };
  'accounts.remove': { request: { network: Network; id: string }; response: AccountView[] };
  'accounts.setEnabled': { request: { network: Network; id: string; enabled: boolean }; response: AccountView[] };
  'sync.start': { request: SyncRequestDto; response: { started: boolean } };
  'sync.progress': { request: void; response: SyncProgressEvent };
  'scheduler.state': { request: void; response: SchedulerState };
  'runs.list': { request: { limit?: number; status?: RunStatus }; response: RunRecord[] };
  'runs.get': { request: { runId: string }; response: RunRecord | null };
  'lake.coverage': { request: void; response: CoverageView[] };
  'data.previews': { request: void; response: PreviewQuery[] };
  'data.query': { request: { sql: string; engine: QueryEngineName; maxRows?: number }; response: QueryResultDto };
  'doctor.run': { request: void; response: DoctorCheck[] };
  'alerts.sendTest': { request: void; response: { sentTo: string[] } };
  'import.preview': { request: ImportUploadDto; response: ImportPreview };
  'import.commit': { request: ImportUploadDto; response: ImportResult };
  'sources.testConnection': { request: { network: Network; accountId?: string }; response: ConnectionTest };
}

/** "Test connection" for one network: its token works and, given an account, what it reads. */
export type ConnectionTest =
  | { network: Network; ok: true; accountId: string | null; name: string | null; followers: number | null }
  | { network: Network; ok: false; accountId: string | null; problem: { code: ErrorCode; message: string; hint?: string } };

export type UiMethod = keyof UiApiMethods;
export type UiRequest<M extends UiMethod> = UiApiMethods[M]['request'];
export type UiResponse<M extends UiMethod> = UiApiMethods[M]['response'];

/** What the renderer sees as `window.api`, the same over IPC and HTTP. */
export interface UiApi {
  call<M extends UiMethod>(method: M, ...request: UiRequest<M> extends void ? [] : [UiRequest<M>]): Promise<ApiResult<UiResponse<M>>>;
  /** Pushed events; returns an unsubscribe function. */
  on<E extends keyof UiEvents>(event: E, listener: (payload: UiEvents[E]) => void): () => void;
}

export interface UiEvents {
  'sync-progress': SyncProgressEvent;
  'run-finished': RunRecord;
  'settings-changed': Settings;
}

export type DeepPartial<T> = T extends (infer U)[] ? U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export const UI_METHODS = [
  'app.info',
  'settings.get',
  'settings.update',
  'secrets.status',
  'secrets.set',
  'secrets.clear',
  'linkedin.checkToken',
  'linkedin.discoverPages',
  'linkedin.startSignIn',
  'linkedin.signInState',
  'accounts.list',
  'accounts.add',
  'accounts.remove',
  'accounts.setEnabled',
  'sync.start',
  'sync.progress',
  'scheduler.state',
  'runs.list',
  'runs.get',
  'lake.coverage',
  'data.previews',
  'data.query',
  'doctor.run',
  'sources.testConnection',
  'alerts.sendTest',
  'import.preview',
  'import.commit',
  'insights.report',
  'insights.forecast',
  'events.list',
  'events.add',
  'events.update',
  'events.remove',
  'events.import',
  'goals.list',
  'goals.add',
  'goals.remove',
] as const satisfies readonly UiMethod[];

export function isUiMethod(value: unknown): value is UiMethod {
  return typeof value === 'string' && (UI_METHODS as readonly string[]).includes(value);
}

/** What the desktop preload exposes as `window.followerPulseIpc` (contextBridge, sandboxed). */
export interface FollowerPulseIpcBridge {
  call(method: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
