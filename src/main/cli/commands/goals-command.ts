import type { GoalView } from '../../../shared/insights';
import { addGoal, listGoals, removeGoal } from '../../engine/app/insights-goals';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { cliInsightsServices } from './insights-cli-services';

const HELP = `Usage: follower-pulse goals list [--json]
       follower-pulse goals add --target N --by DATE [--account NETWORK:ID] [--name T] [--json]
       follower-pulse goals remove ID [--json]

Follower goals: a target number of followers for one page (--account) or all pages together
by a date. Each goal shows the followers on the newest day with data, the daily gain still
needed, the pace of the last 28 days, the projected date and a status: met, on-track,
at-risk (pace at least 75 % of what is needed) or behind.`;

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const show = (n: number | null): string => (n === null ? '—' : number.format(n));

function describe(g: GoalView): string {
  const scope = g.accountId ? `${g.network}:${g.accountId}` : 'all pages';
  return `${g.id}  ${g.name} (${scope}): ${show(g.current)} of ${number.format(g.target)} by ${g.by} — ${g.status}; needs ${show(g.neededPerDay)}/day, pace ${show(g.pacePerDay)}/day${g.projectedDate ? `, projected ${g.projectedDate}` : ''}`;
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('goals', argv, { target: { type: 'string' }, by: { type: 'string' }, account: { type: 'string' }, name: { type: 'string' } });
  const [action, ...rest] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  if (action !== 'add') {
    const stray = (['target', 'by', 'account', 'name'] as const).find((o) => args.values[o] !== undefined);
    if (stray) throw usageError('goals', `--${stray} belongs to: goals add`);
  }
  switch (action) {
    case 'list': {
      if (rest.length > 0) throw usageError('goals', `Unexpected argument: ${rest[0]}`);
      const result = await listGoals(await cliInsightsServices(ctx));
      if (ctx.json) ctx.io.json(result);
      else if (result.goals.length === 0) ctx.io.out('No goals yet. Add one: follower-pulse goals add --target N --by DATE');
      else for (const g of result.goals) ctx.io.out(describe(g));
      return EXIT.ok;
    }
    case 'add': {
      if (rest.length > 0) throw usageError('goals', `Unexpected argument: ${rest[0]}`);
      const { target, by, account, name } = args.values;
      if (target === undefined || by === undefined) throw usageError('goals', 'goals add needs --target N and --by DATE');
      if (!/^\d+$/.test(target.replace(/[,_]/g, ''))) throw usageError('goals', `--target must be a whole number, not ${target}`);
      const goal = await addGoal(await cliInsightsServices(ctx), { target: Number(target.replace(/[,_]/g, '')), by, accountId: account ?? null, name });
      if (ctx.json) ctx.io.json(goal);
      else ctx.io.out(`Added ${describe(goal)}`);
      return EXIT.ok;
    }
    case 'remove': {
      if (rest.length !== 1) throw usageError('goals', 'goals remove needs one ID (see: follower-pulse goals list)');
      const result = await removeGoal(await cliInsightsServices(ctx), rest[0]);
      if (ctx.json) ctx.io.json(result);
      else ctx.io.out(result.removed ? `Removed ${rest[0]}` : `No goal with id ${rest[0]}; nothing removed`);
      return result.removed ? EXIT.ok : EXIT.usage;
    }
    default:
      throw usageError('goals', `Unknown action: ${action} (list, add or remove)`);
  }
}
