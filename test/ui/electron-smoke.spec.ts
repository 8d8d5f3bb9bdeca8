import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';

/**
 * The real Electron shell, end to end: only where an Electron binary exists. Our build machines
 * install Electron with ELECTRON_SKIP_BINARY_DOWNLOAD=1, so there node_modules/electron has no
 * path.txt / dist/ and every test here is skipped (the shell's logic is covered without the
 * binary by test/unit/desktop-*.test.ts against a recording fake of the Electron API).
 * Where the binary exists: `npm run build`, then `npx playwright test test/ui/electron-smoke.spec.ts`
 * (on a headless Linux box under `xvfb-run`). The binary is located from path.txt rather than
 * require('electron'), which would try to download it.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainJs = join(root, 'dist', 'desktop', 'main.js');

function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const executablePath = electronBinary();

test.skip(
  executablePath === null,
  'No Electron binary: node_modules/electron/path.txt or its dist/ is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). The desktop shell is unit-tested with a fake Electron instead.',
);

interface Bridge {
  call(method: string, request?: unknown): Promise<{ ok: boolean; value?: { home?: string; transport?: string } }>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let home = '';
let app: ElectronApplication | null = null;

test.beforeEach(() => {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run npm run build first`);
  home = mkdtempSync(join(tmpdir(), 'fp-electron-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(home, { recursive: true, force: true });
});

async function launch(...extra: string[]): Promise<ElectronApplication> {
  // Chromium refuses to start as root (containers) without this; it is not our renderer sandbox option.
  const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await _electron.launch({
    executablePath: executablePath ?? undefined,
    args: [...rootArgs, mainJs, ...extra],
    cwd: root,
    env: { ...process.env, FOLLOWER_PULSE_HOME: home },
    timeout: 60_000,
  });
  return app;
}

test('opens a sandboxed window whose only bridge is followerPulseIpc, on the CLI’s home', async () => {
  const electronApp = await launch();
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  expect(await electronApp.evaluate(({ app: electronMain }) => electronMain.getPath('userData'))).toBe(home);

  const shape = await page.evaluate(() => {
    const bridge = (window as unknown as { followerPulseIpc?: Bridge }).followerPulseIpc;
    const scope = globalThis as Record<string, unknown>;
    return { keys: bridge ? Object.keys(bridge).sort() : null, require: typeof scope.require, process: typeof scope.process };
  });
  expect(shape).toEqual({ keys: ['call', 'on'], require: 'undefined', process: 'undefined' });

  const info = await page.evaluate(() => (window as unknown as { followerPulseIpc: Bridge }).followerPulseIpc.call('app.info'));
  expect(info).toMatchObject({ ok: true, value: { home, transport: 'ipc' } });
  const refused = await page.evaluate(() => (window as unknown as { followerPulseIpc: Bridge }).followerPulseIpc.call('secrets.reveal', {}));
  expect(refused).toMatchObject({ ok: false, code: 'USAGE' });
});

test('the page cannot leave the app or open windows', async () => {
  const electronApp = await launch();
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const before = page.url();
  const opened = await page.evaluate(() => window.open('https://evil.example/') === null);
  await page.evaluate(() => {
    window.location.href = 'https://evil.example/';
  });
  await page.waitForTimeout(1_000);
  expect(opened).toBe(true);
  expect(page.url()).toBe(before);
  expect(electronApp.windows()).toHaveLength(1);
});

test('--hidden (launch at login) starts in the tray without a window', async () => {
  const electronApp = await launch('--hidden');
  await electronApp.evaluate(({ app: electronMain }) => electronMain.whenReady());
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(electronApp.windows()).toHaveLength(0);
});
