import { describe, expect, it } from 'vitest';
import { launchdPlist } from '../../src/main/engine/schedule/os-launchd-plist';
import { planInstall, planUninstall, probeCommand, type PlanHost } from '../../src/main/engine/schedule/os-schedule-plan';
import { dailySyncLine, inProcessSchedule } from '../../src/main/engine/schedule/os-schedule-owner';
import { resolveInvocation, scheduleNames, type ScheduledSync } from '../../src/main/engine/schedule/os-schedule-spec';
import { quoteSystemd, systemdUnits } from '../../src/main/engine/schedule/os-systemd-units';
import { quoteWindowsArg, windowsExec, windowsTaskXml } from '../../src/main/engine/schedule/os-windows-task';

const WIN_HOME = 'D:\\Follower Pulse\\home';
const winSpec: ScheduledSync = {
  dailyAt: '07:05',
  home: WIN_HOME,
  program: 'C:\\Program Files\\nodejs\\node.exe',
  programArgs: ['C:\\apps\\follower-pulse\\dist\\cli\\follower-pulse.js'],
  env: {},
  name: scheduleNames(WIN_HOME, false),
};
const linuxSpec: ScheduledSync = {
  dailyAt: '06:30',
  home: '/srv/follower pulse/100%',
  program: '/usr/bin/node',
  programArgs: ['/opt/follower-pulse/dist/cli/follower-pulse.js'],
  env: {},
  name: scheduleNames('/srv/follower pulse/100%', false),
};

function tag(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
}

