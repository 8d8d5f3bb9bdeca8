import type { ForecastDocument } from '../../../shared/insights';
import { insightsForecast } from '../../engine/app/insights-forecast';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { cliInsightsServices } from './insights-cli-services';

const HELP = `Usage: follower-pulse forecast [--account NETWORK:ID]... --horizon DAYS [--json]

Projected followers for the next DAYS days with 80 % and 95 % bands: Holt's damped-trend
method on the daily gains, added up from the latest follower count. The accuracy is the
MASE of the last 28 days: below 1 the method beats "same as yesterday"; baselineMase is
"same as a week ago" measured the same way.`;

const number = new Intl.NumberFormat('en-US');

export function formatForecast(doc: ForecastDocument): string[] {
  const lines = [`Forecast from ${doc.asOf} (${doc.method}), ${doc.horizon} days`];
  if (doc.points.length === 0) lines.push('  no follower count in the data folder yet, so followers cannot be projected');
  for (const p of doc.points) {
    lines.push(`  ${p.day}  ${number.format(p.followers).padStart(10)}   80%: ${number.format(p.low80)}–${number.format(p.high80)}   95%: ${number.format(p.low95)}–${number.format(p.high95)}`);
  }
  if (doc.mase === null) lines.push('  accuracy: not enough recent data to measure');
  else {
    const verdict = doc.beatsNaive ? 'beats' : 'does NOT beat';
    lines.push(`  accuracy: MASE ${doc.mase} — ${verdict} the naive forecast (same as yesterday); weekday baseline MASE ${doc.baselineMase}`);
  }
  return lines;
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('forecast', argv, { account: { type: 'string', multiple: true }, horizon: { type: 'string' } });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('forecast', `Unexpected argument: ${args.positionals[0]}`);
  const { horizon } = args.values;
  if (horizon === undefined) throw usageError('forecast', 'forecast needs --horizon DAYS');
  if (!/^\d+$/.test(horizon)) throw usageError('forecast', `--horizon must be a whole number of days, not ${horizon}`);
  const accounts = args.values.account as unknown as string[] | undefined;
  const doc = await insightsForecast(await cliInsightsServices(ctx), { horizon: Number(horizon), ...(accounts ? { accounts } : {}) });
  if (ctx.json) ctx.io.json(doc);
  else for (const line of formatForecast(doc)) ctx.io.out(line);
  return EXIT.ok;
}
