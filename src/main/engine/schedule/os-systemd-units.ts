import { commandLine, dailyAtClock, type ScheduledSync } from './os-schedule-spec';

/**
 * A systemd user service + timer for the daily sync. `Persistent=true` runs a start missed
 * while the machine was off as soon as it is back (the EC2 instance switched on one hour a day);
 * TimeoutStartSec stops a run hanging longer than 30 minutes, as the Windows task does.
 */
export interface SystemdUnits {
  service: string;
  timer: string;
}

export function systemdUnits(spec: ScheduledSync): SystemdUnits {
  const clock = dailyAtClock(spec.dailyAt);
  const env = { FOLLOWER_PULSE_HOME: spec.home, ...spec.env };
  const service = [
    '[Unit]',
    `Description=Follower Pulse daily sync (${escapeSpecifiers(spec.home)})`,
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=oneshot',
    ...Object.entries(env).map(([name, value]) => `Environment=${quoteSystemd(`${name}=${value}`)}`),
    `WorkingDirectory=${quoteSystemd(spec.home)}`,
    `ExecStart=${commandLine(spec).map(quoteSystemd).join(' ')}`,
    'TimeoutStartSec=30min',
    '',
  ].join('\n');
  const timer = [
    '[Unit]',
    'Description=Follower Pulse daily sync timer',
    '',
    '[Timer]',
    `OnCalendar=*-*-* ${clock}`,
    'Persistent=true',
    `Unit=${spec.name.systemdUnit}.service`,
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
  return { service, timer };
}

/** One word for ExecStart= / Environment=: double-quoted, with systemd's specifier and variable expansion disabled. */
export function quoteSystemd(word: string): string {
  const escaped = escapeSpecifiers(word).replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('$', () => '$$');
  return `"${escaped}"`;
}

function escapeSpecifiers(text: string): string {
  return text.replaceAll('%', '%%');
}

