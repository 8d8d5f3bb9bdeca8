import { spawn } from 'node:child_process';

export type OpenResult = { opened: true } | { opened: false; reason: string };

/** The system's "open this URL" command. Pure. */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[]; verbatim: boolean } {
  if (platform === 'darwin') return { command: 'open', args: [url], verbatim: false };
  // `start` is a cmd built-in; the empty "" is its window title, so the URL is not taken for one.
  // With /s, cmd strips one pair of quotes around the whole command (how Node quotes shell commands).
  if (platform === 'win32') return { command: 'cmd.exe', args: ['/d', '/s', '/c', `"start "" "${url}""`], verbatim: true };
  return { command: 'xdg-open', args: [url], verbatim: false };
}

/**
 * Asks the desktop to open `url` in the default browser. Never throws: on a headless server
 * there is no browser, and the caller says so and goes on. An opener still running after
 * `waitMs` is taken as success (some xdg-open backends stay attached to the browser).
 */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform, waitMs = 3_000): Promise<OpenResult> {
  const { command, args, verbatim } = browserCommand(platform, url);
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: OpenResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => finish({ opened: true }), waitMs);
    timer.unref();
    try {
      const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim, windowsHide: true });
      child.on('error', (error: NodeJS.ErrnoException) => finish({ opened: false, reason: error.code === 'ENOENT' ? `${command} is not installed` : error.message }));
      child.on('exit', (code) => finish(code === 0 ? { opened: true } : { opened: false, reason: `${command} exited with code ${code ?? 'unknown'}` }));
      child.unref();
    } catch (error) {
      finish({ opened: false, reason: error instanceof Error ? error.message : String(error) });
    }
  });
}
