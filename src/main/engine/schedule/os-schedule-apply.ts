import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import type { CommandRunner } from './os-command-runner';
import {
  afterUninstall,
  planInstall,
  planUninstall,
  probeCommand,
  type InstallPlan,
  type PlanHost,
  type PlannedCommand,
  type PlannedFile,
  type UninstallPlan,
} from './os-schedule-plan';
import { readOsSchedule, removeOsSchedule, writeOsSchedule, type OsScheduleRecord } from './os-schedule-owner';
import type { ScheduledSync, ScheduleNames } from './os-schedule-spec';

/** Carries out the plans of os-schedule-plan.ts: files, commands (through the runner) and the home's record. */
export interface ApplyDeps {
  runner: CommandRunner;
  host: PlanHost;
  now: Date;
}

function unsupported(platform: string): AppError {
  return new AppError('USAGE', `No OS scheduler is supported on ${platform}`, {
    hint: 'run follower-pulse serve, or the tray app, which run the daily sync themselves',
  });
}

export async function installOsSchedule(home: string, spec: ScheduledSync, deps: ApplyDeps): Promise<InstallPlan> {
  const plan = planInstall(spec, deps.host);
  if (plan === null) throw unsupported(deps.host.platform);
  try {
    for (const file of plan.files) await writePlannedFile(file);
    for (const command of plan.commands) await runPlanned(deps.runner, command);
  } finally {
    for (const file of plan.temporary) await rm(file, { force: true });
  }
  const record: OsScheduleRecord = { scheduler: plan.scheduler, entry: plan.entry, dailyAt: spec.dailyAt, installedAt: deps.now.toISOString() };
  await writeOsSchedule(home, record);
  return plan;
}

export async function uninstallOsSchedule(home: string, names: ScheduleNames, deps: ApplyDeps): Promise<{ plan: UninstallPlan; wasInstalled: boolean }> {
  const plan = planUninstall(names, deps.host);
  if (plan === null) throw unsupported(deps.host.platform);
  const wasInstalled = (await readOsSchedule(home)) !== null || (await probeOsSchedule(names, deps)) === true;
  if (wasInstalled) {
    for (const command of plan.commands) await runPlanned(deps.runner, command);
    for (const file of plan.removeFiles) await rm(file, { force: true });
    for (const command of afterUninstall(plan.scheduler)) await runPlanned(deps.runner, command);
  }
  await removeOsSchedule(home);
  return { plan, wasInstalled };
}

/** Whether the OS has the entry (true/false), or null when the tool itself could not be run. */
export async function probeOsSchedule(names: ScheduleNames, deps: ApplyDeps): Promise<boolean | null> {
  const probe = probeCommand(names, deps.host);
  if (probe === null) return null;
  const result = await deps.runner.run(probe.program, probe.args);
  if (result.code === 127) return null;
  return result.code === 0;
}

async function writePlannedFile(file: PlannedFile): Promise<void> {
  await mkdir(path.dirname(file.path), { recursive: true });
  const data = file.encoding === 'utf16le-bom' ? Buffer.from(`\ufeff${file.content}`, 'utf16le') : file.content;
  await writeFile(file.path, data);
}

async function runPlanned(runner: CommandRunner, command: PlannedCommand): Promise<void> {
  const result = await runner.run(command.program, command.args, { interactive: command.interactive });
  if (result.code === 0 || command.mayFail) return;
  const shown = `${command.program} ${command.args.join(' ')}`;
  const detail = firstLine(result.stderr) ?? firstLine(result.stdout) ?? `exit status ${result.code}`;
  throw new AppError('SCHEDULE_FAILED', `${shown} failed: ${detail}`, { hint: hintFor(command.program) });
}

function hintFor(program: string): string {
  if (program === 'schtasks') return 'check the password and that your account may log on as a batch job, then run follower-pulse schedule install again';
  if (program === 'systemctl') return 'systemctl --user needs a user session (log in, or loginctl enable-linger); or run follower-pulse serve instead';
  return 'run follower-pulse schedule install again from a logged-in terminal session';
}

function firstLine(text: string): string | undefined {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  return line === undefined ? undefined : line.slice(0, 300);
}
