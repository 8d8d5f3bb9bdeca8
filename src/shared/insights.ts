import type { Network } from './networks';

/**
 * The analytics documents of contract §8, shared by the engine (which computes them), the CLI
 * (`report --json`, `events list --json`, `goals list --json`, `forecast --json`) and the UI
 * (`insights.*`, `events.*`, `goals.*`). One shape for all three: the CLI prints exactly what
 * the UI receives. Days are `YYYY-MM-DD` UTC days (contract §5).
 */
export type Granularity = 'day' | 'week' | 'month';
export type ReportPeriod = '7d' | '30d' | '90d' | '365d' | 'mtd' | 'ytd';

/** `NETWORK:ID`, e.g. `linkedin:2414183`. */
export type AccountKey = string;

export interface ReportRequest {
  /** Without it every account is included. */
  accounts?: AccountKey[];
  /** Either from+to, or a period; neither = the default 30 days ending on the newest day with data. */
  from?: string;
  to?: string;
  period?: ReportPeriod;
  granularity?: Granularity;
}

export interface ReportAccount {
  network: Network;
  accountId: string;
  name: string;
}

export interface DayGain {
  day: string;
  gain: number;
}

export interface ReportHeadline {
  netGain: number;
  organicGain: number;
  paidGain: number;
  /** paid / (organic + paid); null when the denominator is 0. */
  paidShare: number | null;
  previous: { from: string; to: string; netGain: number };
  /** (net − previous) / |previous| × 100; null when previous is 0. */
  changePct: number | null;
  /** The same period a year earlier, where the lake has data for it (more keys allowed by §8). */
  yearAgo?: { from: string; to: string; netGain: number; daysWithData: number; changePct: number | null } | null;
  followersStart: number | null;
  followersEnd: number | null;
  bestDay: DayGain | null;
  worstDay: DayGain | null;
  daysWithData: number;
  missingDays: string[];
}

export interface ReportSeriesPoint {
  /** First day of the bucket (the day, the ISO week's Monday, the month's 1st). */
  bucket: string;
  organic: number;
  paid: number;
  total: number;
  followers: number | null;
  reconstructed: boolean;
  daysWithData: number;
}

export interface Reconciliation {
  gainsSum: number;
  /** Change in followers over the period; null when the selection has no snapshot. */
  totalsChange: number | null;
  difference: number | null;
  explanation: string;
  /** What the explanation says, for translated text: agree, counts grew less / more, or nothing to compare. */
  kind?: 'match' | 'totals-lower' | 'totals-higher' | 'no-counts';
  /** The first and last counts compared (absent with kind 'no-counts'). */
  comparedFrom?: string;
  comparedTo?: string;
}

/** Per-network lines for the cross-network view (issue 10); more keys allowed by §8. */
export interface ReportNetworkLine {
  network: Network;
  followersStart: number | null;
  followersEnd: number | null;
  netGain: number;
  growthPct: number | null;
  share: number | null;
  /**
   * Where `netGain` comes from: the summed daily gains, or — for a network that reports no daily
   * gains in the period (X keeps only counts) — the change between its counts.
   */
  netGainFrom?: 'gains' | 'counts';
  /**
   * The day `followersStart` refers to: the day before the period, or, for a counts-only network
   * without a count by then, its first count inside the period. Null when there is none.
   */
  startDay?: string | null;
}

/**
 * One network's day (issue 10's cross-network view), with the same rules as `daily`: `gain` sums
 * the rows that exist, `hasData` when every account of the network has a row that day.
 * `followers` is null on a day the network has neither a count nor gains for (a gap, never 0).
 */
export interface ReportNetworkDay {
  network: Network;
  day: string;
  followers: number | null;
  reconstructed: boolean;
  gain: number;
  hasData: boolean;
}

/** One network's bucket of the gains chart (the report's granularity); `daysWithData` 0 = no bar. */
export interface ReportNetworkBucket {
  network: Network;
  bucket: string;
  total: number;
  daysWithData: number;
}

