import { COMMANDS } from './command-registry';

export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Follower Pulse ${version} — your LinkedIn Page follower history, in your own data store.`,
    '',
    'Usage: follower-pulse <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --home DIR   use DIR as the home folder (default: FOLLOWER_PULSE_HOME or the per-user app folder)',
    '  --json       print one machine-readable JSON document on stdout',
    '  -h, --help   show help (also: follower-pulse <command> --help)',
    '  --version    print the version',
    '',
    'Exit codes: 0 success or up to date · 1 the run failed, was partial or had no data · 2 bad usage or settings · 3 another sync holds the lock',
  ].join('\n');
}
