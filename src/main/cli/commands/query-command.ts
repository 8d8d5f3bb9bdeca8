import type { Settings } from '../../../shared/settings-schema';
import { AppError } from '../../engine/errors';
import { LAKE_TABLES } from '../../engine/lake/lake-layout';
import type { QueryEngine, QueryEngineName, QueryResult } from '../../engine/query/query-types';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { formatResultSummary, formatResultTable } from '../result-table';

const DEFAULT_MAX_ROWS = 1000;

const HELP = `Usage: follower-pulse query SQL [--engine local|athena] [--max-rows N] [--json]

Runs one read-only query (SELECT or WITH … SELECT; locally also DESCRIBE and SHOW TABLES)
over the lake tables: ${LAKE_TABLES.join(', ')}.
Where api and import rows exist for the same day, the local tables already keep the api row.

  --engine local    (default) DuckDB over the local data folder
  --engine athena   Amazon Athena over the S3 lake (athena.* settings; billed per byte scanned)
  --max-rows N      keep the first N rows (default ${DEFAULT_MAX_ROWS})
  --json            { "columns", "rows", "engine", "scannedBytes" } on stdout

Ctrl-C cancels a running query (in Athena too).
Example: follower-pulse query "SELECT day, total_gain FROM follower_gains ORDER BY day DESC LIMIT 7"`;

function engineName(value: string | undefined): QueryEngineName {
  if (value === undefined || value === 'local') return 'local';
  if (value === 'athena') return 'athena';
  throw usageError('query', `Unknown engine: ${value} (use local or athena)`);
}

function maxRowsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ROWS;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw usageError('query', `--max-rows needs a whole number of at least 1, not "${value}"`);
  return n;
}

async function openEngine(ctx: CliContext, settings: Settings, name: QueryEngineName): Promise<QueryEngine> {
  if (name === 'local') {
    const { openLocalEngine } = await import('../../engine/query/local-engine');
    return openLocalEngine(ctx.lakeDir(settings));
  }
  if (!settings.athena.enabled) {
    throw new AppError('SETTINGS_INVALID', 'Athena is not set up: athena.enabled is off', {
      hint: 'set athena.enabled to true, with athena.workgroup and athena.outputLocation, in Settings or settings.json; then run: follower-pulse athena setup',
    });
  }
  const { openAthenaEngine } = await import('../../engine/query/athena-engine');
  return openAthenaEngine(settings);
}

/** Runs the query with Ctrl-C wired to cancel it; a second Ctrl-C falls back to Node's default (exit). */
async function runCancellable(ctx: CliContext, engine: QueryEngine, sql: string, maxRows: number): Promise<QueryResult> {
  const controller = new AbortController();
  const onSigint = (): void => {
    ctx.io.err('Cancelling the query…');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await engine.query(sql, { signal: controller.signal, maxRows });
  } finally {
    process.removeListener('SIGINT', onSigint);
    await engine.close();
  }
}

function printResult(ctx: CliContext, result: QueryResult, maxRows: number): void {
  if (ctx.json) {
    const { columns, rows, engine, scannedBytes, costUsd, truncated } = result;
    ctx.io.json({ columns, rows, engine, scannedBytes, ...(costUsd === undefined ? {} : { costUsd }), ...(truncated ? { truncated } : {}) });
    if (truncated) ctx.io.err(`Only the first ${maxRows} rows were kept; raise --max-rows for more.`);
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
  const settings = await ctx.settings();
  const engine = await openEngine(ctx, settings, name);
  if (name === 'athena' && ctx.io.isTTY) ctx.io.err('Running on Athena… (Ctrl-C cancels)');
  printResult(ctx, await runCancellable(ctx, engine, sql, maxRows), maxRows);
  return EXIT.ok;
}
