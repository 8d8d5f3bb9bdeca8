import { realpathSync } from 'node:fs';
import { lightFormat } from 'date-fns';
import { homedir, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { processCommandRunner, type CommandRunner } from '../../engine/schedule/os-command-runner';
import { installOsSchedule, probeOsSchedule, uninstallOsSchedule, type ApplyDeps } from '../../engine/schedule/os-schedule-apply';
import { dailySyncLine, dailySyncOwner, readOsSchedule } from '../../engine/schedule/os-schedule-owner';
import { definitionFiles, SCHEDULER_NAMES, schedulerFor, type PlanHost } from '../../engine/schedule/os-schedule-plan';
import { resolveInvocation, scheduleNames, type ProcessFacts, type ScheduledSync } from '../../engine/schedule/os-schedule-spec';
import { resolveHome } from '../../engine/settings/home';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';

const HELP = `Usage: follower-pulse schedule install|uninstall|status [--print] [--json]

Registers the daily sync (follower-pulse sync --trigger schedule) with the OS scheduler, for this
home, at schedule.dailyAt (local time):
  Windows  a Task Scheduler task that runs whether you are logged on or not (Windows asks for
           your password once), starts a missed run as soon as the machine is on, stops after 30 min
  Linux    a systemd user timer (Persistent=true: a run missed while the machine was off runs at boot)
  macOS    a launchd agent in ~/Library/LaunchAgents

While an OS task is installed, the tray app and follower-pulse serve leave the daily run to it.

  install [--print]   register (again, after changing schedule.dailyAt); --print shows the definition only
  uninstall           remove the OS task; the tray app runs the daily sync again
  status              whether an OS task is installed, and who runs the daily sync`;

/** What the command needs from the machine; tests pass their own. */
export interface ScheduleDeps {
  runner: CommandRunner;
  host: PlanHost;
  process: ProcessFacts;
}

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  return runSchedule(ctx, argv, realDeps(ctx));
}

export async function runSchedule(ctx: CliContext, argv: string[], deps: ScheduleDeps): Promise<ExitCode> {
  const args = parseCommandArgs('schedule', argv, { print: { type: 'boolean' } });
  const [action, extra] = args.positionals;
  if (args.help || action === undefined) {
    ctx.io.out(HELP);
    return args.help ? EXIT.ok : EXIT.usage;
  }
  if (extra !== undefined) throw usageError('schedule', `Unexpected argument: ${extra}`);
  const print = args.values.print === true;
  if (print && action !== 'install') throw usageError('schedule', '--print goes with install');
  const names = scheduleNames(ctx.home, isDefaultHome(ctx, deps.host));
  const apply: ApplyDeps = { runner: deps.runner, host: deps.host, now: ctx.now() };
  switch (action) {
    case 'install':
      return install(ctx, deps, apply, names, print);
    case 'uninstall':
      return uninstall(ctx, apply, names);
    case 'status':
      return status(ctx, apply, names);
    default:
      throw usageError('schedule', `Unknown action: ${action} (use install, uninstall or status)`);
  }
}

async function install(ctx: CliContext, deps: ScheduleDeps, apply: ApplyDeps, names: ReturnType<typeof scheduleNames>, print: boolean): Promise<ExitCode> {
  const settings = await ctx.settings();
  const spec: ScheduledSync = { dailyAt: settings.schedule.dailyAt, home: ctx.home, name: names, ...resolveInvocation(deps.process) };
  if (print) {
    const files = definitionFiles(spec, deps.host);
    if (files.length === 0) throw usageError('schedule', `No OS scheduler is supported on ${deps.host.platform}`);
    if (ctx.json) ctx.io.json({ scheduler: schedulerFor(deps.host.platform), files: files.map((f) => ({ path: f.path, content: f.content })) });
    else for (const file of files) ctx.io.out(`# ${file.path}\n${file.content}`);
    return EXIT.ok;
  }
  const plan = await installOsSchedule(ctx.home, spec, apply);
  if (ctx.json) {
    ctx.io.json({ installed: true, scheduler: plan.scheduler, entry: plan.entry, dailyAt: spec.dailyAt, home: ctx.home });
    return EXIT.ok;
  }
  ctx.io.out(`Installed: ${SCHEDULER_NAMES[plan.scheduler]} runs "${plan.entry}" daily at ${spec.dailyAt} (local time) for ${ctx.home}.`);
  if (!settings.schedule.enabled) ctx.io.out('Note: schedule.enabled is false in settings; the OS task runs anyway until you uninstall it.');
  for (const note of plan.notes) ctx.io.out(note);
  ctx.io.out('The tray app and follower-pulse serve now leave the daily sync to it. Undo with: follower-pulse schedule uninstall');
  return EXIT.ok;
}

