import {
  ACCOUNTS_COLUMNS,
  COMPANY_EVENTS_COLUMNS,
  GAINS_COLUMNS,
  SYNC_RUNS_COLUMNS,
  TOTALS_COLUMNS,
  type LakeTable,
} from '../lake/lake-layout';

/**
 * What each lake table looks like to Athena (contract §6): column types and the English
 * comment every column carries, so an analyst browsing the catalog (Athena console, Power BI)
 * knows what a column means without this code. Pure data.
 *
 * Types: `day` is a date (LazySimpleSerDe reads YYYY-MM-DD as DATE); counts are bigint;
 * instants stay strings because Athena's timestamp does not parse ISO-8601 with `Z`; the quoted
 * tables are all strings because OpenCSVSerDe reads every column as text anyway.
 */

export type AthenaType = 'date' | 'bigint' | 'string';

export interface AthenaColumn {
  name: string;
  type: AthenaType;
  comment: string;
}

export type AthenaTableFormat = 'lazy-simple' | 'open-csv';

export interface AthenaTableShape {
  name: LakeTable;
  comment: string;
  columns: AthenaColumn[];
  /** The `month` partition key, or null for the unpartitioned dimension tables. */
  partition: AthenaColumn | null;
  format: AthenaTableFormat;
}

const NETWORK = 'Social network: linkedin, facebook, instagram or x';
const ACCOUNT_ID = 'Id of the page on its network (for LinkedIn the organization id)';
const SOURCE = 'Where the row came from: api (read by the daily sync) or import (history imported from a file). Where both exist for a day the api row is the one to use';
const FETCHED_AT = 'When the numbers were read, ISO-8601 UTC such as 2026-11-28T07:00:01.000Z (text: Athena timestamps do not parse the Z)';
const MONTH = 'Partition: the month of day, YYYY-MM. Filter on it to scan less data';

const COMMENTS: Readonly<Record<LakeTable, Readonly<Record<string, string>>>> = {
  follower_gains: {
    day: 'UTC calendar day the gains are for (YYYY-MM-DD), as LinkedIn buckets it',
    network: NETWORK,
    account_id: ACCOUNT_ID,
    organic_gain: 'New followers that day not attributed to sponsored content (LinkedIn organicFollowerGain); may be negative',
    paid_gain: 'New followers that day attributed to sponsored content (LinkedIn paidFollowerGain); NULL where the network has no organic/paid split',
    total_gain: 'Net new followers that day: organic_gain + paid_gain; may be negative',
    source: SOURCE,
    fetched_at: FETCHED_AT,
  },
  follower_totals: {
    day: 'UTC calendar day the follower count was taken (YYYY-MM-DD); for api rows the day the sync ran',
    network: NETWORK,
    account_id: ACCOUNT_ID,
    followers: 'Total followers of the page on that day (LinkedIn networkSizes)',
    source: SOURCE,
    fetched_at: FETCHED_AT,
  },
  accounts: {
    network: NETWORK,
    account_id: ACCOUNT_ID,
    name: 'Display name of the page',
    url: 'Address of the page; empty when unknown',
  },
  company_events: {
    id: 'Stable id of the event',
    day: 'First day of the event, YYYY-MM-DD (text)',
    end_day: 'Last day of a multi-day event, YYYY-MM-DD (text); empty for a one-day event',
    network: 'Network the event concerns; empty means every network',
    category: 'Kind of event, for example campaign, post or launch',
    title: 'Short title of the event',
    notes: 'Free-text notes; may be empty',
    account_id: 'Id of the page the event concerns; empty means every page of network',
  },
  sync_runs: {
    run_id: 'Id of the sync run: its start time (UTC) and a random suffix',
    started_at: 'When the run started, ISO-8601 UTC (text)',
    finished_at: 'When the run finished, ISO-8601 UTC (text)',
    trigger: 'What started the run: schedule, tray, cli, catch-up or ui',
    status: 'Outcome of the run: success, up-to-date, no-data, partial or failed',
    accounts: 'Pages the run covered, as network:account_id separated by semicolons',
    days_written: 'Days added or changed by the run, summed over its pages',
    rows_written: 'Rows added or changed by the run, summed over its pages',
    api_calls: 'Calls the run made to the network APIs',
    error_code: 'Stable error code when the run failed, such as LINKEDIN_TOKEN_EXPIRED; NULL otherwise',
  },
};

function columns(table: LakeTable, names: readonly string[], types: Partial<Record<string, AthenaType>>): AthenaColumn[] {
  return names.map((name) => ({ name, type: types[name] ?? 'string', comment: COMMENTS[table][name] }));
}

const monthPartition = (comment = MONTH): AthenaColumn => ({ name: 'month', type: 'string', comment });

export const ATHENA_TABLES: readonly AthenaTableShape[] = [
  {
    name: 'follower_gains',
    comment: 'Daily follower gains per page, one row per day, page and source (Follower Pulse)',
    columns: columns('follower_gains', GAINS_COLUMNS, { day: 'date', organic_gain: 'bigint', paid_gain: 'bigint', total_gain: 'bigint' }),
    partition: monthPartition(),
    format: 'lazy-simple',
  },
  {
    name: 'follower_totals',
    comment: 'Follower count per page on the days it was taken (Follower Pulse)',
    columns: columns('follower_totals', TOTALS_COLUMNS, { day: 'date', followers: 'bigint' }),
    partition: monthPartition(),
    format: 'lazy-simple',
  },
  {
    name: 'accounts',
    comment: 'The pages Follower Pulse tracks, with their names',
    columns: columns('accounts', ACCOUNTS_COLUMNS, {}),
    partition: null,
    format: 'open-csv',
  },
  {
    name: 'company_events',
    comment: 'Company actions (campaigns, posts, launches) to read the follower curves against',
    columns: columns('company_events', COMPANY_EVENTS_COLUMNS, {}),
    partition: null,
    format: 'open-csv',
  },
  {
    name: 'sync_runs',
    comment: 'One row per Follower Pulse sync run',
    columns: columns('sync_runs', SYNC_RUNS_COLUMNS, { days_written: 'bigint', rows_written: 'bigint', api_calls: 'bigint' }),
    partition: monthPartition('Partition: the month (UTC) the run started, YYYY-MM'),
    format: 'lazy-simple',
  },
];
