import type { Granularity, ReportDocument, ReportNetworkLine, ReportRequest } from '../../../shared/insights';
import { isReportPeriod } from '../../engine/analytics/period';
import { insightsReport } from '../../engine/app/insights-report';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { cliInsightsServices } from './insights-cli-services';

const HELP = `Usage: follower-pulse report [--account NETWORK:ID]... [--from DATE --to DATE | --period P]
                             [--granularity day|week|month] [--json]

Headline figures, the series and the reconciliation of gains against follower counts for a
period. Without --account every page with data is included (--account may repeat).
  --period      7d, 30d, 90d, 365d, mtd (month to date) or ytd (year to date); the default is
                30d, ending on the newest day with data for the selection
  --from/--to   an explicit period, YYYY-MM-DD (UTC days)
  --granularity buckets of the series: day (default), week (ISO, Monday start) or month`;

const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

export function parseReportRequest(argv: string[]): { help: boolean; request: ReportRequest } {
  const args = parseCommandArgs('report', argv, {
    account: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    period: { type: 'string' },
    granularity: { type: 'string' },
  });
  if (args.positionals.length > 0) throw usageError('report', `Unexpected argument: ${args.positionals[0]}`);
  const { period, granularity, from, to } = args.values;
  const accounts = args.values.account as unknown as string[] | undefined;
  if (period !== undefined && !isReportPeriod(period)) throw usageError('report', `--period must be 7d, 30d, 90d, 365d, mtd or ytd, not ${period}`);
  if (granularity !== undefined && !(GRANULARITIES as readonly string[]).includes(granularity)) {
    throw usageError('report', `--granularity must be day, week or month, not ${granularity}`);
  }
  const request: ReportRequest = {};
  if (accounts) request.accounts = accounts;
  if (from !== undefined) request.from = from;
  if (to !== undefined) request.to = to;
  if (period !== undefined) request.period = period;
  if (granularity !== undefined) request.granularity = granularity as Granularity;
  return { help: args.help, request };
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const { help, request } = parseReportRequest(argv);
  if (help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  const document = await insightsReport(await cliInsightsServices(ctx), request);
  if (ctx.json) ctx.io.json(document);
  else for (const line of formatReport(document)) ctx.io.out(line);
  return EXIT.ok;
}

const number = new Intl.NumberFormat('en-US');
const signed = (n: number): string => (n > 0 ? `+${number.format(n)}` : number.format(n));
const orDash = (n: number | null): string => (n === null ? '—' : number.format(n));

export function formatReport(doc: ReportDocument): string[] {
  const h = doc.headline;
  const pages = doc.accounts.map((a) => `${a.name} (${a.network}:${a.accountId})`).join(', ');
  const change = h.changePct === null ? 'n/a' : `${h.changePct > 0 ? '+' : ''}${h.changePct}%`;
  const lines = [
    `Report ${doc.from} → ${doc.to} for ${pages}`,
    `  followers: ${orDash(h.followersStart)} → ${orDash(h.followersEnd)}`,
    `  net gain: ${signed(h.netGain)} (organic ${signed(h.organicGain)}, sponsored ${signed(h.paidGain)}${h.paidShare === null ? '' : `, ${Math.round(h.paidShare * 1000) / 10}% sponsored`})`,
    `  previous period ${h.previous.from} → ${h.previous.to}: ${signed(h.previous.netGain)} (change ${change})`,
  ];
  if (h.yearAgo) lines.push(`  a year earlier ${h.yearAgo.from} → ${h.yearAgo.to}: ${signed(h.yearAgo.netGain)} over ${h.yearAgo.daysWithData} days with data`);
  if (h.bestDay && h.worstDay) lines.push(`  best day ${h.bestDay.day} (${signed(h.bestDay.gain)}), worst day ${h.worstDay.day} (${signed(h.worstDay.gain)})`);
  lines.push(`  days with data: ${h.daysWithData}${h.missingDays.length > 0 ? `; missing: ${h.missingDays.join(', ')}` : ''}`);
  lines.push(`  reconciliation: ${doc.reconciliation.explanation}`, '', `  ${doc.granularity.padEnd(10)}   organic  sponsored      total   followers`);
  for (const p of doc.series) {
    const followers = p.followers === null ? '—' : `${number.format(p.followers)}${p.reconstructed ? '*' : ''}`;
    lines.push(`  ${p.bucket}  ${signed(p.organic).padStart(8)}  ${signed(p.paid).padStart(9)}  ${signed(p.total).padStart(9)}  ${followers.padStart(10)}`);
  }
  if (doc.series.some((p) => p.reconstructed)) lines.push('  * reconstructed from the nearest follower count and the daily gains');
  if ((doc.networks?.length ?? 0) > 1) lines.push('', ...formatNetworks(doc.networks ?? []));
  return lines;
}

/** The cross-network table: each network's followers, net change, growth and share of the followers. */
function formatNetworks(networks: readonly ReportNetworkLine[]): string[] {
  const pct = (n: number | null, sign: boolean): string => (n === null ? '—' : `${sign && n > 0 ? '+' : ''}${n}%`);
  const lines = [`  ${'network'.padEnd(10)}  ${'start'.padStart(10)}  ${'end'.padStart(10)}  ${'net'.padStart(8)}  ${'growth'.padStart(7)}  ${'share'.padStart(6)}`];
  for (const n of networks) {
    const counts = n.netGainFrom === 'counts';
    lines.push(
      `  ${`${n.network}${counts ? '†' : ''}`.padEnd(10)}  ${orDash(n.followersStart).padStart(10)}  ${orDash(n.followersEnd).padStart(10)}  ${signed(n.netGain).padStart(8)}  ${pct(n.growthPct, true).padStart(7)}  ${pct(n.share === null ? null : Math.round(n.share * 1000) / 10, false).padStart(6)}`,
    );
  }
  for (const n of networks.filter((l) => l.netGainFrom === 'counts' && l.startDay)) lines.push(`  † ${n.network} reports only its follower total: the change is between its counts, from ${n.startDay}`);
  return lines;
}
