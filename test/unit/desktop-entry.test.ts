import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real entry (main.ts → createDesktopBoot → createUiHandlers) under plain Node, with
 * 'electron' resolved to a scripted stand-in (desktop-entry-stub/): the wiring the fake-Electron
 * unit tests cannot see — real engine, real settings file — without the Electron binary.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const stub = fileURLToPath(new URL('./desktop-entry-stub/register.mjs', import.meta.url));
const home = mkdtempSync(path.join(tmpdir(), 'fp-desktop-entry-'));
const reportFile = path.join(home, '..', `${path.basename(home)}-report.json`);

interface Report {
  calls: string[];
  menus: string[][];
  windows: Record<string, unknown>[];
  loads: { file: string; hash: string | null }[];
  loginItems: unknown[];
  ipc: { appInfo?: unknown; accountsAdd?: unknown; untrusted?: string };
  errors: string[];
}

function runEntry(): { status: number | null; report: Report; stderr: string } {
  // No daily schedule: a sync started by the scheduler would race the scripted session.
  writeFileSync(path.join(home, 'settings.json'), JSON.stringify({ version: 1, schedule: { enabled: false, dailyAt: '07:00', launchAtLogin: true } }));
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--import', stub, 'src/main/desktop/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      FOLLOWER_PULSE_HOME: home,
      FP_STUB_REPORT: reportFile,
      // Should the stub ever fail to load, the electron package must not go and download its binary.
      ELECTRON_OVERRIDE_DIST_PATH: path.join(home, 'no-electron'),
      // Nothing here may reach the real LinkedIn API.
      FOLLOWER_PULSE_LINKEDIN_API_URL: 'http://127.0.0.1:9/rest',
    },
  });
  return { status: result.status, report: JSON.parse(readFileSync(reportFile, 'utf8')) as Report, stderr: result.stderr };
}

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(reportFile, { force: true });
});

describe('desktop entry with the real engine (Electron stubbed)', () => {
  const { status, report, stderr } = runEntry();

  it('starts, serves the UI API over IPC from the shared home, and quits cleanly from the tray', () => {
    expect(report.errors, stderr).toEqual([]);
    expect(status).toBe(0);
    expect(report.calls[0]).toBe(`app.setPath userData ${home}`);
    expect(report.ipc.appInfo).toMatchObject({ ok: true, value: { home, transport: 'ipc' } });
    expect(report.ipc.accountsAdd).toMatchObject({ ok: true, value: [{ id: '2414183', name: 'Acme' }] });
    expect(report.ipc.untrusted).toBe('Untrusted sender');
    expect(report.calls).toEqual(expect.arrayContaining(['tray.destroy', 'ipcMain.removeHandler fp:call', 'app.setAppUserModelId io.followerpulse.app']));
  });

  it('opens the secure window with the built preload, and the tray follows the settings file', () => {
    expect(report.windows).toEqual([expect.objectContaining({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: path.join(root, 'src/main/desktop/preload.cjs') })]);
    expect(report.menus[0]?.[0]).toBe('Nenhuma página configurada ainda');
    // The page added over IPC reaches the tray through the settings-changed event.
    expect(report.menus.at(-1)).toContain('Sincronizar agora');
    expect(report.menus.at(-1)?.slice(0, 2)).toEqual(['Nenhuma sincronização ainda', 'Sincronização diária desligada']);
    expect(report.loginItems.at(-1)).toEqual({ openAtLogin: true, args: ['--hidden'] });
  });
});
