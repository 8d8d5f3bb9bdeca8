import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { freePort } from '../../test/support/free-port';

/**
 * The dashboard's first paint as a user meets it: the built `serve` on the generated home, a real
 * Chromium (Debian's on Linux, as the UI tests use), from navigation to the followers headline
 * on screen. The first visit also pays the server's first report; the later ones are fresh
 * browser contexts against a warm server.
 */
export async function dashboardFirstPaint(options: { cli: string; home: string; now: string; runs: number }): Promise<{ firstMs: number; warmMs: number[] }> {
  const port = await freePort();
  const serve = spawn(process.execPath, [options.cli, 'serve', '--port', String(port), '--no-schedule'], {
    env: { PATH: process.env.PATH, HOME: options.home, FOLLOWER_PULSE_HOME: options.home, FOLLOWER_PULSE_NOW: options.now },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    // Contract §3: the first line on stdout is the address, with its one-time sign-in token.
    const url = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: serve.stdout });
      lines.once('line', (line) => resolve(line.trim()));
      serve.once('exit', (code) => reject(new Error(`serve exited with ${code} before printing its address`)));
    });
    const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);
    const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const times: number[] = [];
      // The token signs one browser in; its cookie then serves every later context.
      const first = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1360, height: 900 } });
      const state = await visit(first, url, times);
      for (let i = 0; i < options.runs; i++) {
        const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1360, height: 900 }, storageState: state });
        await visit(context, url.split('?')[0], times);
      }
      return { firstMs: times[0], warmMs: times.slice(1) };
    } finally {
      await browser.close();
    }
  } finally {
    serve.kill('SIGTERM');
  }
}

type Context = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newContext']>>;

async function visit(context: Context, url: string, times: number[]): Promise<Awaited<ReturnType<Context['storageState']>>> {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await page.getByTestId('followers-now').waitFor({ state: 'visible', timeout: 30_000 });
  times.push(performance.now() - started);
  const state = await context.storageState();
  await context.close();
  return state;
}
