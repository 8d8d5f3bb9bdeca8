import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliContext } from '../../src/main/cli/cli-context';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runSchedule, type ScheduleDeps } from '../../src/main/cli/commands/schedule-command';
import { run as runStatus } from '../../src/main/cli/commands/status-command';
import { reportError } from '../../src/main/cli/run-cli';
import { createUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { toAppError } from '../../src/main/engine/errors';
import { nullLogger } from '../../src/main/engine/log/logger';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { processCommandRunner, type CommandResult, type CommandRunner } from '../../src/main/engine/schedule/os-command-runner';
import { OS_SCHEDULE_FILE, readOsSchedule } from '../../src/main/engine/schedule/os-schedule-owner';
import type { PlanHost } from '../../src/main/engine/schedule/os-schedule-plan';

interface Captured extends CliIo {
  lines: string[];
  errors: string[];
  documents: unknown[];
}

function captureIo(): Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  const documents: unknown[] = [];
  return {
    lines,
    errors,
    documents,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    json: (value) => documents.push(JSON.parse(JSON.stringify(value))),
    stdin: new PassThrough(),
    isTTY: false,
  };
}

interface Call {
  program: string;
  args: string[];
  interactive: boolean;
  /** Files the command was pointed at, read while it ran (the Windows XML is deleted afterwards). */
  seen: Record<string, Buffer>;
}

/** Records every command; answers from `answer` (default: success). */
function recordingRunner(answer: (program: string, args: readonly string[]) => CommandResult = () => ({ code: 0, stdout: '', stderr: '' })): CommandRunner & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async run(program, args, options = {}) {
      const seen: Record<string, Buffer> = {};
      for (const arg of args) if (existsSync(arg) && arg.endsWith('.xml')) seen[arg] = await readFile(arg);
      calls.push({ program, args: [...args], interactive: options.interactive === true, seen });
      return answer(program, args);
    },
  };
}

let root: string;
let home: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'fp-schedule-'));
  home = join(root, 'home');
  await import('node:fs/promises').then((fs) => fs.mkdir(home, { recursive: true }));
  await writeFile(join(home, 'settings.json'), JSON.stringify({ version: 1, schedule: { enabled: true, dailyAt: '06:45', launchAtLogin: true } }));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function host(platform: NodeJS.Platform): PlanHost {
  return { platform, homedir: join(root, 'user'), xdgConfigHome: undefined, tmpdir: root, user: platform === 'win32' ? 'ACME\\etl' : 'ana', uid: 501, today: '2026-12-03' };
}

function deps(platform: NodeJS.Platform, runner: CommandRunner): ScheduleDeps {
  return { runner, host: host(platform), process: { execPath: '/usr/bin/node', script: '/opt/fp/dist/cli/follower-pulse.js', electronVersion: undefined } };
}

async function schedule(argv: string[], d: ScheduleDeps, json = false): Promise<{ code: number; io: Captured }> {
  const io = captureIo();
  const ctx = createCliContext(io, { FOLLOWER_PULSE_HOME: home, FOLLOWER_PULSE_NOW: '2026-12-03T10:00:00Z' }, { json });
  try {
    return { code: await runSchedule(ctx, argv, d), io };
  } catch (error) {
    return { code: reportError(io, toAppError(error), json), io };
  }
}

