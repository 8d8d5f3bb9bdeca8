import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { cliEnv, startCli, tempHome } from '../support/cli-harness';

type Child = ReturnType<typeof startCli>;
let running: Child | null = null;

afterEach(() => {
  running?.child.kill('SIGKILL');
  running = null;
});

function firstStdoutLine(child: Child['child']): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`serve exited early with code ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
  });
}

describe('follower-pulse serve, the built CLI', () => {
  it('prints the tokened URL first, answers 401 without the token and 200 with it, and stops cleanly on SIGTERM', async () => {
    const home = await tempHome('fp-e2e-serve-');
    running = startCli(['serve', '--port', '0'], cliEnv({ home }));
    const url = await firstStdoutLine(running.child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    const { origin, searchParams } = new URL(url);
    const token = searchParams.get('token')!;

    expect((await fetch(`${origin}/`)).status).toBe(401);
    expect((await fetch(`${origin}/api/call/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);

    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const page = await fetch(`${origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const info = await fetch(`${origin}/api/call/app.info`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ ok: true, value: { transport: 'http', home, firstLaunch: true } });

    running.child.kill('SIGTERM');
    const done = await running.done;
    running = null;
    expect(done.code).toBe(0);
    expect(done.stdout.trim().split('\n')).toEqual([url]);
    expect(done.stderr).toContain('Follower Pulse is serving the app');
    expect(done.stderr).toContain('Stopping (SIGTERM)');
    expect(done.stderr).not.toContain(token);
  });

  it('says clearly when the port is taken', async () => {
    const home = await tempHome('fp-e2e-serve-');
    running = startCli(['serve', '--port', '0', '--no-schedule'], cliEnv({ home }));
    const port = new URL(await firstStdoutLine(running.child)).port;
    const second = await startCli(['serve', '--port', port], cliEnv({ home })).done;
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(`Port ${port} is already in use`);
  });
});
