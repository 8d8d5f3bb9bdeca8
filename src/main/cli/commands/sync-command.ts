import type { RunRecord, RunTrigger } from '../../../shared/run-record';
import { isDay } from '../../engine/dates';
import { executeSync } from '../../engine/sync/execute-sync';
import { exitCodeFor } from '../../engine/sync/run-status';
import { planSyncRange } from '../../engine/app/use-cases/sync-range';
import { summarizeDays, type SyncProgress } from '../../engine/sync/sync-runner';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { withRequestedRanges } from '../day-ranges';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse sync [--account ID] [--from YYYY-MM-DD --to YYYY-MM-DD] [--no-alerts] [--json]

Fetches follower statistics for every enabled page and writes them to the local data folder.
Each run reads the newest ${'`lookbackDays`'} available days again (LinkedIn revises late) and every
missing day LinkedIn can still serve (12 months back). The first run imports the whole year.

Options:
  --account ID        only this page
  --from, --to DATE   re-fetch exactly this range (UTC days, inclusive); only changed days are rewritten
  --no-alerts         do not send alert e-mails for this run
  --trigger schedule  record the run as a scheduled one (for Task Scheduler / cron)
  --json              print the run record as JSON

Exit codes: 0 success or up to date, 1 failed/partial/no data, 2 bad usage or settings, 3 another sync is running.`;

const TRIGGERS: readonly RunTrigger[] = ['cli', 'schedule', 'catch-up', 'tray', 'ui'];

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('sync', argv, {
    account: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'no-alerts': { type: 'boolean' },
    // Set by `schedule install` so OS-scheduled runs are recorded as such.
    trigger: { type: 'string' },
  });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('sync', `Unexpected argument: ${args.positionals[0]}`);
  const trigger = (args.values.trigger ?? 'cli') as RunTrigger;
  if (!TRIGGERS.includes(trigger)) throw usageError('sync', `--trigger must be one of ${TRIGGERS.join(', ')}`);
  const settings = await ctx.settings();
  const now = ctx.now();
  const range = parseRange(args.values.from, args.values.to);
  if (range) {
    for (const { source, plan } of planSyncRange(settings, range, now, 'cli')) {
      if (plan.clipped && plan.window) ctx.io.err(`${source.displayName} serves ${plan.bounds.oldest} → ${plan.bounds.newest}: fetching ${plan.window.from} → ${plan.window.to} only.`);
    }
  }

  const record = await executeSync({
    home: ctx.home,
    settings,
    secrets: ctx.secrets(),
    logger: ctx.logger(),
    now: () => ctx.now(),
    trigger,
    accountId: args.values.account,
    range,
    alerts: args.values['no-alerts'] !== true,
    progress: (event) => ctx.io.err(progressLine(event)),
  });
  report(ctx, record, ctx.lakeDir(settings));
  return exitCodeFor(record.status);
}

function parseRange(from: string | undefined, to: string | undefined): { from: string; to: string } | undefined {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined || to === undefined) throw usageError('sync', '--from and --to go together');
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (!isDay(value)) throw usageError('sync', `${flag} ${value} is not a date; use YYYY-MM-DD`);
  }
  if (from > to) throw usageError('sync', `--from ${from} is after --to ${to}`);
  return { from, to };
}

function progressLine(event: SyncProgress): string {
  const prefix = event.accountCount && event.accountCount > 1 ? `[${(event.accountIndex ?? 0) + 1}/${event.accountCount}] ` : '';
  return `${prefix}${event.message}`;
}

function report(ctx: CliContext, record: RunRecord, lakeDir: string): void {
  if (ctx.json) {
    ctx.io.json(withRequestedRanges(record));
    return;
  }
  const days = record.accounts.reduce((n, a) => n + a.daysWritten, 0);
  const pages = record.accounts.length;
  for (const warning of record.warnings) ctx.io.err(`Warning: ${warning.message}`);
  const summary = `${pages} page${pages === 1 ? '' : 's'}, ${days} day${days === 1 ? '' : 's'} written, ${record.apiCalls} API call${record.apiCalls === 1 ? '' : 's'}`;
  switch (record.status) {
    case 'success':
      ctx.io.out(`Sync finished: ${summary}. Data in ${lakeDir}`);
      break;
    case 'up-to-date':
      ctx.io.out(`Already up to date: ${summary}.`);
      break;
    case 'no-data': {
      const missing = record.accounts.filter((a) => a.error === null && a.missingDays.length > 0);
      const detail = missing.map((a) => `${a.network} ${a.accountId}: ${summarizeDays(a.missingDays)}`).join('; ');
      ctx.io.out(`No data for the newest available day (${detail}) — the network has not published it yet; the next sync asks again.`);
      break;
    }
    default:
      // Account failures were already printed as progress; a lake failure was not.
      if (record.error && !record.accounts.some((a) => a.error)) ctx.io.err(record.error.message);
      ctx.io.out(`Sync ${record.status}: ${summary}.`);
  }
}
