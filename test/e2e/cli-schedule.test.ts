import { realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliEnv, runCliProcess, tempHome } from '../support/cli-harness';
import { BUILT_CLI } from '../support/global-setup';

let home: string;

beforeEach(async () => {
  home = await tempHome('fp-schedule-e2e-');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('follower-pulse schedule (the built CLI, Linux)', () => {
  it('install --print shows the systemd units that would run this very node and CLI for this home', async () => {
    const run = await runCliProcess(['schedule', 'install', '--print'], cliEnv({ home }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('OnCalendar=*-*-* 07:00:00');
    expect(run.stdout).toContain('Persistent=true');
    expect(run.stdout).toContain(`ExecStart="${process.execPath}" "${realpathSync(BUILT_CLI)}" "sync" "--trigger" "schedule" "--home" "${home}"`);
    // HOME is the temp home in these tests, so the units would go under it.
    expect(run.stdout).toContain(`# ${home}/.config/systemd/user/follower-pulse-sync-`);
  });

  it('status says the app runs the daily sync while no OS task is installed', async () => {
    const run = await runCliProcess(['schedule', 'status', '--json'], cliEnv({ home }));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ dailySyncBy: 'app', installed: null });
    const status = await runCliProcess(['status'], cliEnv({ home }));
    expect(status.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Daily sync: by the tray app or follower-pulse serve/);
  });

  it('unknown action: exit 2 and one line', async () => {
    const run = await runCliProcess(['schedule', 'enable'], cliEnv({ home }));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
