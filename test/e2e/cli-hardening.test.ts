import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLinkedIn } from '../fakes/fake-linkedin';
import { cliEnv, type CliRun, runCliProcess, tempHome } from '../support/cli-harness';
import { BUILT_CLI } from '../support/global-setup';

/** Issue 9: probes an attacker, a careless admin or a newcomer would try, through the built CLI. */
const ORG = '2414183';
const TOKEN = 'canary-token-hardening-DO-NOT-LEAK';
const NOW = '2026-11-28T10:00:00Z';

let home: string;
let requests: string[];
let trap: Server;
let trapUrl: string;

// A plain-http server on a loopback address that is not one of contract §3's loopback hosts,
// standing in for "any host": a token sent to it is a leak.
beforeEach(async () => {
  home = await tempHome();
  requests = [];
  trap = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.2', resolve));
  const address = trap.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  trapUrl = `http://127.0.0.2:${address.port}`;
});
afterEach(async () => new Promise<void>((resolve) => trap.close(() => resolve())));

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => cliEnv({ home, token: TOKEN, now: NOW, extra });

async function writeSettings(value: unknown): Promise<string> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(join(home, 'settings.json'), text);
  return text;
}

const page = { network: 'linkedin', id: ORG, name: 'Acme', enabled: true };

function oneLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('the token goes only to https or loopback hosts (issue 9 item 2)', () => {
  it('a plain-http apiBaseUrl to another host is refused with exit 2 naming the key, before any request', async () => {
    const before = await writeSettings({ version: 1, accounts: [page], linkedin: { apiBaseUrl: `${trapUrl}/rest` } });
    const r = await runCliProcess(['sync'], env());
    expect(requests).toEqual([]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('linkedin.apiBaseUrl');
    expect(r.stderr).toContain('https://');
    expect(await readFile(join(home, 'settings.json'), 'utf8')).toBe(before);
  });

  it('the same for oauthBaseUrl', async () => {
    await writeSettings({ version: 1, accounts: [page], linkedin: { oauthBaseUrl: `${trapUrl}/oauth/v2` } });
    const r = await runCliProcess(['sync'], env());
    expect(requests).toEqual([]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('linkedin.oauthBaseUrl');
  });

  it('the environment override may not send it in clear text to another host either', async () => {
    await writeSettings({ version: 1, accounts: [page] });
    const r = await runCliProcess(['sync'], env({ FOLLOWER_PULSE_LINKEDIN_API_URL: `${trapUrl}/rest` }));
    expect(requests).toEqual([]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('FOLLOWER_PULSE_LINKEDIN_API_URL');
  });
});

describe('unknown settings keys are rejected everywhere (issue 9 item 4)', () => {
  it.each([
    ['a top-level key', { bogusKey: true }, 'bogusKey'],
    ['a misspelt nested key', { linkedin: { lagdays: 5 } }, 'linkedin.lagdays'],
    ['a key inside an account', { accounts: [{ ...page, colour: 'red' }] }, 'accounts.0.colour'],
  ])('%s: exit 2 naming it, the file untouched even by a command that saves', async (_label, extra, key) => {
    const before = await writeSettings({ version: 1, accounts: [page], ...extra });
    const list = await runCliProcess(['accounts', 'list'], env());
    expect(list.code).toBe(2);
    expect(oneLine(list.stderr)).toContain(key);
    const remove = await runCliProcess(['accounts', 'remove', 'linkedin', ORG], env());
    expect(remove.code).toBe(2);
    expect(oneLine(remove.stderr)).toContain(key);
    expect(await readFile(join(home, 'settings.json'), 'utf8')).toBe(before);
  });
});

/** Runs the built CLI from a shell with the given umask, as a careless admin's crontab would. */
function runWithUmask(umask: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, BUILT_CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Every path under `dir` (itself included) with its permission bits, e.g. `lake/x.csv 600`. */
async function modes(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(path: string, rel: string): Promise<void> {
    const info = await stat(path);
    out.push(`${rel || '.'} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of (await readdir(path)).sort()) await walk(join(path, name), rel ? `${rel}/${name}` : name);
  }
  await walk(dir, '');
  return out;
}

describe.skipIf(process.platform === 'win32')('file modes whatever the umask (issue 9 item 3)', () => {
  it('under umask 000 the home is 0700 and every file the app writes 0600', async () => {
    const fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
    try {
      fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
      const fresh = join(home, 'new-home');
      const e = cliEnv({ home: fresh, apiBaseUrl: fake.apiBaseUrl, token: TOKEN, now: NOW });
      expect((await runWithUmask('000', ['accounts', 'add', 'linkedin', ORG], e)).code).toBe(0);
      const r = await runWithUmask('000', ['sync'], e);
      expect(r.code).toBe(0);
      const all = await modes(fresh);
      expect(all.length).toBeGreaterThan(20);
      expect(all.filter((m) => !/ (600|700)$/.test(m))).toEqual([]);
      expect(all).toContain('. 700');
      expect(all).toContain('settings.json 600');
    } finally {
      await fake.close();
    }
  });

  it('an existing home left open by an earlier version is tightened on start', async () => {
    await writeSettings({ version: 1, accounts: [page] });
    await mkdir(join(home, 'lake', 'accounts'), { recursive: true });
    await writeFile(join(home, 'lake', 'accounts', 'accounts.csv'), '"network","account_id","name","url"\n');
    await chmod(join(home, 'settings.json'), 0o666);
    await chmod(join(home, 'lake', 'accounts', 'accounts.csv'), 0o644);
    await chmod(join(home, 'lake'), 0o755);
    await chmod(home, 0o777);
    expect((await runCliProcess(['accounts', 'list'], env())).code).toBe(0);
    expect((await modes(home)).filter((m) => !/ (600|700)$/.test(m))).toEqual([]);
  });
});

describe('a token with control characters (issue 9 item 8)', () => {
  it('on use: LINKEDIN_TOKEN_INVALID at once, no request sent, the value never printed', async () => {
    const fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
    try {
      fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
      await writeSettings({ version: 1, accounts: [page] });
      const pasted = `${TOKEN.slice(0, 10)}\n${TOKEN.slice(10)}`;
      const r = await runCliProcess(['sync', '--json'], cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token: pasted, now: NOW }));
      expect(fake.requests).toHaveLength(0);
      expect(r.code).toBe(1);
      const record = JSON.parse(r.stdout) as { accounts: { error: { code: string; message: string } | null }[] };
      expect(record.accounts[0].error?.code).toBe('LINKEDIN_TOKEN_INVALID');
      expect(record.accounts[0].error?.message).toContain('control character');
      expect(r.stdout + r.stderr).not.toContain(TOKEN.slice(10));
    } finally {
      await fake.close();
    }
  });

  it('on input: secret set refuses it with exit 2 and one line, before the keychain is touched', async () => {
    const r = await runCliProcess(['secret', 'set', 'linkedin.accessToken'], cliEnv({ home }), `${TOKEN.slice(0, 10)}\u001b[2J${TOKEN.slice(10)}\n`);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain('control character');
    expect(r.stderr).not.toMatch(/keychain|D-Bus/i);
    expect(r.stderr).not.toContain(TOKEN.slice(10));
  });
});

describe('file-system trouble gets one line, the right exit code and no stack (issue 9 item 6)', () => {
  const noStack = (r: CliRun): void => {
    expect(r.stderr).not.toMatch(/\n\s+at |Unexpected error|node:internal/);
  };

  it('settings.json is a folder: exit 2 naming it', async () => {
    await mkdir(join(home, 'settings.json'));
    const r = await runCliProcess(['status'], env());
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(join(home, 'settings.json'));
    expect(r.stderr).toMatch(/folder/);
    noStack(r);
  });

  it('sync.lock is a folder: exit 2 naming it', async () => {
    await writeSettings({ version: 1, accounts: [page] });
    await mkdir(join(home, 'sync.lock'));
    const r = await runCliProcess(['sync'], env());
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(join(home, 'sync.lock'));
    noStack(r);
  });

  it.skipIf(process.getuid?.() === 0)('a home this user may not write: one line naming the path and what to do', async () => {
    await writeSettings({ version: 1, accounts: [page] });
    await chmod(home, 0o500);
    try {
      const r = await runCliProcess(['accounts', 'remove', 'linkedin', ORG], env());
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toContain(home);
      noStack(r);
    } finally {
      await chmod(home, 0o700);
    }
  });

  it('a read-only home (EROFS, simulated by a failing write): one line naming the path', async () => {
    // A real read-only mount needs root; the process-wide fs call fails the same way.
    await writeSettings({ version: 1, accounts: [page] });
    const preload = join(home, 'erofs.cjs');
    await writeFile(
      preload,
      `const fs = require('node:fs'); const orig = fs.promises.open;
       fs.promises.open = async (p, flags, ...rest) => { if (String(flags).includes('w')) { const e = new Error("EROFS: read-only file system, open '" + p + "'"); e.code = 'EROFS'; e.path = String(p); throw e; } return orig(p, flags, ...rest); };`,
    );
    const r = await runCliProcess(['accounts', 'remove', 'linkedin', ORG], env({ NODE_OPTIONS: `--require ${preload}` }));
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toContain(home);
    expect(r.stderr).toContain(`Could not use ${join(home, 'settings.json')}: the disk is read-only`);
    noStack(r);
  });

  it('a closed stdout (status | head -1) ends the command quietly', async () => {
    await writeSettings({ version: 1, accounts: [page] });
    const child = spawn('sh', ['-c', `"$0" "$@" | head -c 1 >/dev/null`, process.execPath, BUILT_CLI, 'status'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('newcomer friction (issue 9 item 9)', () => {
  it('sync --json: the requested days as ranges, no line per day, the contract list kept', async () => {
    const fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
    try {
      fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
      fake.omitDays(ORG, ['2026-06-10']);
      await writeSettings({ version: 1, accounts: [page] });
      const e = cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token: TOKEN, now: NOW });
      expect((await runCliProcess(['sync'], e)).code).toBe(0);
      const r = await runCliProcess(['sync', '--from', '2026-06-01', '--to', '2026-06-30', '--json'], e);
      expect(r.stdout.trim().split('\n').length).toBeLessThan(60);
      const record = JSON.parse(r.stdout) as { accounts: { daysRequested: string[]; daysRequestedRanges: unknown; missingDays: string[] }[] };
      expect(record.accounts[0].daysRequested).toHaveLength(30);
      expect(record.accounts[0].daysRequestedRanges).toEqual([{ from: '2026-06-01', to: '2026-06-30', days: 30 }]);
      const other = join(home, 'other');
      await mkdir(other);
      await writeFile(join(other, 'settings.json'), JSON.stringify({ version: 1, accounts: [page] }));
      const first = await runCliProcess(['sync', '--json'], cliEnv({ home: other, apiBaseUrl: fake.apiBaseUrl, token: TOKEN, now: NOW }));
      expect(first.stdout.trim().split('\n').length).toBeLessThan(60);
      const backfill = JSON.parse(first.stdout) as { accounts: { daysRequested: string[]; daysRequestedRanges: unknown }[] };
      expect(backfill.accounts[0].daysRequested).toHaveLength(363);
      expect(backfill.accounts[0].daysRequestedRanges).toEqual([{ from: '2025-11-28', to: '2026-11-25', days: 363 }]);
    } finally {
      await fake.close();
    }
  });

  it('accounts add with LinkedIn unreachable does not tell the user to run the sync again', async () => {
    await writeSettings({ version: 1, accounts: [] });
    const r = await runCliProcess(['accounts', 'add', 'linkedin', ORG], env({ FOLLOWER_PULSE_LINKEDIN_API_URL: 'http://127.0.0.1:1/rest' }));
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toContain('Could not look up LinkedIn page');
    expect(line).not.toContain('sync again');
    expect(line).toContain('--name');
  });
});

describe('doctor (issue 9 item 9)', () => {
  it('"N checks failed" matches the ✘ lines, one line per check', async () => {
    await writeSettings({ version: 1, accounts: [], linkedin: { apiVersion: '202001' } });
    const e = env({ FOLLOWER_PULSE_LINKEDIN_API_URL: 'http://127.0.0.1:1/rest' });
    const r = await runCliProcess(['doctor'], e);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const crosses = lines.filter((l) => l.startsWith('✘')).length;
    expect(crosses).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toContain(`\n${crosses} checks failed.`);
    const json = JSON.parse((await runCliProcess(['doctor', '--json'], e)).stdout) as { checks: { status: string }[] };
    expect(json.checks.filter((c) => c.status === 'fail')).toHaveLength(crosses);
    // every line is a check, its fix, blank, or the summary
    expect(lines.filter((l) => l !== '' && !/^[✔!✘–] /.test(l) && !/^\s+→ /.test(l) && !/checks? failed\.$/.test(l))).toEqual([]);
  });
});

describe('an unwritable log (issue 9 item 10)', () => {
  it('the sync warns once on stderr and still succeeds', async () => {
    const fake = await startFakeLinkedIn({ now: new Date(NOW), token: TOKEN });
    try {
      fake.addOrganization(ORG, { name: 'Acme', followers: 10 });
      await writeSettings({ version: 1, accounts: [page] });
      await writeFile(join(home, 'logs'), 'a file where the logs folder should be');
      const r = await runCliProcess(['sync'], cliEnv({ home, apiBaseUrl: fake.apiBaseUrl, token: TOKEN, now: NOW }));
      expect(r.code).toBe(0);
      const warnings = r.stderr.split('\n').filter((l) => l.includes('log file'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(join(home, 'logs', 'follower-pulse.log'));
    } finally {
      await fake.close();
    }
  });
});