export interface ReportDocument {
  from: string;
  to: string;
  granularity: Granularity;
  accounts: ReportAccount[];
  headline: ReportHeadline;
  series: ReportSeriesPoint[];
  reconciliation: Reconciliation;
  /** Daily values for the charts (day granularity regardless of `granularity`); more keys allowed by §8. */
  daily?: { day: string; organic: number; paid: number; total: number; followers: number | null; reconstructed: boolean; hasData: boolean }[];
  networks?: ReportNetworkLine[];
  /**
   * Per network and day, networks in the order of `networks`, then by day. Present when the
   * selection spans more than one network (for one, `daily` already says it).
   */
  networkDaily?: ReportNetworkDay[];
  /** Per network and bucket, networks in the order of `networks`, then by bucket; present like `networkDaily`. */
  networkSeries?: ReportNetworkBucket[];
}

export type EventVerdict = 'raised' | 'lowered' | 'no-effect' | 'too-little-data';

export interface EventImpact {
  windowDays: number;
  baselineDays: number;
  meanAfter: number | null;
  meanBefore: number | null;
  lift: number | null;
  low: number | null;
  high: number | null;
  verdict: EventVerdict;
}

export interface CompanyEventInput {
  day: string;
  endDay?: string | null;
  title: string;
  category?: string;
  network?: Network | null;
  /** `NETWORK:ID` or a bare id with `network` set; null = every account of `network`. */
  accountId?: string | null;
  notes?: string;
}

export interface CompanyEvent {
  id: string;
  day: string;
  endDay: string | null;
  network: Network | null;
  accountId: string | null;
  category: string;
  title: string;
  notes: string;
}

export interface CompanyEventView extends CompanyEvent {
  impact: EventImpact;
}

export type GoalStatus = 'met' | 'on-track' | 'at-risk' | 'behind';

export interface GoalInput {
  target: number;
  by: string;
  network?: Network | null;
  accountId?: string | null;
  name?: string;
}

export interface Goal {
  id: string;
  name: string;
  network: Network | null;
  accountId: string | null;
  target: number;
  by: string;
}

export interface GoalView extends Goal {
  asOf: string | null;
  current: number | null;
  remaining: number | null;
  daysLeft: number | null;
  neededPerDay: number | null;
  pacePerDay: number | null;
  projectedDate: string | null;
  status: GoalStatus;
}

export interface ForecastRequest {
  accounts?: AccountKey[];
  horizon: number;
}

export interface ForecastPoint {
  day: string;
  followers: number;
  low80: number;
  high80: number;
  low95: number;
  high95: number;
}

export interface ForecastDocument {
  method: 'holt-damped';
  asOf: string | null;
  horizon: number;
  points: ForecastPoint[];
  mase: number | null;
  beatsNaive: boolean | null;
  baselineMase: number | null;
}

/**
 * The UI API methods of the analytics (merged into UiApiMethods in ui-api.ts). Their responses
 * are the same documents the CLI prints with --json.
 */
export interface InsightsApiMethods {
  'insights.report': { request: ReportRequest; response: ReportDocument };
  'insights.forecast': { request: ForecastRequest; response: ForecastDocument };
  'events.list': { request: void; response: { events: CompanyEventView[] } };
  'events.add': { request: CompanyEventInput; response: CompanyEventView };
  'events.update': { request: CompanyEventInput & { id: string }; response: CompanyEventView };
  'events.remove': { request: { id: string }; response: { removed: boolean } };
  /** A CSV with the company_events header (`id` optional); all rows or none. */
  'events.import': { request: { csv: string }; response: { imported: number } };
  'goals.list': { request: void; response: { goals: GoalView[] } };
  'goals.add': { request: GoalInput; response: GoalView };
  'goals.remove': { request: { id: string }; response: { removed: boolean } };
}
