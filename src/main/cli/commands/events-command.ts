import { readFile } from 'node:fs/promises';
import type { CompanyEventInput, CompanyEventView } from '../../../shared/insights';
import { addEvent, importEvents, listEvents, removeEvent } from '../../engine/app/insights-events';
import { AppError } from '../../engine/errors';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { cliInsightsServices } from './insights-cli-services';

const HELP = `Usage: follower-pulse events list [--json]
       follower-pulse events add --day DATE [--end DATE] --title T [--category C]
                                 [--network N] [--account NETWORK:ID] [--notes T] [--json]
       follower-pulse events remove ID [--json]
       follower-pulse events import FILE [--json]

Company actions (campaigns, posts, launches) and their estimated effect on daily follower
gains: the mean gain over the 7 days from the action against the 28 days before it (other
actions' days left out), with a 95 % interval and a verdict. Without --network/--account an
action concerns every page. Saved in events.json in the home and in the data folder's
company_events table (uploaded to S3 with the next sync).
  import  a CSV with the company_events header: id (optional), day, end_day, network,
          category, title, notes, account_id; one bad row rejects the whole file`;

const VERDICTS: Record<CompanyEventView['impact']['verdict'], (e: CompanyEventView) => string> = {
  raised: (e) => `likely raised followers by ~${Math.round(e.impact.lift ?? 0)}/day`,
  lowered: (e) => `likely lowered followers by ~${Math.round(-(e.impact.lift ?? 0))}/day`,
  'no-effect': () => 'no detectable effect',
  'too-little-data': () => 'too little data yet',
};

function describe(e: CompanyEventView): string {
  const scope = e.accountId ? `${e.network}:${e.accountId}` : (e.network ?? 'all pages');
  const days = e.endDay ? `${e.day} → ${e.endDay}` : e.day;
  return `${e.id}  ${days}  [${e.category}] ${e.title} (${scope}) — ${VERDICTS[e.impact.verdict](e)}`;
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('events', argv, {
    day: { type: 'string' },
    end: { type: 'string' },
    title: { type: 'string' },
    category: { type: 'string' },
    network: { type: 'string' },
    account: { type: 'string' },
    notes: { type: 'string' },
  });
  const [action, ...rest] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  const addOptions = ['day', 'end', 'title', 'category', 'network', 'account', 'notes'] as const;
  if (action !== 'add') {
    const stray = addOptions.find((o) => args.values[o] !== undefined);
    if (stray) throw usageError('events', `--${stray} belongs to: events add`);
  }
  switch (action) {
    case 'list': {
      if (rest.length > 0) throw usageError('events', `Unexpected argument: ${rest[0]}`);
      const result = await listEvents(await cliInsightsServices(ctx));
      if (ctx.json) ctx.io.json(result);
      else if (result.events.length === 0) ctx.io.out('No company actions yet. Add one: follower-pulse events add --day DATE --title T');
      else for (const e of result.events) ctx.io.out(describe(e));
      return EXIT.ok;
    }
    case 'add': {
      if (rest.length > 0) throw usageError('events', `Unexpected argument: ${rest[0]}`);
      const { day, end, title, category, network, account, notes } = args.values;
      if (day === undefined || title === undefined) throw usageError('events', 'events add needs --day DATE and --title T');
      const input: CompanyEventInput = { day, title, endDay: end ?? null, category, network: (network ?? null) as CompanyEventInput['network'], accountId: account ?? null, notes };
      const event = await addEvent(await cliInsightsServices(ctx), input);
      if (ctx.json) ctx.io.json(event);
      else ctx.io.out(`Added ${describe(event)}`);
      return EXIT.ok;
    }
    case 'remove': {
      if (rest.length !== 1) throw usageError('events', 'events remove needs one ID (see: follower-pulse events list)');
      const result = await removeEvent(await cliInsightsServices(ctx), rest[0]);
      if (ctx.json) ctx.io.json(result);
      else ctx.io.out(result.removed ? `Removed ${rest[0]}` : `No event with id ${rest[0]}; nothing removed`);
      return result.removed ? EXIT.ok : EXIT.usage;
    }
    case 'import': {
      if (rest.length !== 1) throw usageError('events', 'events import needs one FILE');
      const csv = await readFile(rest[0], 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new AppError('USAGE', `Cannot read ${rest[0]}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, { hint: 'check the path' });
      });
      const result = await importEvents(await cliInsightsServices(ctx), csv);
      if (ctx.json) ctx.io.json(result);
      else ctx.io.out(`Imported ${result.imported} event${result.imported === 1 ? '' : 's'}`);
      return EXIT.ok;
    }
    default:
      throw usageError('events', `Unknown action: ${action} (list, add, remove or import)`);
  }
}
