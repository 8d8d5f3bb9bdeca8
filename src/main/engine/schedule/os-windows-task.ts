import { escapeXml } from '../text';
import { commandLine, dailyAtClock, type ScheduledSync } from './os-schedule-spec';

/**
 * The Windows Task Scheduler definition (Task Scheduler schema 1.2) for the daily sync:
 * - a daily calendar trigger at dailyAt, local time (a StartBoundary without a zone is local);
 * - "run whether the user is logged on or not": LogonType Password. The keychain (Windows
 *   Credential Manager) is only open to a logon with the user's password, so S4U would leave the
 *   LinkedIn token unreadable; schtasks asks for the password once and Windows keeps it;
 * - StartWhenAvailable: an EC2 instance that was off at 07:00 runs the missed start when it boots;
 * - ExecutionTimeLimit PT30M, and a second instance is never started while one runs.
 * Task XML has no environment block: the home goes as `--home`, which the CLI treats exactly
 * like FOLLOWER_PULSE_HOME, and any other variable through cmd.exe's `set`.
 */
export interface WindowsTaskOptions {
  /** DOMAIN\user the task runs as (the user who installs it). */
  userId: string;
  /** The date the trigger starts from, YYYY-MM-DD (the install date). */
  startDay: string;
}

export function windowsTaskXml(spec: ScheduledSync, options: WindowsTaskOptions): string {
  const start = `${options.startDay}T${dailyAtClock(spec.dailyAt)}`;
  const { command, args } = windowsExec(spec);
  return [
    '<?xml version="1.0" encoding="UTF-16"?>',
    '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
    '  <RegistrationInfo>',
    '    <Author>Follower Pulse</Author>',
    `    <Description>${escapeXml(`Daily Follower Pulse sync at ${spec.dailyAt} for ${spec.home} (installed by follower-pulse schedule install)`)}</Description>`,
    '  </RegistrationInfo>',
    '  <Triggers>',
    '    <CalendarTrigger>',
    `      <StartBoundary>${start}</StartBoundary>`,
    '      <Enabled>true</Enabled>',
    '      <ScheduleByDay>',
    '        <DaysInterval>1</DaysInterval>',
    '      </ScheduleByDay>',
    '    </CalendarTrigger>',
    '  </Triggers>',
    '  <Principals>',
    '    <Principal id="Author">',
    `      <UserId>${escapeXml(options.userId)}</UserId>`,
    '      <LogonType>Password</LogonType>',
    '      <RunLevel>LeastPrivilege</RunLevel>',
    '    </Principal>',
    '  </Principals>',
    '  <Settings>',
    '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
    '    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
    '    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
    '    <AllowHardTerminate>true</AllowHardTerminate>',
    '    <StartWhenAvailable>true</StartWhenAvailable>',
    '    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>',
    '    <IdleSettings>',
    '      <StopOnIdleEnd>false</StopOnIdleEnd>',
    '      <RestartOnIdle>false</RestartOnIdle>',
    '    </IdleSettings>',
    '    <AllowStartOnDemand>true</AllowStartOnDemand>',
    '    <Enabled>true</Enabled>',
    '    <Hidden>false</Hidden>',
    '    <RunOnlyIfIdle>false</RunOnlyIfIdle>',
    '    <WakeToRun>false</WakeToRun>',
    '    <ExecutionTimeLimit>PT30M</ExecutionTimeLimit>',
    '    <Priority>7</Priority>',
    '  </Settings>',
    '  <Actions Context="Author">',
    '    <Exec>',
    `      <Command>${escapeXml(command)}</Command>`,
    `      <Arguments>${escapeXml(args)}</Arguments>`,
    `      <WorkingDirectory>${escapeXml(spec.home)}</WorkingDirectory>`,
    '    </Exec>',
    '  </Actions>',
    '</Task>',
    '',
  ].join('\r\n');
}

/** The Exec action: the program itself, or cmd.exe setting the extra environment first. */
export function windowsExec(spec: ScheduledSync): { command: string; args: string } {
  const [program, ...rest] = commandLine(spec);
  const env = Object.entries(spec.env);
  if (env.length === 0) return { command: program, args: rest.map(quoteWindowsArg).join(' ') };
  // `set NAME=value&& ...`: no space before && or the value would end with one.
  const sets = env.map(([name, value]) => `set ${name}=${value}&&`).join(' ');
  const inner = [program, ...rest].map(quoteWindowsArg).join(' ');
  return { command: 'C:\\Windows\\System32\\cmd.exe', args: `/d /s /c "${sets} ${inner}"` };
}

/** Quotes one argument the way CommandLineToArgvW reads it back. */
export function quoteWindowsArg(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  let out = '"';
  let backslashes = 0;
  for (const ch of arg) {
    if (ch === '\\') {
      backslashes += 1;
      continue;
    }
    out += ch === '"' ? '\\'.repeat(backslashes * 2 + 1) + '"' : '\\'.repeat(backslashes) + ch;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