describe('follower-pulse schedule on Linux (systemd user timer)', () => {
  it('install writes the units, reloads and enables the timer, and records systemd as the owner', async () => {
    const runner = recordingRunner();
    const { code, io } = await schedule(['install'], deps('linux', runner));
    expect(code).toBe(0);
    const unitDir = join(root, 'user', '.config', 'systemd', 'user');
    const timerName = runner.calls[1]?.args[3] ?? '';
    expect(runner.calls.map((c) => [c.program, ...c.args])).toEqual([
      ['systemctl', '--user', 'daemon-reload'],
      ['systemctl', '--user', 'enable', '--now', timerName],
    ]);
    expect(timerName).toMatch(/^follower-pulse-sync-[0-9a-f]{8}\.timer$/);
    const timer = await readFile(join(unitDir, timerName), 'utf8');
    expect(timer).toContain('OnCalendar=*-*-* 06:45:00');
    const service = await readFile(join(unitDir, timerName.replace('.timer', '.service')), 'utf8');
    expect(service).toContain(`ExecStart="/usr/bin/node" "/opt/fp/dist/cli/follower-pulse.js" "sync" "--trigger" "schedule" "--home" "${home}"`);
    expect(service).toContain(`Environment="FOLLOWER_PULSE_HOME=${home}"`);
    expect(await readOsSchedule(home)).toMatchObject({ scheduler: 'systemd', entry: timerName, dailyAt: '06:45' });
    expect(io.lines[0]).toContain(`systemd user timer runs "${timerName}" daily at 06:45`);
    expect(io.lines.join('\n')).toContain('loginctl enable-linger ana');
  });

  it('status then says the OS runs the daily sync, and status (the command) adds the same line', async () => {
    const runner = recordingRunner();
    await schedule(['install'], deps('linux', runner));
    const { io } = await schedule(['status'], deps('linux', runner));
    expect(io.lines[0]).toMatch(/^Daily sync: systemd user timer/);
    expect(runner.calls.at(-1)?.args.slice(0, 2)).toEqual(['--user', 'is-enabled']);

    const statusIo = captureIo();
    await runStatus(createCliContext(statusIo, { FOLLOWER_PULSE_HOME: home }, { json: false }), []);
    expect(statusIo.lines.at(-1)).toMatch(/^Daily sync: systemd user timer/);
    const jsonIo = captureIo();
    await runStatus(createCliContext(jsonIo, { FOLLOWER_PULSE_HOME: home }, { json: true }), []);
    expect(jsonIo.documents[0]).toMatchObject({ dailySyncBy: 'systemd' });
  });

  it('the UI API (tray, serve) reports the OS task as the owner of the daily sync', async () => {
    const handlers = createUiHandlers({ home, env: {}, secrets: new MemorySecretStore(), logger: nullLogger, now: () => new Date('2026-12-03T10:00:00Z'), transport: 'ipc', watchSettings: false });
    try {
      expect(await handlers.handle('scheduler.state', undefined)).toMatchObject({ ok: true, value: { dailySyncBy: 'app' } });
      await schedule(['install'], deps('linux', recordingRunner()));
      expect(await handlers.handle('scheduler.state', undefined)).toMatchObject({ ok: true, value: { dailySyncBy: 'systemd', enabled: true } });
    } finally {
      await handlers.close();
    }
  });

  it('status warns when the record and the OS disagree', async () => {
    await schedule(['install'], deps('linux', recordingRunner()));
    const gone = recordingRunner(() => ({ code: 1, stdout: 'not-found', stderr: '' }));
    const { io } = await schedule(['status'], deps('linux', gone));
    expect(io.lines.join('\n')).toContain('the OS scheduler has no such entry');
  });

  it('uninstall disables the timer, removes the units and the record', async () => {
    await schedule(['install'], deps('linux', recordingRunner()));
    const runner = recordingRunner();
    const { code, io } = await schedule(['uninstall'], deps('linux', runner));
    expect(code).toBe(0);
    expect(runner.calls.map((c) => c.args.slice(0, 3))).toEqual([
      ['--user', 'disable', '--now'],
      ['--user', 'daemon-reload'],
    ]);
    expect(existsSync(join(home, OS_SCHEDULE_FILE))).toBe(false);
    expect(existsSync(join(root, 'user', '.config', 'systemd', 'user'))).toBe(true);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(root, 'user', '.config', 'systemd', 'user'))).toEqual([]);
    expect(io.lines[0]).toMatch(/^Removed "follower-pulse-sync-[0-9a-f]{8}\.timer" from systemd user timer/);
  });

  it('a refused command is one line with what to do, exit 1, and nothing is recorded', async () => {
    const runner = recordingRunner((_program, args) => (args.includes('enable') ? { code: 1, stdout: '', stderr: 'Failed to connect to bus: No medium found\n' } : { code: 0, stdout: '', stderr: '' }));
    const { code, io } = await schedule(['install'], deps('linux', runner));
    expect(code).toBe(1);
    expect(io.errors).toHaveLength(1);
    expect(io.errors[0]).toMatch(/^systemctl --user enable --now follower-pulse-sync-[0-9a-f]{8}\.timer failed: Failed to connect to bus: No medium found — systemctl --user needs a user session/);
    expect(await readOsSchedule(home)).toBeNull();
  });

  it('--print shows the definition and touches nothing', async () => {
    const runner = recordingRunner();
    const { code, io } = await schedule(['install', '--print'], deps('linux', runner));
    expect(code).toBe(0);
    expect(runner.calls).toEqual([]);
    expect(io.lines.join('\n')).toContain('OnCalendar=*-*-* 06:45:00');
    expect(io.lines.join('\n')).toContain('Persistent=true');
    expect(await readOsSchedule(home)).toBeNull();
  });

  it('bad usage exits 2', async () => {
    expect((await schedule(['status', '--print'], deps('linux', recordingRunner()))).code).toBe(2);
    expect((await schedule(['reinstall'], deps('linux', recordingRunner()))).code).toBe(2);
  });
});

