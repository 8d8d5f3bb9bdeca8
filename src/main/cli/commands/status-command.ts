import { lightFormat } from 'date-fns';
import { collectStatus, type StatusReport } from '../../engine/app/use-cases/status';
import { dailySyncLine, readDailySyncOwner } from '../../engine/schedule/os-schedule-owner';
import { accountLabel, summarizeDays } from '../../engine/sync/sync-runner';
import { addAccountCommands } from '../account-usage';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse status [--json]

Shows each tracked page with its coverage (first and last day in the local data folder,
missing days the network can still serve), total followers, the last runs and the next scheduled run.`;

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('status', argv, {});
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('status', `Unexpected argument: ${args.positionals[0]}`);
  const settings = await ctx.settings();
  const report = await collectStatus({ home: ctx.home, lakeDir: ctx.lakeDir(settings), settings, now: ctx.now() });
  const dailySyncBy = await readDailySyncOwner(ctx.home);
  if (ctx.json) {
    ctx.io.json({ accounts: report.accounts, lastRun: report.lastRun, nextRunAt: report.nextRunAt, destinations: report.destinations, dailySyncBy });
    return EXIT.ok;
  }
  for (const line of formatStatus(report)) ctx.io.out(line);
  ctx.io.out(dailySyncLine(dailySyncBy, settings.schedule.enabled));
  return EXIT.ok;
}

const number = new Intl.NumberFormat('en-US');

function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : lightFormat(d, 'yyyy-MM-dd HH:mm');
}

export function formatStatus(report: StatusReport): string[] {
  const lines = [`Home: ${report.home}`, `Local data folder: ${report.lakeDir}`, ''];
  if (report.accounts.length === 0) {
    lines.push(`No pages tracked yet. Add one: ${addAccountCommands()}`);
  } else {
    lines.push('Pages:');
    for (const a of report.accounts) {
      const label = accountLabel({ network: a.network, id: a.accountId, name: a.name }) + (a.enabled ? '' : ' [disabled]');
      const coverage = a.firstDay === null ? 'no data yet (run: follower-pulse sync)' : `${a.firstDay} → ${a.lastDay}, ${a.daysCovered} days`;
      const missing = a.missingDays.length === 0 ? 'no missing days' : `missing days: ${summarizeDays(a.missingDays)}`;
      const followers = a.totalFollowers === null ? '' : `, ${number.format(a.totalFollowers)} followers`;
      lines.push(`  ${label}`, `    coverage: ${coverage}${followers}`, `    ${missing}`);
    }
  }
  lines.push('');
  if (report.recentRuns.length === 0) lines.push('Runs: none yet.');
  else {
    lines.push('Last runs:');
    for (const r of report.recentRuns) {
      const days = r.accounts.reduce((n, a) => n + a.daysWritten, 0);
      lines.push(`  ${localTime(r.startedAt)}  ${r.status.padEnd(10)} ${r.trigger.padEnd(8)} ${days} days written${r.error ? `  ${r.error.code}` : ''}`);
    }
  }
  lines.push(`Destinations: ${report.destinations.join(', ')}`);
  for (const token of report.tokens) {
    if (token.expiresAt) lines.push(`${token.displayName} token expires: ${localTime(token.expiresAt)}${token.estimate ? ' (estimated: 60 days after it was stored)' : ''}`);
  }
  lines.push(`Next scheduled run: ${report.nextRunAt === null ? 'none (schedule.enabled is off)' : `${localTime(report.nextRunAt)} local time, by the tray app or follower-pulse serve`}`);
  return lines;
}