describe('Windows Task Scheduler XML', () => {
  const xml = windowsTaskXml(winSpec, { userId: 'ACME\\etl', startDay: '2026-12-03' });

  it('runs daily at dailyAt, local time, whether the user is logged on or not', () => {
    expect(tag(xml, 'StartBoundary')).toEqual(['2026-12-03T07:05:00']);
    expect(tag(xml, 'DaysInterval')).toEqual(['1']);
    expect(tag(xml, 'LogonType')).toEqual(['Password']);
    expect(tag(xml, 'UserId')).toEqual(['ACME\\etl']);
  });

  it('starts a missed run when available, stops after 30 minutes, never twice at once', () => {
    expect(tag(xml, 'StartWhenAvailable')).toEqual(['true']);
    expect(tag(xml, 'ExecutionTimeLimit')).toEqual(['PT30M']);
    expect(tag(xml, 'MultipleInstancesPolicy')).toEqual(['IgnoreNew']);
    expect(tag(xml, 'DisallowStartIfOnBatteries')).toEqual(['false']);
  });

  it('runs the resolved node and script with sync --trigger schedule and the installed home', () => {
    expect(tag(xml, 'Command')).toEqual(['C:\\Program Files\\nodejs\\node.exe']);
    expect(tag(xml, 'Arguments')).toEqual(['C:\\apps\\follower-pulse\\dist\\cli\\follower-pulse.js sync --trigger schedule --home &quot;D:\\Follower Pulse\\home&quot;']);
    expect(tag(xml, 'WorkingDirectory')).toEqual([WIN_HOME]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2"')).toBe(true);
  });

  it('escapes XML in names and paths', () => {
    const odd = windowsTaskXml({ ...winSpec, home: 'C:\\R&D <team>' }, { userId: 'A&B\\x', startDay: '2026-12-03' });
    expect(tag(odd, 'UserId')).toEqual(['A&amp;B\\x']);
    expect(odd).toContain('<WorkingDirectory>C:\\R&amp;D &lt;team&gt;</WorkingDirectory>');
  });

  it('the packaged app runs as Node through cmd.exe, which sets ELECTRON_RUN_AS_NODE', () => {
    const packaged = { ...winSpec, ...resolveInvocation({ execPath: 'C:\\Apps\\Follower Pulse\\Follower Pulse.exe', script: 'C:\\Apps\\Follower Pulse\\resources\\app.asar\\dist\\cli\\follower-pulse.js', electronVersion: '45.5.0' }) };
    expect(windowsExec(packaged)).toEqual({
      command: 'C:\\Windows\\System32\\cmd.exe',
      args: '/d /s /c "set ELECTRON_RUN_AS_NODE=1&& "C:\\Apps\\Follower Pulse\\Follower Pulse.exe" "C:\\Apps\\Follower Pulse\\resources\\app.asar\\dist\\cli\\follower-pulse.js" sync --trigger schedule --home "D:\\Follower Pulse\\home""',
    });
  });

  it('quotes arguments the way CommandLineToArgvW reads them', () => {
    expect(quoteWindowsArg('plain')).toBe('plain');
    expect(quoteWindowsArg('two words')).toBe('"two words"');
    expect(quoteWindowsArg('C:\\dir with space\\')).toBe('"C:\\dir with space\\\\"');
    expect(quoteWindowsArg('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteWindowsArg('')).toBe('""');
  });
});

describe('systemd user units', () => {
  const units = systemdUnits(linuxSpec);

  it('a timer at dailyAt that catches up a missed start (Persistent=true)', () => {
    expect(units.timer).toContain('\nOnCalendar=*-*-* 06:30:00\n');
    expect(units.timer).toContain('\nPersistent=true\n');
    expect(units.timer).toContain(`\nUnit=${linuxSpec.name.systemdUnit}.service\n`);
    expect(units.timer).toContain('\nWantedBy=timers.target\n');
  });

  it('a oneshot service with the home in its environment and the exact command line', () => {
    expect(units.service).toContain('\nType=oneshot\n');
    expect(units.service).toContain('\nEnvironment="FOLLOWER_PULSE_HOME=/srv/follower pulse/100%%"\n');
    expect(units.service).toContain(
      '\nExecStart="/usr/bin/node" "/opt/follower-pulse/dist/cli/follower-pulse.js" "sync" "--trigger" "schedule" "--home" "/srv/follower pulse/100%%"\n',
    );
    expect(units.service).toContain('\nTimeoutStartSec=30min\n');
  });

  it('quotes words so systemd expands neither specifiers nor variables', () => {
    expect(quoteSystemd('a "b" $HOME %h \\x')).toBe('"a \\"b\\" $$HOME %%h \\\\x"');
  });
});

describe('launchd agent', () => {
  it('a calendar interval at dailyAt, the command line and the home in the environment', () => {
    const spec = { ...linuxSpec, home: '/Users/ana/FP', name: scheduleNames('/Users/ana/FP', true) };
    const plist = launchdPlist(spec, '/Users/ana/FP/logs/launchd-sync.log');
    expect(plist).toContain('<key>Label</key>\n  <string>io.followerpulse.app.sync</string>');
    expect(plist).toContain('<key>Hour</key>\n    <integer>6</integer>\n    <key>Minute</key>\n    <integer>30</integer>');
    expect(tag(plist, 'string').slice(1, 9)).toEqual([
      '/usr/bin/node',
      '/opt/follower-pulse/dist/cli/follower-pulse.js',
      'sync',
      '--trigger',
      'schedule',
      '--home',
      '/Users/ana/FP',
      '/Users/ana/FP',
    ]);
    expect(plist).toContain('<key>FOLLOWER_PULSE_HOME</key>\n    <string>/Users/ana/FP</string>');
  });
});

describe('install, uninstall and probe plans', () => {
  const host = (platform: NodeJS.Platform): PlanHost => ({
    platform,
    homedir: '/home/ana',
    xdgConfigHome: undefined,
    tmpdir: platform === 'win32' ? 'C:\\Temp' : '/tmp',
    user: platform === 'win32' ? 'ACME\\etl' : 'ana',
    uid: 501,
    today: '2026-12-03',
  });

  it('Windows: schtasks /Create /XML asks for the password itself; /Delete and /Query by name', () => {
    const plan = planInstall(winSpec, host('win32'));
    const xmlFile = `C:\\Temp\\${winSpec.name.systemdUnit}-task.xml`;
    expect(plan?.commands).toEqual([
      { program: 'schtasks', args: ['/Create', '/TN', winSpec.name.windowsTask, '/XML', xmlFile, '/RU', 'ACME\\etl', '/RP', '*', '/F'], interactive: true },
    ]);
    expect(plan?.files.map((f) => [f.path, f.encoding])).toEqual([[xmlFile, 'utf16le-bom']]);
    expect(plan?.temporary).toEqual([xmlFile]);
    expect(planUninstall(winSpec.name, host('win32'))?.commands).toEqual([{ program: 'schtasks', args: ['/Delete', '/TN', winSpec.name.windowsTask, '/F'] }]);
    expect(probeCommand(winSpec.name, host('win32'))).toEqual({ program: 'schtasks', args: ['/Query', '/TN', winSpec.name.windowsTask] });
  });

  it('Linux: units in ~/.config/systemd/user, then daemon-reload and enable --now', () => {
    const plan = planInstall(linuxSpec, host('linux'));
    const unit = linuxSpec.name.systemdUnit;
    expect(plan?.files.map((f) => f.path)).toEqual([`/home/ana/.config/systemd/user/${unit}.service`, `/home/ana/.config/systemd/user/${unit}.timer`]);
    expect(plan?.commands).toEqual([
      { program: 'systemctl', args: ['--user', 'daemon-reload'] },
      { program: 'systemctl', args: ['--user', 'enable', '--now', `${unit}.timer`] },
    ]);
    expect(planUninstall(linuxSpec.name, host('linux'))).toMatchObject({
      commands: [{ program: 'systemctl', args: ['--user', 'disable', '--now', `${unit}.timer`], mayFail: true }],
      removeFiles: [`/home/ana/.config/systemd/user/${unit}.timer`, `/home/ana/.config/systemd/user/${unit}.service`],
    });
  });

  it('macOS: the plist in ~/Library/LaunchAgents, bootstrapped into the gui domain', () => {
    const plan = planInstall(linuxSpec, host('darwin'));
    const label = linuxSpec.name.launchdLabel;
    expect(plan?.files.map((f) => f.path)).toEqual([`/home/ana/Library/LaunchAgents/${label}.plist`]);
    expect(plan?.commands).toEqual([
      { program: 'launchctl', args: ['bootout', `gui/501/${label}`], mayFail: true },
      { program: 'launchctl', args: ['bootstrap', 'gui/501', `/home/ana/Library/LaunchAgents/${label}.plist`] },
    ]);
  });

  it('no plan where there is no supported scheduler', () => {
    expect(planInstall(linuxSpec, host('aix'))).toBeNull();
  });

  it('each home gets its own entry; the default home keeps the plain names', () => {
    expect(scheduleNames('/a', true).windowsTask).toBe('Follower Pulse daily sync');
    expect(scheduleNames('/a', false).windowsTask).toMatch(/^Follower Pulse daily sync-[0-9a-f]{8}$/);
    expect(scheduleNames('/a', false).systemdUnit).not.toBe(scheduleNames('/b', false).systemdUnit);
  });
});

describe('who runs the daily sync', () => {
  const schedule = { enabled: true, dailyAt: '07:00', launchAtLogin: true };

  it('the in-process scheduler stands down while an OS task is installed', () => {
    expect(inProcessSchedule(schedule, 'app')).toEqual(schedule);
    expect(inProcessSchedule(schedule, 'windows-task-scheduler')).toEqual({ ...schedule, enabled: false });
    expect(inProcessSchedule(schedule, 'systemd').enabled).toBe(false);
    expect(inProcessSchedule({ ...schedule, enabled: false }, 'app').enabled).toBe(false);
  });

  it('status names the owner', () => {
    expect(dailySyncLine('windows-task-scheduler', true)).toMatch(/^Daily sync: Windows Task Scheduler/);
    expect(dailySyncLine('app', true)).toMatch(/^Daily sync: by the tray app or follower-pulse serve/);
    expect(dailySyncLine('app', false)).toBe('Daily sync: off (schedule.enabled is false)');
  });
});
