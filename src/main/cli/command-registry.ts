import type { CliContext } from './cli-context';
import type { ExitCode } from './exit-codes';

export interface CommandModule {
  run(ctx: CliContext, argv: string[]): Promise<ExitCode>;
}

export interface CommandEntry {
  name: string;
  summary: string;
  /** Lazy: `sync` must not load DuckDB, AWS or UI code (a test checks the loaded modules). */
  load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'sync', summary: 'fetch the missing and recent days for every page now', load: () => import('./commands/sync-command') },
  { name: 'status', summary: 'pages, coverage, missing days, last runs, next run', load: () => import('./commands/status-command') },
  { name: 'accounts', summary: 'list, add or remove the pages that are tracked', load: () => import('./commands/accounts-command') },
  { name: 'doctor', summary: 'check settings, keychain, LinkedIn, S3, Athena and e-mail; say how to fix', load: () => import('./commands/doctor-command') },
  { name: 'secret', summary: 'store, delete or list secrets in the OS keychain', load: () => import('./commands/secret-command') },
  { name: 'mirror', summary: 'pull the S3 lake into the local data folder', load: () => import('./commands/mirror-command') },
  { name: 'query', summary: 'run a read-only SQL query over the lake tables (local or Athena)', load: () => import('./commands/query-command') },
  { name: 'athena', summary: 'create or update the Athena database and tables', load: () => import('./commands/athena-command') },
  { name: 'import', summary: 'import history from a CSV/XLSX file, a folder or an S3 prefix (LinkedIn export, prototype files)', load: () => import('./commands/import-command') },
  { name: 'report', summary: 'headline figures, series and reconciliation for a period', load: () => import('./commands/report-command') },
  { name: 'events', summary: 'company actions (campaigns, posts, launches) and their estimated impact', load: () => import('./commands/events-command') },
  { name: 'goals', summary: 'follower goals: progress, pace, status and projected date', load: () => import('./commands/goals-command') },
  { name: 'forecast', summary: 'projected followers with 80 % / 95 % bands and the method accuracy', load: () => import('./commands/forecast-command') },
  { name: 'serve', summary: 'the app in a browser on 127.0.0.1 (headless machines); runs the daily schedule', load: () => import('./commands/serve-command') },
  { name: 'schedule', summary: 'register the daily sync with the OS scheduler (Task Scheduler, systemd, launchd)', load: () => import('./commands/schedule-command') },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
