import { createHash } from 'node:crypto';
import { parseDailyAt } from './schedule-decision';

/**
 * What an OS scheduler entry runs, resolved once at `schedule install` time (contract §3):
 * the program (node, or the app's own executable), the CLI script, the home it was installed
 * with and the daily time. The generators (os-windows-task, os-systemd-units, os-launchd-plist)
 * are pure functions of this value.
 */
export interface ScheduledSync {
  /** HH:MM, the machine's local time (settings schedule.dailyAt). */
  dailyAt: string;
  /** The home folder the task was installed for; the task passes it on explicitly. */
  home: string;
  /** Absolute path of the executable: node, or the packaged app run as Node. */
  program: string;
  /** Arguments before the command: the CLI script. */
  programArgs: string[];
  /** Extra environment the program needs (ELECTRON_RUN_AS_NODE for the packaged app). */
  env: Record<string, string>;
  /** Entry name: differs per home, so two workspaces on one machine get two entries. */
  name: ScheduleNames;
}

export interface ScheduleNames {
  /** Windows Task Scheduler task name. */
  windowsTask: string;
  /** systemd unit base name (`.service` / `.timer` added). */
  systemdUnit: string;
  /** launchd label (also the plist file's base name). */
  launchdLabel: string;
}

/** The CLI's own arguments after the program and script: the daily sync of this home. */
export function syncArguments(home: string): string[] {
  return ['sync', '--trigger', 'schedule', '--home', home];
}

/** Everything the task runs, in order: script, then `sync --trigger schedule --home HOME`. */
export function commandLine(spec: ScheduledSync): string[] {
  return [spec.program, ...spec.programArgs, ...syncArguments(spec.home)];
}

/**
 * Names for the home's entry. The default home gets the plain names; any other home gets a
 * short hash of its path appended, so installing for a second workspace never replaces the first.
 */
export function scheduleNames(home: string, isDefaultHome: boolean): ScheduleNames {
  const suffix = isDefaultHome ? '' : `-${createHash('sha256').update(home).digest('hex').slice(0, 8)}`;
  return {
    windowsTask: `Follower Pulse daily sync${suffix}`,
    systemdUnit: `follower-pulse-sync${suffix}`,
    launchdLabel: `io.followerpulse.app.sync${suffix}`,
  };
}

export interface ProcessFacts {
  /** process.execPath */
  execPath: string;
  /** The running CLI script (process.argv[1], resolved to an absolute real path). */
  script: string;
  /** process.versions.electron, when the CLI runs inside the packaged app. */
  electronVersion: string | undefined;
}

/**
 * How the OS should start the CLI: the same executable and script that run `schedule install`
 * now. Inside the packaged app the executable is Electron, which must be told to act as Node.
 */
export function resolveInvocation(facts: ProcessFacts): Pick<ScheduledSync, 'program' | 'programArgs' | 'env'> {
  return {
    program: facts.execPath,
    programArgs: [facts.script],
    env: facts.electronVersion === undefined ? {} : { ELECTRON_RUN_AS_NODE: '1' },
  };
}

/** `07:00` → `07:00:00`, the time of day systemd and Task Scheduler read. */
export function dailyAtClock(dailyAt: string): string {
  parseDailyAt(dailyAt);
  return `${dailyAt}:00`;
}
