import path from 'node:path';
import { launchdPlist } from './os-launchd-plist';
import type { ScheduledSync, ScheduleNames } from './os-schedule-spec';
import { systemdUnits } from './os-systemd-units';
import { windowsTaskXml } from './os-windows-task';

/**
 * What `schedule install | uninstall | status` does on each OS, as data: files to write or
 * remove and commands to run, in order. Pure, so the exact commands are unit-tested on any OS;
 * os-schedule-apply.ts carries the plan out through an injectable command runner.
 */
export type OsScheduler = 'windows-task-scheduler' | 'systemd' | 'launchd';

export interface PlannedFile {
  path: string;
  content: string;
  /** schtasks reads task XML declared UTF-16 as UTF-16. */
  encoding: 'utf8' | 'utf16le-bom';
}

export interface PlannedCommand {
  program: string;
  args: string[];
  /** The command asks the user something (the Windows password): give it the terminal. */
  interactive?: boolean;
  /** A failure here does not stop the plan (e.g. disabling a timer that is already gone). */
  mayFail?: boolean;
}

export interface InstallPlan {
  scheduler: OsScheduler;
  /** The entry's name as the OS tool shows it. */
  entry: string;
  files: PlannedFile[];
  commands: PlannedCommand[];
  /** Files written only for the install command and deleted afterwards. */
  temporary: string[];
  /** Said after a successful install. */
  notes: string[];
}

export interface UninstallPlan {
  scheduler: OsScheduler;
  entry: string;
  commands: PlannedCommand[];
  removeFiles: string[];
}

/** The machine facts a plan depends on. */
export interface PlanHost {
  platform: NodeJS.Platform;
  homedir: string;
  /** XDG_CONFIG_HOME when set (systemd's user unit folder follows it). */
  xdgConfigHome: string | undefined;
  /** A folder for the temporary task XML (os.tmpdir()). */
  tmpdir: string;
  /** Windows: DOMAIN\user; macOS: the numeric uid for launchctl's gui/<uid> domain. */
  user: string;
  uid: number;
  /** YYYY-MM-DD, local: the Windows trigger's first day. */
  today: string;
}

export function schedulerFor(platform: NodeJS.Platform): OsScheduler | null {
  if (platform === 'win32') return 'windows-task-scheduler';
  if (platform === 'darwin') return 'launchd';
  if (platform === 'linux') return 'systemd';
  return null;
}

export const SCHEDULER_NAMES: Readonly<Record<OsScheduler, string>> = {
  'windows-task-scheduler': 'Windows Task Scheduler',
  systemd: 'systemd user timer',
  launchd: 'launchd',
};

function systemdDir(host: PlanHost): string {
  return path.posix.join(host.xdgConfigHome ?? path.posix.join(host.homedir, '.config'), 'systemd', 'user');
}

function launchdFile(host: PlanHost, names: ScheduleNames): string {
  return path.posix.join(host.homedir, 'Library', 'LaunchAgents', `${names.launchdLabel}.plist`);
}

/** The definition `--print` shows, one or more named files. */
export function definitionFiles(spec: ScheduledSync, host: PlanHost): PlannedFile[] {
  switch (schedulerFor(host.platform)) {
    case 'windows-task-scheduler':
      return [{ path: `${spec.name.windowsTask}.xml`, content: windowsTaskXml(spec, { userId: host.user, startDay: host.today }), encoding: 'utf16le-bom' }];
    case 'systemd': {
      const units = systemdUnits(spec);
      const dir = systemdDir(host);
      return [
        { path: path.posix.join(dir, `${spec.name.systemdUnit}.service`), content: units.service, encoding: 'utf8' },
        { path: path.posix.join(dir, `${spec.name.systemdUnit}.timer`), content: units.timer, encoding: 'utf8' },
      ];
    }
    case 'launchd':
      return [{ path: launchdFile(host, spec.name), content: launchdPlist(spec, path.posix.join(spec.home, 'logs', 'launchd-sync.log')), encoding: 'utf8' }];
    default:
      return [];
  }
}

