import type { Day } from '../../dates';
import type { SharedBackoff } from '../shared-backoff';
import type { HttpFetch } from '../../http/http-fetch';

/** One UTC day of follower gains as LinkedIn returned it (already validated). */
export interface DailyFollowerGain {
  day: Day;
  organicGain: number;
  paidGain: number;
}

export interface OrganizationInfo {
  id: string;
  name: string;
  vanityName: string | null;
}

export interface LinkedInClientOptions {
  apiBaseUrl: string;
  apiVersion: string;
  /** Resolved lazily so a run without LinkedIn work never touches the keychain. */
  getAccessToken: () => Promise<string>;
  /** Per-request timeout in ms (default 30 000). */
  timeoutMs?: number;
  /** Retries for 5xx / HTML / truncated / timeouts / throttle (default 3), backoff base ms (default 500). */
  maxRetries?: number;
  backoffBaseMs?: number;
  /** Counts every HTTP request made (run records report apiCalls). */
  onRequest?: (info: { method: string; path: string }) => void;
  fetchImpl?: HttpFetch;
  /**
   * On 426 (version sunset) try recent monthly versions and keep the first that works
   * (default true), so a stale setting degrades to a warning instead of a failed run.
   */
  versionFallback?: boolean;
  /** Shared by every client of a run: a throttled request pauses them all. */
  backoff?: SharedBackoff;
  /** Clock for choosing fallback versions (default: the real clock). */
  now?: () => Date;
}
