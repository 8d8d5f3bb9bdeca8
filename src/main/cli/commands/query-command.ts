import { DEFAULT_QUERY_ROWS, runQuery, type QueryAnswer, type QueryRequest } from '../../engine/app/use-cases/query';
import { LAKE_TABLES } from '../../engine/lake/lake-layout';
import type { QueryEngineName } from '../../engine/query/query-types';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { formatResultSummary, formatResultTable } from '../result-table';

const HELP = `Usage: follower-pulse query SQL [--engine local|athena] [--max-rows N] [--json]

Runs one read-only query (SELECT or WITH … SELECT; locally also DESCRIBE and SHOW TABLES)
over the lake tables: ${LAKE_TABLES.join(', ')}.
Where api and import rows exist for the same day, the local tables already keep the api row.

  --engine local    (default) DuckDB over the local data folder
  --engine athena   Amazon Athena over the S3 lake (athena.* settings; billed per byte scanned)
  --max-rows N      keep the first N rows (default ${DEFAULT_QUERY_ROWS})
  --json            { "columns", "rows", "engine", "scannedBytes" } on stdout

Ctrl-C cancels a running query (in Athena too).
Example: follower-pulse query "SELECT day, total_gain FROM follower_gains ORDER BY day DESC LIMIT 7"`;

function engineName(value: string | undefined): QueryEngineName {
  if (value === undefined || value === 'local') return 'local';
  if (value === 'athena') return 'athena';
  throw usageError('query', `Unknown engine: ${value} (use local or athena)`);
}

function maxRowsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_QUERY_ROWS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw usageError('query', `--max-rows needs a whole number of at least 1, not "${value}"`);
  return n;
}

/** Runs the query with Ctrl-C wired to cancel it; a second Ctrl-C falls back to Node's default (exit). */
async function runCancellable(ctx: CliContext, request: QueryRequest): Promise<QueryAnswer> {
  const settings = await ctx.settings();
  const controller = new AbortController();
  const onSigint = (): void => {
    ctx.io.err('Cancelling the query…');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await runQuery({ ...request, signal: controller.signal }, { settings, lakeDir: ctx.lakeDir(settings) });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

function printResult(ctx: CliContext, result: QueryAnswer, maxRows: number): void {
  if (ctx.json) {
    ctx.io.json(result);
    if (result.truncated) ctx.io.err(`Only the first ${maxRows} rows were kept; raise --max-rows for more.`);
    return;
  }
  for (const line of formatResultTable(result)) ctx.io.out(line);
  ctx.io.out(formatResultSummary(result, maxRows));
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('query', argv, { engine: { type: 'string' }, 'max-rows': { type: 'string' } });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  const sql = args.positionals.join(' ').trim();
  if (sql === '') throw usageError('query', 'Missing the SQL, e.g. follower-pulse query "SELECT * FROM follower_gains LIMIT 10"');
  const name = engineName(args.values.engine);
  const maxRows = maxRowsOf(args.values['max-rows']);
  const onRunning = (engine: QueryEngineName): void => {
    if (engine === 'athena' && ctx.io.isTTY) ctx.io.err('Running on Athena… (Ctrl-C cancels)');
  };
  printResult(ctx, await runCancellable(ctx, { sql, engine: name, maxRows, onRunning }), maxRows);
  return EXIT.ok;
}
