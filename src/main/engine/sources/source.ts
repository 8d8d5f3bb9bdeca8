import type * as z from '../../../shared/zod';
import type { Network } from '../../../shared/networks';
import type { RunWarning } from '../../../shared/run-record';
import type { DoctorCheck } from '../../../shared/ui-api';
import type { SecretName } from '../../../shared/secret-names';
import type { Settings } from '../../../shared/settings-schema';
import type { Day } from '../dates';
import type { AppError } from '../errors';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import type { AppState, StateStore } from '../settings/state-store';
import type { SharedBackoff } from './shared-backoff';

/**
 * A network described as data (architecture seam 4): everything generic — planner, runner,
 * status, doctor, alerts, account forms — reads this and never names a network. Adding a
 * network is adding a folder under sources/ exporting one of these and a line in the registry.
 */
export interface SourceDescription {
  id: Network;
  /** How people write the network's name ("LinkedIn"); not translated. */
  displayName: string;
  streams: {
    /** Absent for a network that serves only a follower count (X): its runs fetch totals only. */
    gains?: GainsStream;
    /**
     * Totals are a snapshot dated with the run's UTC day (contract §6): taken every run, or at
     * most once per account and UTC day where reads are billed (a day's row already in the
     * lake means no request).
     */
    totals: { kind: 'snapshot-per-run' } | { kind: 'snapshot-per-utc-day' };
  };
  /** Lag, lookback and backfill as this network's settings section says. */
  planSettings(settings: Settings): PlanSettings;
  /** The settings.json section the network owns and its schema (contract §4). */
  settings: { section: string; schema: z.ZodType };
  token: TokenDescription;
  /** Turns anything a client threw into an AppError with a contract §7 code. */
  classifyError(error: unknown): AppError;
  /** Validates and normalises what a person typed as an account id; throws AppError USAGE. */
  normalizeAccountId(input: string): string;
  /** A short example id for messages ("2414183"). */
  accountIdExample: string;
  /** How usage lines name the id argument ("ORG_ID"). */
  accountIdPlaceholder: string;
  /** One line of help saying where to find the id. */
  accountIdHelp: string;
  /** The account's public page, for accounts.csv; null when it cannot be built (no link beats a broken one). */
  accountUrl(accountId: string, name?: string): string | null;
  createClient(context: SourceClientContext): SourceClient;
  /** Warnings a run gives beyond the token's expiry (e.g. an API version close to retirement). */
  runWarnings?(context: { settings: Settings; client: SourceClient | null; now: Date; token?: TokenInfo }): RunWarning[];
  /** Checks `doctor` runs for this network (token works, API version current). */
  doctorChecks?(context: DoctorContext): Promise<DoctorCheck[]>;
  /** Around when the network retires an API version (alerts name it); null when unknown. */
  apiVersionSunsetDay?(version: string): Day | null;
}

export interface DoctorContext {
  settings: Settings;
  secrets: SecretStore;
  state: StateStore;
  now: Date;
}

export interface GainsStream {
  /** The longest span of days one request may cover. */
  maxWindowDays: number;
  /** The oldest day the API still serves, given today. */
  oldestServedDay(today: Day): Day;
}

export interface PlanSettings {
  lagDays: number;
  lookbackDays: number;
  backfillDays: number;
  /** The oldest day the network serves, given today; default: 12 months back. */
  oldestServedDay?: (today: Day) => Day;
}

export interface TokenInfo {
  expiresAt?: string | null;
  expiresAtIsEstimate?: boolean;
}

export interface TokenDescription {
  /** The secret holding the access token; its other secrets are listed in `secrets`. */
  accessSecret: SecretName;
  secrets: readonly SecretName[];
  /** Reads the access token; throws a TOKEN_MISSING AppError saying where to put one. */
  load(secrets: SecretStore, purpose?: 'sync' | 'ui' | 'cli'): Promise<string>;
  /** Renews an expiring token before a run; never throws (a failure is logged). */
  refreshIfDue?(deps: TokenRefreshDeps): Promise<void>;
  /** What state.json knows about the token's expiry. */
  info(state: AppState): TokenInfo | undefined;
  /** A pasted token's expiry is estimated from when it was stored. */
  recordPasted(state: AppState, now: Date): AppState;
  forget(state: AppState): AppState;
}

export interface TokenRefreshDeps {
  settings: Settings;
  secrets: SecretStore;
  state: StateStore;
  now: () => Date;
  logger?: Logger;
}

export interface SourceClientContext {
  settings: Settings;
  secrets: SecretStore;
  now: () => Date;
  /** A person is waiting (UI, CLI look-ups): one quick attempt rather than patient retries. */
  interactive?: boolean;
  /** Shared by every client of one run, so a throttled request slows the whole pool. */
  backoff?: SharedBackoff;
  /** Overrides the token loader (doctor checks a token it already read). */
  getAccessToken?: () => Promise<string>;
}

/** One day's gains as a network reports them, in the lake's field names. */
export interface NetworkGain {
  day: Day;
  organicGain: number;
  /** null where the network has no organic/paid split. */
  paidGain: number | null;
}

export interface FetchWindow {
  /** Inclusive UTC days. */
  from: Day;
  to: Day;
}

export interface SourceClient {
  /** HTTP requests sent so far, retries included (run records report apiCalls). */
  readonly apiCalls: number;
  /**
   * Set once the network has stopped serving its gains metric (e.g. removed by a deprecation):
   * the run records totals only and warns, rather than reporting every day missing.
   */
  readonly gainsUnavailable?: boolean;
  fetchGains(accountId: string, window: FetchWindow): Promise<NetworkGain[]>;
  fetchTotal(accountId: string): Promise<number>;
  lookUpName(accountId: string): Promise<string>;
}
