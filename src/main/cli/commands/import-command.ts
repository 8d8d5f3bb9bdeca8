import { commitImport, type ImportRequest } from '../../engine/app/import-history';
import { readImportSources } from '../../engine/app/import-sources';
import { LocalLake } from '../../engine/lake/local-lake';
import { IMPORT_FORMAT_NAMES, type ImportFormatName, type ImportMappingDto, type ImportResult } from '../../../shared/imports';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse import FILE --network N --account ID [options]

Imports follower history from a file into the local data folder's import files (source=import),
which a sync never overwrites; where the API has the same day, the API's numbers win. FILE may
be a CSV or XLSX file, a folder of them (the old prototype's follower_stats_*.csv files), or an
S3 prefix s3://bucket/prefix/ (read with the settings' s3.endpoint, s3.region and s3.profile).

Every line is checked first: one bad line (an impossible date, a negative follower count, a day
given twice with different numbers, a missing column) rejects the whole import and nothing is
written. Importing the same file again changes nothing. Holds the sync lock while it writes.

Formats (--format, default auto: recognised by the header):
  linkedin-export   LinkedIn's page-analytics follower export (Date, Sponsored followers,
                    Organic followers, Auto-invited followers, Total followers; or the pt-BR export)
  prototype         the old prototype's follower_stats_YYYYMMDD.csv (organizationalEntity, Data,
                    Ganhos de seguidores orgânicos, Ganhos de seguidores patrocinados)
  generic           any table with a day column and followers and/or gains; columns are found by
                    common English/Portuguese names, or named with the options below. Delimiter
                    , or ; (with decimal commas); days as YYYY-MM-DD, DD/MM/YYYY or Excel dates.

Options:
  --network N            linkedin, facebook, instagram or x
  --account ID           the page or account id (LinkedIn also urn:li:organization:ID); optional
                         for prototype files, which name their page
  --format F             auto, generic, linkedin-export or prototype
  --day-column NAME      generic: the day column
  --followers-column NAME  generic: the follower count column (follower_totals)
  --organic-column NAME  generic: the organic gain column
  --paid-column NAME     generic: the paid gain column
  --gain-column NAME     generic: the net gain column (alone: gains without a split)
  --dry-run              check and show what would be imported; write nothing
  --json                 print the result as JSON

An account that is not among the tracked pages can be imported; it is not added to them
(add it with: follower-pulse accounts add NETWORK ID).

Exit codes: 0 imported (or nothing new), 2 bad usage or the file was rejected, 3 another sync is running.`;

const OPTIONS = {
  network: { type: 'string' },
  account: { type: 'string' },
  format: { type: 'string' },
  'day-column': { type: 'string' },
  'followers-column': { type: 'string' },
  'organic-column': { type: 'string' },
  'paid-column': { type: 'string' },
  'gain-column': { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

const LISTED_REASONS = 20;

function formatOf(value: string | undefined): ImportFormatName | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if ((IMPORT_FORMAT_NAMES as readonly string[]).includes(value)) return value as ImportFormatName;
  throw usageError('import', `Unknown format: ${value} (auto, ${IMPORT_FORMAT_NAMES.join(', ')})`);
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('import', argv, OPTIONS);
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  const [target, ...extra] = args.positionals;
  if (target === undefined) throw usageError('import', 'Name the file to import');
  if (extra.length > 0) throw usageError('import', `Unexpected argument: ${extra[0]}`);
  const network = args.values.network;
  if (network === undefined) throw usageError('import', '--network is required (linkedin, facebook, instagram or x)');
  const mapping: ImportMappingDto = {
    day: args.values['day-column'],
    followers: args.values['followers-column'],
    organic: args.values['organic-column'],
    paid: args.values['paid-column'],
    gain: args.values['gain-column'],
  };
  const format = formatOf(args.values.format);
  const settings = await ctx.settings();
  const files = await readImportSources(target, settings);
  const request: ImportRequest = { files, network, accountId: args.values.account ?? null, format, mapping: dropUnset(mapping) };
  const result = await commitImport(
    request,
    { settings, lake: new LocalLake(ctx.lakeDir(settings)), home: ctx.home, now: ctx.now(), trigger: 'cli' },
    { dryRun: args.values['dry-run'] === true },
  );
  report(ctx, result, target);
  return result.rejectedCount > 0 ? EXIT.usage : EXIT.ok;
}

function dropUnset(mapping: ImportMappingDto): ImportMappingDto {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v !== undefined));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summary(result: ImportResult): string {
  const parts = [result.gainDays > 0 ? plural(result.gainDays, 'day') + ' of gains' : null, result.totalDays > 0 ? plural(result.totalDays, 'follower count') : null];
  const span = result.firstDay ? ` (${result.firstDay} to ${result.lastDay})` : '';
  return `${parts.filter(Boolean).join(' and ')}${span} for ${result.network} ${result.accountId}`;
}

function notes(ctx: CliContext, result: ImportResult): void {
  for (const file of result.files) for (const warning of file.warnings) ctx.io.err(`${file.name}: ${warning.text}`);
  if (result.daysAlreadyFromApi > 0) ctx.io.err(`${plural(result.daysAlreadyFromApi, 'day')} already synced from the API keep the API's numbers.`);
  if (!result.accountTracked) {
    ctx.io.err(`${result.network} ${result.accountId} is not among the tracked pages and was not added (add it with: follower-pulse accounts add ${result.network} ${result.accountId}).`);
  }
}

function report(ctx: CliContext, result: ImportResult, target: string): void {
  if (ctx.json) {
    ctx.io.json(result);
    return;
  }
  if (result.rejectedCount > 0) {
    ctx.io.err(`Rejected ${target}: ${plural(result.rejectedCount, 'problem')} in ${plural(result.rowsRead, 'line')}; nothing was written — fix the lines below and import again.`);
    for (const r of result.rejections.slice(0, LISTED_REASONS)) ctx.io.err(`  ${r.file}${r.line === null ? '' : `:${r.line}`}: ${r.reason}`);
    if (result.rejectedCount > LISTED_REASONS) ctx.io.err(`  … and ${result.rejectedCount - LISTED_REASONS} more (see --json)`);
    return;
  }
  notes(ctx, result);
  const format = result.files.length === 1 ? result.format : `${plural(result.files.length, 'file')}, ${result.format}`;
  if (result.dryRun) {
    ctx.io.out(`Dry run (${format}): would import ${summary(result)}. Nothing was written.`);
    const columns = result.files[0]?.columns;
    if (columns) ctx.io.out(`Columns: ${Object.entries(columns).map(([role, name]) => `${role} = ${JSON.stringify(name)}`).join(', ')}`);
    for (const row of result.rows) ctx.io.out(`  ${row.day}  organic ${row.organic ?? '-'}  paid ${row.paid ?? '-'}  followers ${row.followers ?? '-'}`);
    return;
  }
  if (result.filesWritten.length === 0) {
    ctx.io.out(`Already imported: ${summary(result)} — the data folder holds these numbers already (${format}).`);
    return;
  }
  ctx.io.out(`Imported ${summary(result)} (${format}): ${plural(result.daysWritten, 'day')} new or changed in ${plural(result.filesWritten.length, 'file')}.`);
}
