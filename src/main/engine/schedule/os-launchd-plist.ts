import { escapeXml } from '../text';
import { commandLine, type ScheduledSync } from './os-schedule-spec';
import { parseDailyAt } from './schedule-decision';

/**
 * A launchd agent (~/Library/LaunchAgents) for the daily sync. launchd runs a
 * StartCalendarInterval job missed during sleep once the Mac wakes; output goes to the home's logs.
 */
export function launchdPlist(spec: ScheduledSync, logFile: string): string {
  const { hours, minutes } = parseDailyAt(spec.dailyAt);
  const env = { FOLLOWER_PULSE_HOME: spec.home, ...spec.env };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  <string>${escapeXml(spec.name.launchdLabel)}</string>`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...commandLine(spec).map((arg) => `    <string>${escapeXml(arg)}</string>`),
    '  </array>',
    '  <key>EnvironmentVariables</key>',
    '  <dict>',
    ...Object.entries(env).flatMap(([name, value]) => [`    <key>${escapeXml(name)}</key>`, `    <string>${escapeXml(value)}</string>`]),
    '  </dict>',
    '  <key>WorkingDirectory</key>',
    `  <string>${escapeXml(spec.home)}</string>`,
    '  <key>StartCalendarInterval</key>',
    '  <dict>',
    '    <key>Hour</key>',
    `    <integer>${hours}</integer>`,
    '    <key>Minute</key>',
    `    <integer>${minutes}</integer>`,
    '  </dict>',
    '  <key>StandardOutPath</key>',
    `  <string>${escapeXml(logFile)}</string>`,
    '  <key>StandardErrorPath</key>',
    `  <string>${escapeXml(logFile)}</string>`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

