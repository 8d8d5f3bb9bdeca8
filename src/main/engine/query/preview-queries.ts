import { GAINS_COLUMNS, TOTALS_COLUMNS } from '../lake/lake-layout';

/**
 * The UI's preview SQL, kept in one place and written in the subset of SQL that DuckDB and
 * Athena (Trino) both accept, so the Data view shows the same rows whichever engine runs it
 * (a test runs each on DuckDB and through the Athena engine's result conversion).
 *
 * Dialect notes: date_trunc() returns a timestamp in DuckDB and a date in Trino, so it is cast
 * to date; `max(day) - INTERVAL '89' DAY` works in both; every column is named (Athena calls
 * unnamed ones _col0); ORDER BY is total so row order is deterministic, and newest first: a
 * preview shows its first rows, and the recent ones are what people look for.
 *
 * The local views already prefer `api` rows over `import` rows (contract §6), but Athena's
 * external tables hold both, so the fact-table previews apply that rule themselves; on DuckDB
 * it changes nothing.
 */
export interface PreviewQuery {
  id: string;
  title: string;
  sql: string;
}

const PREFER_API = "CASE WHEN source = 'api' THEN 0 ELSE 1 END";

function preferApi(name: string, table: string, columns: readonly string[]): string {
  return `${name} AS (
  SELECT ${[...columns, 'month'].join(', ')}
  FROM (
    SELECT *, row_number() OVER (PARTITION BY network, account_id, day ORDER BY ${PREFER_API}) AS pick
    FROM ${table}
  ) ranked
  WHERE pick = 1
)`;
}

const GAINS_CTE = preferApi('gains', 'follower_gains', GAINS_COLUMNS);
const TOTALS_CTE = preferApi('totals', 'follower_totals', TOTALS_COLUMNS);

function gainsByPeriod(unit: 'week' | 'month'): string {
  const period = `CAST(date_trunc('${unit}', day) AS date)`;
  return `WITH ${GAINS_CTE}
SELECT ${period} AS ${unit}, network, account_id,
  sum(organic_gain) AS organic_gain, sum(paid_gain) AS paid_gain, sum(total_gain) AS total_gain, count(*) AS days
FROM gains
GROUP BY ${period}, network, account_id
ORDER BY ${unit} DESC, network, account_id`;
}

export const previewQueries: readonly PreviewQuery[] = [
  {
    id: 'follower-gains',
    title: 'Follower gains: newest rows',
    sql: `WITH ${GAINS_CTE}
SELECT * FROM gains
ORDER BY day DESC, network, account_id
LIMIT 100`,
  },
  {
    id: 'follower-totals',
    title: 'Follower totals: newest rows',
    sql: `WITH ${TOTALS_CTE}
SELECT * FROM totals
ORDER BY day DESC, network, account_id
LIMIT 100`,
  },
  {
    id: 'accounts',
    title: 'Accounts',
    sql: `SELECT network, account_id, name, url FROM accounts
ORDER BY network, account_id
LIMIT 100`,
  },
  {
    id: 'company-events',
    title: 'Company events: newest first',
    sql: `SELECT id, day, end_day, network, category, title, notes FROM company_events
ORDER BY day DESC, id
LIMIT 100`,
  },
  {
    id: 'sync-runs',
    title: 'Sync runs: newest first',
    sql: `SELECT run_id, started_at, finished_at, "trigger", status, accounts, days_written, rows_written, api_calls, error_code, month
FROM sync_runs
ORDER BY started_at DESC, run_id
LIMIT 100`,
  },
  {
    id: 'daily-gains-90-days',
    title: 'Daily gains per page, last 90 days',
    sql: `WITH ${GAINS_CTE}
SELECT day, network, account_id, organic_gain, paid_gain, total_gain
FROM gains
WHERE day > (SELECT max(day) FROM gains) - INTERVAL '90' DAY
ORDER BY day DESC, network, account_id`,
  },
  { id: 'weekly-gains', title: 'Gains per page and week (weeks start on Monday)', sql: gainsByPeriod('week') },
  { id: 'monthly-gains', title: 'Gains per page and month', sql: gainsByPeriod('month') },
  {
    id: 'pages',
    title: 'Pages: name, coverage, gains and latest follower count',
    sql: `WITH ${GAINS_CTE},
${TOTALS_CTE},
latest AS (
  SELECT network, account_id, max_by(followers, day) AS followers
  FROM totals
  GROUP BY network, account_id
)
SELECT g.network, g.account_id, a.name, min(g.day) AS first_day, max(g.day) AS last_day, count(*) AS days,
  sum(g.total_gain) AS total_gain, l.followers AS latest_followers
FROM gains g
LEFT JOIN accounts a ON a.network = g.network AND a.account_id = g.account_id
LEFT JOIN latest l ON l.network = g.network AND l.account_id = g.account_id
GROUP BY g.network, g.account_id, a.name, l.followers
ORDER BY g.network, g.account_id`,
  },
];

export function findPreviewQuery(id: string): PreviewQuery | undefined {
  return previewQueries.find((q) => q.id === id);
}