async function uninstall(ctx: CliContext, apply: ApplyDeps, names: ReturnType<typeof scheduleNames>): Promise<ExitCode> {
  const { plan, wasInstalled } = await uninstallOsSchedule(ctx.home, names, apply);
  if (ctx.json) ctx.io.json({ removed: wasInstalled, scheduler: plan.scheduler, entry: plan.entry });
  else if (wasInstalled) ctx.io.out(`Removed "${plan.entry}" from ${SCHEDULER_NAMES[plan.scheduler]}. The tray app or follower-pulse serve runs the daily sync again.`);
  else ctx.io.out(`No OS task was installed for ${ctx.home}; nothing to remove.`);
  return EXIT.ok;
}

async function status(ctx: CliContext, apply: ApplyDeps, names: ReturnType<typeof scheduleNames>): Promise<ExitCode> {
  const settings = await ctx.settings();
  const record = await readOsSchedule(ctx.home);
  const registered = await probeOsSchedule(names, apply);
  const owner = dailySyncOwner(record);
  if (ctx.json) {
    ctx.io.json({ dailySyncBy: owner, installed: record, registered, scheduleEnabled: settings.schedule.enabled });
    return EXIT.ok;
  }
  ctx.io.out(dailySyncLine(owner, settings.schedule.enabled));
  if (record !== null) {
    ctx.io.out(`  entry "${record.entry}", daily at ${record.dailyAt}, installed ${record.installedAt}`);
    if (record.dailyAt !== settings.schedule.dailyAt) ctx.io.out(`  schedule.dailyAt is now ${settings.schedule.dailyAt}: run follower-pulse schedule install again to move the task`);
    if (registered === false) ctx.io.out('  but the OS scheduler has no such entry: run follower-pulse schedule install again, or uninstall');
  } else if (registered === true) {
    ctx.io.out(`  but the OS scheduler has an entry for this home: run follower-pulse schedule uninstall, or install, to settle who runs it`);
  }
  return EXIT.ok;
}

function isDefaultHome(ctx: CliContext, host: PlanHost): boolean {
  return resolveHome({ env: { XDG_CONFIG_HOME: ctx.env.XDG_CONFIG_HOME, APPDATA: ctx.env.APPDATA }, platform: host.platform, homedir: host.homedir }) === ctx.home;
}

function realDeps(ctx: CliContext): ScheduleDeps {
  const info = userInfo();
  const platform = process.platform;
  const user = platform === 'win32' && ctx.env.USERDOMAIN ? `${ctx.env.USERDOMAIN}\\${info.username}` : info.username;
  const now = ctx.now();
  return {
    runner: processCommandRunner,
    host: {
      platform,
      homedir: homedir(),
      xdgConfigHome: ctx.env.XDG_CONFIG_HOME || undefined,
      tmpdir: tmpdir(),
      user,
      uid: info.uid,
      today: localDay(now),
    },
    process: { execPath: process.execPath, script: scriptPath(), electronVersion: process.versions.electron },
  };
}

function scriptPath(): string {
  const script = path.resolve(process.argv[1] ?? '');
  try {
    return realpathSync(script);
  } catch {
    return script;
  }
}

function localDay(d: Date): string {
  return lightFormat(d, 'yyyy-MM-dd');
}
