import type { RunRecord } from '../../../shared/run-record';
import { RunHistory } from '../../engine/history/run-history';
import { LocalLake } from '../../engine/lake/local-lake';
import { nextDailyRun } from '../../engine/schedule/next-run';
import { dailySyncLine, readDailySyncOwner } from '../../engine/schedule/os-schedule-owner';
import type { Settings } from '../../../shared/settings-schema';
import { StateStore } from '../../engine/settings/state-store';
import { accountLabel, summarizeDays } from '../../engine/sync/sync-runner';
import { missingDays, planBounds } from '../../engine/sync/sync-planner';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse status [--json]

Shows each tracked page with its coverage (first and last day in the local data folder,
missing days LinkedIn can still serve), total followers, the last runs and the next scheduled run.`;

export interface AccountStatus {
  network: string;
  accountId: string;
  name: string;
  enabled: boolean;
  firstDay: string | null;
  lastDay: string | null;
  daysCovered: number;
  missingDays: string[];
  totalFollowers: number | null;
  tokenExpiresAt: string | null;
}

export interface StatusReport {
  home: string;
  lakeDir: string;
  accounts: AccountStatus[];
  lastRun: RunRecord | null;
  recentRuns: RunRecord[];
  nextRunAt: string | null;
  destinations: string[];
  token: { expiresAt: string | null; estimate: boolean } | null;
}

export async function collectStatus(ctx: CliContext, settings: Settings): Promise<StatusReport> {
  const now = ctx.now();
  const lakeDir = ctx.lakeDir(settings);
  const lake = new LocalLake(lakeDir);
  const state = await new StateStore(ctx.home).get();
  const bounds = planBounds(now, settings.linkedin);
  const accounts: AccountStatus[] = [];
  for (const account of settings.accounts) {
    const coverage = await lake.coverage(account.network, account.id);
    const totals = await lake.readTotals(account.network, account.id);
    accounts.push({
      network: account.network,
      accountId: account.id,
      name: account.name,
      enabled: account.enabled,
      firstDay: coverage.firstDay,
      lastDay: coverage.lastDay,
      daysCovered: coverage.days.size,
      missingDays: coverage.firstDay === null ? [] : missingDays(coverage.days, coverage.firstDay, bounds),
      totalFollowers: totals.length > 0 ? totals[totals.length - 1].followers : null,
      tokenExpiresAt: account.network === 'linkedin' ? (state.linkedinToken?.expiresAt ?? null) : null,
    });
  }
  const recentRuns = await new RunHistory(ctx.home).list({ limit: 5 });
  return {
    home: ctx.home,
    lakeDir,
    accounts,
    lastRun: recentRuns[0] ?? null,
    recentRuns,
    nextRunAt: settings.schedule.enabled ? nextDailyRun(now, settings.schedule.dailyAt).toISOString() : null,
    destinations: [`local data folder ${lakeDir}`, ...(settings.s3.enabled ? [`s3://${settings.s3.bucket}/${settings.s3.prefix}`] : [])],
    token: state.linkedinToken ? { expiresAt: state.linkedinToken.expiresAt ?? null, estimate: state.linkedinToken.expiresAtIsEstimate ?? false } : null,
  };
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('status', argv, {});
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('status', `Unexpected argument: ${args.positionals[0]}`);
  const settings = await ctx.settings();
  const report = await collectStatus(ctx, settings);
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
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatStatus(report: StatusReport): string[] {
  const lines = [`Home: ${report.home}`, `Local data folder: ${report.lakeDir}`, ''];
  if (report.accounts.length === 0) {
    lines.push('No pages tracked yet. Add one: follower-pulse accounts add linkedin ORG_ID');
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
  if (report.token?.expiresAt) {
    lines.push(`LinkedIn token expires: ${localTime(report.token.expiresAt)}${report.token.estimate ? ' (estimated: 60 days after it was stored)' : ''}`);
  }
  lines.push(`Next scheduled run: ${report.nextRunAt === null ? 'none (schedule.enabled is off)' : `${localTime(report.nextRunAt)} local time, by the tray app or follower-pulse serve`}`);
  return lines;
}