export function planInstall(spec: ScheduledSync, host: PlanHost): InstallPlan | null {
  const scheduler = schedulerFor(host.platform);
  if (scheduler === null) return null;
  const files = definitionFiles(spec, host);
  if (scheduler === 'windows-task-scheduler') {
    const xmlFile = path.win32.join(host.tmpdir, `${spec.name.systemdUnit}-task.xml`);
    return {
      scheduler,
      entry: spec.name.windowsTask,
      files: [{ ...files[0], path: xmlFile }],
      temporary: [xmlFile],
      // /RP * makes schtasks ask for the password itself: it never appears on a command line.
      commands: [{ program: 'schtasks', args: ['/Create', '/TN', spec.name.windowsTask, '/XML', xmlFile, '/RU', host.user, '/RP', '*', '/F'], interactive: true }],
      notes: ['Windows asked for your password so the task can run while nobody is logged on; it keeps it, Follower Pulse does not.'],
    };
  }
  if (scheduler === 'systemd') {
    const timer = `${spec.name.systemdUnit}.timer`;
    return {
      scheduler,
      entry: timer,
      files,
      temporary: [],
      commands: [
        { program: 'systemctl', args: ['--user', 'daemon-reload'] },
        { program: 'systemctl', args: ['--user', 'enable', '--now', timer] },
      ],
      notes: [`To run while you are logged out, allow your user services to linger once: loginctl enable-linger ${host.user}`],
    };
  }
  const domain = `gui/${host.uid}`;
  return {
    scheduler,
    entry: spec.name.launchdLabel,
    files,
    temporary: [],
    commands: [
      // bootstrap refuses a label that is already loaded: unload an older definition first.
      { program: 'launchctl', args: ['bootout', `${domain}/${spec.name.launchdLabel}`], mayFail: true },
      { program: 'launchctl', args: ['bootstrap', domain, files[0].path] },
    ],
    notes: [],
  };
}

export function planUninstall(names: ScheduleNames, host: PlanHost): UninstallPlan | null {
  const scheduler = schedulerFor(host.platform);
  if (scheduler === 'windows-task-scheduler') {
    return { scheduler, entry: names.windowsTask, commands: [{ program: 'schtasks', args: ['/Delete', '/TN', names.windowsTask, '/F'] }], removeFiles: [] };
  }
  if (scheduler === 'systemd') {
    const dir = systemdDir(host);
    const timer = `${names.systemdUnit}.timer`;
    return {
      scheduler,
      entry: timer,
      commands: [{ program: 'systemctl', args: ['--user', 'disable', '--now', timer], mayFail: true }],
      removeFiles: [path.posix.join(dir, timer), path.posix.join(dir, `${names.systemdUnit}.service`)],
    };
  }
  if (scheduler === 'launchd') {
    return {
      scheduler,
      entry: names.launchdLabel,
      commands: [{ program: 'launchctl', args: ['bootout', `gui/${host.uid}/${names.launchdLabel}`], mayFail: true }],
      removeFiles: [launchdFile(host, names)],
    };
  }
  return null;
}

/** After the files are removed systemd must forget the units. */
export function afterUninstall(scheduler: OsScheduler): PlannedCommand[] {
  return scheduler === 'systemd' ? [{ program: 'systemctl', args: ['--user', 'daemon-reload'], mayFail: true }] : [];
}

/** A command whose exit status 0 means "the OS has the entry". */
export function probeCommand(names: ScheduleNames, host: PlanHost): PlannedCommand | null {
  switch (schedulerFor(host.platform)) {
    case 'windows-task-scheduler':
      return { program: 'schtasks', args: ['/Query', '/TN', names.windowsTask] };
    case 'systemd':
      return { program: 'systemctl', args: ['--user', 'is-enabled', `${names.systemdUnit}.timer`] };
    case 'launchd':
      return { program: 'launchctl', args: ['print', `gui/${host.uid}/${names.launchdLabel}`] };
    default:
      return null;
  }
}