describe('follower-pulse schedule on Windows (Task Scheduler)', () => {
  it('install hands schtasks a UTF-16 task XML, lets it ask for the password, then deletes the file', async () => {
    const runner = recordingRunner();
    const { code } = await schedule(['install'], deps('win32', runner));
    expect(code).toBe(0);
    expect(runner.calls).toHaveLength(1);
    const [call] = runner.calls;
    expect(call.program).toBe('schtasks');
    expect(call.interactive).toBe(true);
    const xmlFile = call.args[call.args.indexOf('/XML') + 1];
    expect(call.args).toEqual(['/Create', '/TN', expect.stringMatching(/^Follower Pulse daily sync-[0-9a-f]{8}$/), '/XML', xmlFile, '/RU', 'ACME\\etl', '/RP', '*', '/F']);
    const bytes = call.seen[xmlFile];
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const xml = bytes.subarray(2).toString('utf16le');
    expect(xml).toContain('<StartBoundary>2026-12-03T06:45:00</StartBoundary>');
    expect(xml).toContain(`--home ${home}</Arguments>`);
    expect(existsSync(xmlFile)).toBe(false);
    expect(await readOsSchedule(home)).toMatchObject({ scheduler: 'windows-task-scheduler' });
  });

  it('uninstall deletes the task by name', async () => {
    await schedule(['install'], deps('win32', recordingRunner()));
    const runner = recordingRunner();
    const { io } = await schedule(['uninstall'], deps('win32', runner), true);
    expect(runner.calls.map((c) => c.args)).toEqual([['/Delete', '/TN', expect.stringMatching(/^Follower Pulse daily sync-/), '/F']]);
    expect(io.documents[0]).toMatchObject({ removed: true, scheduler: 'windows-task-scheduler' });
  });
});

// A real systemctl: only where it cannot reach a user manager (as on the build machines), so
// running the suite never changes a developer's real timers.
const userBusWorks = spawnSync('systemctl', ['--user', 'show-environment'], { stdio: 'ignore' }).status === 0;
const hasSystemctl = spawnSync('systemctl', ['--version'], { stdio: 'ignore' }).status === 0;

describe.skipIf(process.platform !== 'linux' || !hasSystemctl || userBusWorks)('with the real systemctl and no user session', () => {
  it('install fails with systemctl’s own reason and records nothing', async () => {
    const { code, io } = await schedule(['install'], deps('linux', processCommandRunner));
    expect(code).toBe(1);
    // systemctl's own reason varies with what is missing (no bus at all, or a session bus without a user manager).
    expect(io.errors[0]).toMatch(/^systemctl --user daemon-reload failed: \S.* — systemctl --user needs a user session/);
    expect(await readOsSchedule(home)).toBeNull();
  });
});
