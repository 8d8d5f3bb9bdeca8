import { athenaDdl } from '../../engine/query/athena-ddl';
import {
  athenaDdlInput,
  oldestLakeMonth,
  requireAthenaSettings,
  runAthenaSetup,
  type AthenaSetupResult,
  type TableSetupResult,
} from '../../engine/query/athena-setup';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse athena setup [--print] [--json]

Creates the Athena database (athena.database) and one external table per lake folder under
s3://<s3.bucket>/<s3.prefix>: partition projection on month (no crawler, new months are
queryable at once) and a comment on every column.
Re-running changes nothing, unless a definition changed (a moved prefix, older history
imported): such a table is dropped and created again. The tables are external, so no data is lost.

  --print   show the statements without calling AWS
  --json    { "database", "oldestMonth", "tables": [ { "name", "action", "reasons" } ] }

Needs athena.enabled and s3.bucket; uses athena.workgroup, athena.outputLocation, athena.region
and the AWS profile in s3.profile (or the default AWS credentials).`;

function describeTable(table: TableSetupResult): string {
  if (table.action === 'unchanged') return `  ${table.name}: up to date`;
  if (table.action === 'created') return `  ${table.name}: created`;
  return `  ${table.name}: updated (${table.reasons.join(', ')})`;
}

function printSetup(ctx: CliContext, result: AthenaSetupResult, oldestMonth: string): void {
  if (ctx.json) {
    ctx.io.json({ database: result.database, oldestMonth, tables: result.tables });
    return;
  }
  ctx.io.out(`Athena database ${result.database} is ready:`);
  for (const table of result.tables) ctx.io.out(describeTable(table));
  ctx.io.out(`Months from ${oldestMonth} to now are queryable. Try: follower-pulse query "SELECT * FROM follower_gains LIMIT 10" --engine athena`);
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('athena', argv, { print: { type: 'boolean' } });
  const [action, extra] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  if (action !== 'setup') throw usageError('athena', `Unknown action: ${action} (use setup)`);
  if (extra !== undefined) throw usageError('athena', `Unexpected argument: ${extra}`);
  const print = args.values.print === true;
  const settings = await ctx.settings();
  requireAthenaSettings(settings, { print });
  const oldestMonth = await oldestLakeMonth(ctx.lakeDir(settings), ctx.now(), settings.linkedin.backfillDays);
  const input = athenaDdlInput(settings, oldestMonth);
  if (print) {
    const statements = athenaDdl(input);
    if (ctx.json) ctx.io.json({ statements });
    else ctx.io.out(`${statements.join(';\n\n')};`);
    return EXIT.ok;
  }
  if (!ctx.json && ctx.io.isTTY) ctx.io.err(`Setting up Athena database ${input.database}…`);
  printSetup(ctx, await runAthenaSetup(settings, input), oldestMonth);
  return EXIT.ok;
}
