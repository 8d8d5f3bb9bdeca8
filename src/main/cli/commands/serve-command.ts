import type { RunRecord } from '../../../shared/run-record';
import type { SyncProgressEvent } from '../../../shared/ui-api';
import { createUiHandlers, type AppUiHandlers } from '../../engine/app/create-ui-handlers';
import { startUiServer, type UiServer } from '../../server/ui-server';
import type { CliContext } from '../cli-context';
import { parseCommandArgs, usageError } from '../command-args';
import { EXIT, type ExitCode } from '../exit-codes';
import { openBrowser } from '../open-browser';
import { findRendererDir } from '../renderer-dir';

const HELP = `Usage: follower-pulse serve [--port N] [--open] [--no-schedule]

Serves the same app as the desktop window on http://127.0.0.1 for headless machines and
browsers. The first line printed is the address to open; it carries a per-launch access token
(anyone with it can use the app, so do not share it). While it runs, the daily sync runs at
the time set in Settings (and catches up a missed one at startup), so on a server it IS the app.

Reach it from another machine through an SSH tunnel, e.g.
  ssh -L 8080:127.0.0.1:8080 server   then run: follower-pulse serve --port 8080

Options:
  --port N        listen on this port (default: a free one)
  --open          open the address in the system browser
  --no-schedule   do not run the daily schedule in this process (e.g. the OS scheduler runs sync)

Stop with Ctrl-C.`;

export async function run(ctx: CliContext, argv: string[]): Promise<ExitCode> {
  const args = parseCommandArgs('serve', argv, { port: { type: 'string' }, open: { type: 'boolean' }, 'no-schedule': { type: 'boolean' } });
  if (args.help) {
    ctx.io.out(HELP);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) throw usageError('serve', `Unexpected argument: ${args.positionals[0]}`);
  const port = parsePort(args.values.port);
  const rendererDir = findRendererDir();
  const handlers = createUiHandlers({
    home: ctx.home,
    env: ctx.env,
    secrets: ctx.secrets(),
    logger: ctx.logger(),
    now: () => ctx.now(),
    transport: 'http',
    schedule: args.values['no-schedule'] !== true,
  });
  let server: UiServer;
  try {
    server = await startUiServer({ handlers, port, rendererDir, logger: ctx.logger() });
  } catch (error) {
    await handlers.close();
    throw listenError(error, port);
  }
  // Contract §3: the URL is the first line on stdout; everything else goes to stderr.
  ctx.io.out(server.url);
  // The derived copy of the lake loads while the browser opens the address, not on the dashboard's first call.
  void handlers.handle('insights.report', { period: '7d' });
  await describeStart(ctx, handlers, server, rendererDir !== null, args.values['no-schedule'] === true);
  let syncRunning = false;
  const unsubscribe = handlers.subscribe((event, payload) => {
    if (event === 'sync-progress') {
      syncRunning = (payload as SyncProgressEvent).running;
      reportProgress(ctx, payload as SyncProgressEvent);
    }
    if (event === 'run-finished') reportRun(ctx, payload as RunRecord);
  });
  if (args.values.open) {
    const opened = await openBrowser(server.url);
    ctx.io.err(opened.opened ? 'Opened the address in the browser.' : `Could not open a browser (${opened.reason}); open the address above yourself.`);
  }
  await untilStopped(ctx, () => syncRunning);
  unsubscribe();
  await server.close();
  await handlers.close();
  return EXIT.ok;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw usageError('serve', `--port must be a number from 0 to 65535, not "${value}"`);
  return Number(value);
}

function listenError(error: unknown, port: number): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return usageError('serve', `Port ${port} is already in use; choose another with --port, or leave it out for a free one`);
  if (code === 'EACCES') return usageError('serve', `Not allowed to listen on port ${port}; choose one above 1023`);
  return error instanceof Error ? error : new Error(String(error));
}

async function describeStart(ctx: CliContext, handlers: AppUiHandlers, server: UiServer, built: boolean, noSchedule: boolean): Promise<void> {
  ctx.io.err(`Follower Pulse is serving the app on http://127.0.0.1:${server.port}/ — open the address above (it carries the access token). Ctrl-C stops it.`);
  if (!built) ctx.io.err("The app's pages are not built, so the browser shows how to build them (npm run build); the API works.");
  const info = await handlers.handle('app.info', undefined);
  if (info.ok && info.value.settingsProblem) {
    ctx.io.err(`${info.value.settingsProblem.message} — ${info.value.settingsProblem.hint ?? 'fix it in Settings'}`);
  }
  if (noSchedule) {
    ctx.io.err('Daily schedule: not run by this process (--no-schedule).');
    return;
  }
  const state = await handlers.handle('scheduler.state', undefined);
  if (!state.ok) return;
  if (!state.value.enabled) ctx.io.err('Daily schedule: off in Settings.');
  else if (state.value.nextRunAt) ctx.io.err(`Daily schedule: next sync ${new Date(state.value.nextRunAt).toLocaleString()} (local time).`);
}

function reportProgress(ctx: CliContext, progress: SyncProgressEvent): void {
  if (progress.running && progress.message) ctx.io.err(`  ${progress.message}`);
}

function reportRun(ctx: CliContext, record: RunRecord): void {
  const days = record.accounts.reduce((n, a) => n + a.daysWritten, 0);
  const error = record.error ? ` — ${record.error.message}` : '';
  ctx.io.err(`${new Date(record.finishedAt).toLocaleString()} ${record.trigger} sync ${record.status}: ${days} day${days === 1 ? '' : 's'} written${error}`);
}

/** Resolves on SIGINT or SIGTERM; a second signal while stopping exits at once. */
function untilStopped(ctx: CliContext, syncRunning: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A killed sync loses nothing (files are written whole, the lock goes stale), but finishing is kinder.
      ctx.io.err(`Stopping (${signal})${syncRunning() ? '; the running sync is left to finish, Ctrl-C again stops it at once' : ''}…`);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
