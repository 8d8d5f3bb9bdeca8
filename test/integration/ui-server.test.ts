import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUiHandlers, type AppUiHandlers } from '../../src/main/engine/app/create-ui-handlers';
import { nullLogger } from '../../src/main/engine/log/logger';
import { Redactor } from '../../src/main/engine/log/redactor';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { CONTENT_SECURITY_POLICY } from '../../src/main/server/security-headers';
import { startUiServer, type UiServer } from '../../src/main/server/ui-server';
import type { RunRecord } from '../../src/shared/run-record';
import type { ApiResult, CoverageView } from '../../src/shared/ui-api';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/fake-linkedin';
import { holdLockInAnotherProcess } from '../support/lock-holder';
import { freePort } from '../support/free-port';

const ORG = '2414183';
const TOKEN = 'test-token';
const NOW = new Date('2026-11-28T10:00:00Z');
const SERVER_TOKEN = 'server-token-0123456789abcdefghijklmnopqrstuvwxyz';

let fake: FakeLinkedIn;
let home: string;
let rendererDir: string;
let secrets: MemorySecretStore;
let handlers: AppUiHandlers;
let server: UiServer;
let cookie: string;
let firstLogin: Awaited<ReturnType<typeof raw>>;
/** Every response body and event the test saw, for the "no secret ever comes back" checks. */
let seen: string[];

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          seen.push(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function call<T>(method: string, request?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
  const r = await raw('POST', `/api/call/${method}`, { cookie, 'content-type': 'application/json', ...headers }, request === undefined ? '{}' : JSON.stringify(request));
  expect(r.status).toBe(200);
  return JSON.parse(r.body) as ApiResult<T>;
}

async function ok<T>(method: string, request?: unknown): Promise<T> {
  const result = await call<T>(method, request);
  if (!result.ok) throw new Error(`${method} failed: ${result.code} ${result.message}`);
  return result.value;
}

interface SseEvent {
  event: string;
  data: unknown;
}

/** A Server-Sent Events client on /api/events, parsing `event:` / `data:` blocks. */
function openEvents(): Promise<{ events: SseEvent[]; waitFor(pred: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: (() => void)[] = [];
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, cookie, accept: 'text/event-stream' } }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/event-stream');
      let buffer = '';
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) {
            seen.push(data);
            events.push({ event, data: JSON.parse(data) as unknown });
            for (const w of waiters.splice(0)) w();
          }
        }
      });
      resolve({
        events,
        waitFor(pred, ms = 15_000) {
          return new Promise((res2, rej2) => {
            const timer = setTimeout(() => rej2(new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.event).join(', ')}`)), ms);
            const check = (): void => {
              const found = events.find(pred);
              if (found) {
                clearTimeout(timer);
                res2(found);
              } else waiters.push(check);
            };
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)));
    req.end();
  });
}


async function writeSettings(settings: unknown): Promise<void> {
  await writeFile(join(home, 'settings.json'), JSON.stringify(settings, null, 2));
}

beforeEach(async () => {
  seen = [];
  fake = await startFakeLinkedIn({ now: NOW, token: TOKEN, oauth: { refreshTokens: true } });
  fake.addOrganization(ORG, { name: 'Acme Ltda', vanityName: 'acme', followers: 12_345 });
  home = await mkdtemp(join(tmpdir(), 'fp-serve-'));
  rendererDir = await mkdtemp(join(tmpdir(), 'fp-renderer-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Follower Pulse</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")\n');
  await writeFile(join(rendererDir, '.env'), 'HIDDEN=1\n');
  await writeSettings({ version: 1, accounts: [{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }], linkedin: { oauthBaseUrl: fake.oauthBaseUrl } });
  secrets = new MemorySecretStore();
  handlers = createUiHandlers({
    home,
    env: { FOLLOWER_PULSE_LINKEDIN_API_URL: fake.apiBaseUrl },
    secrets,
    logger: nullLogger,
    now: () => NOW,
    transport: 'http',
    redactor: new Redactor(),
  });
  server = await startUiServer({ handlers, port: 0, rendererDir, token: SERVER_TOKEN });
  firstLogin = await raw('GET', `/?token=${SERVER_TOKEN}`);
  cookie = firstLogin.headers['set-cookie']![0].split(';')[0];
});

afterEach(async () => {
  await server.close();
  await handlers.close();
  await fake.close();
});

describe('serve: authentication and request guards', () => {
  it('prints the URL with the token and answers 401 to anything without it', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${SERVER_TOKEN}`);
    const page = await raw('GET', '/', { accept: 'text/html' });
    expect(page.status).toBe(401);
    expect(page.body).toContain('follower-pulse serve');
    expect((await raw('GET', '/assets/app.js')).status).toBe(401);
    expect((await raw('GET', '/api/events')).status).toBe(401);
    const api = await raw('POST', '/api/call/app.info', { 'content-type': 'application/json' }, '{}');
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false });
    expect((await raw('GET', '/?token=wrong-token')).status).toBe(401);
    expect((await raw('GET', '/', { cookie: 'fp_session_1=nope' })).status).toBe(401);
  });

  it('trades ?token= for an HttpOnly SameSite=Strict session cookie and a redirect to /', async () => {
    const login = firstLogin;
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe('/');
    const setCookie = login.headers['set-cookie']![0];
    expect(setCookie).toMatch(new RegExp(`^fp_session_${server.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    expect(setCookie).not.toContain(SERVER_TOKEN);
    const index = await raw('GET', '/', { cookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Follower Pulse</title>');
  });

  it('the ?token= link works once: from browser history or a process list it no longer signs anyone in (issue 9 item 10)', async () => {
    const again = await raw('GET', `/?token=${SERVER_TOKEN}`, { accept: 'text/html' });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    // The browser that holds the session may still open the link from its history.
    const sameBrowser = await raw('GET', `/?token=${SERVER_TOKEN}`, { cookie });
    expect(sameBrowser.status).toBe(302);
    expect(sameBrowser.headers['set-cookie']).toBeUndefined();
  });

  it('sign out invalidates the session cookie (issue 9 item 10)', async () => {
    expect((await raw('POST', '/api/session/sign-out', { 'content-type': 'application/json' }, '{}')).status).toBe(401);
    expect((await raw('POST', '/api/session/sign-out', { cookie, 'content-type': 'text/plain' }, '{}')).status).toBe(415);
    const out = await raw('POST', '/api/session/sign-out', { cookie, 'content-type': 'application/json' }, '{}');
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']![0]).toMatch(new RegExp(`^fp_session_${server.port}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0$`));
    expect((await raw('GET', '/', { cookie, accept: 'text/html' })).status).toBe(401);
    expect((await raw('POST', '/api/call/app.info', { cookie, 'content-type': 'application/json' }, '{}')).status).toBe(401);
  });

  it('accepts Authorization: Bearer <token> for scripts', async () => {
    const r = await raw('POST', '/api/call/app.info', { authorization: `Bearer ${SERVER_TOKEN}`, 'content-type': 'application/json' }, '{}');
    expect(r.status).toBe(200);
    expect((await raw('POST', '/api/call/app.info', { authorization: 'Bearer wrong', 'content-type': 'application/json' }, '{}')).status).toBe(401);
  });

  it('answers 403 to a foreign Host (DNS rebinding), even with a valid session', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      expect((await raw('GET', '/', { host, cookie })).status, host).toBe(403);
    }
    expect((await raw('GET', '/', { host: `localhost:${server.port}`, cookie })).status).toBe(200);
  });

  it('answers 403 to a foreign Origin or a cross-site fetch, and accepts its own origin', async () => {
    const body = '{}';
    const post = (headers: Record<string, string>) => raw('POST', '/api/call/app.info', { cookie, 'content-type': 'application/json', ...headers }, body);
    expect((await post({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ origin: `http://localhost:${server.port + 1}` })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ origin: `http://127.0.0.1:${server.port}`, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await post({ origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a call that is not application/json (a cross-site form cannot send one)', async () => {
    const r = await raw('POST', '/api/call/app.info', { cookie, 'content-type': 'text/plain' }, '{}');
    expect(r.status).toBe(415);
  });
});

describe('serve: static files', () => {
  it('serves the renderer with the strict CSP and nosniff', async () => {
    const index = await raw('GET', '/', { cookie });
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    const script = await raw('GET', '/assets/app.js', { cookie });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toBe('console.log("app")\n');
    // A client-side route falls back to index.html; a missing file does not.
    expect((await raw('GET', '/runs', { cookie })).body).toContain('<title>Follower Pulse</title>');
    expect((await raw('GET', '/assets/missing.js', { cookie })).status).toBe(404);
  });

  it('never serves anything outside the renderer folder or hidden files', async () => {
    for (const path of ['/../settings.json', '/assets/../../settings.json', '/%2e%2e/settings.json', '/..%2fsettings.json', '/assets/..%5c..%5csettings.json', '/.env', '/%2eenv', '/assets/%00.js']) {
      const r = await raw('GET', path, { cookie });
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toContain('accounts');
      expect(r.body, path).not.toContain('HIDDEN');
    }
  });
});

describe('serve: without a built renderer', () => {
  it('shows a one-page "run npm run build" message and still serves the API', async () => {
    const bare = await startUiServer({ handlers, port: 0, rendererDir: join(rendererDir, 'missing'), token: SERVER_TOKEN });
    try {
      const headers = { authorization: `Bearer ${SERVER_TOKEN}` };
      const page = await fetch(`http://127.0.0.1:${bare.port}/`, { headers });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await page.text()).toContain('npm run build');
      const info = await fetch(`http://127.0.0.1:${bare.port}/api/call/app.info`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true });
    } finally {
      await bare.close();
    }
  });
});

describe('serve: the UI API over HTTP', () => {
  it('round-trips calls, and refuses unknown methods, bad JSON and oversized bodies', async () => {
    const info = await ok<{ transport: string; home: string; settingsProblem: unknown; firstLaunch: boolean }>('app.info');
    expect(info).toMatchObject({ transport: 'http', home, settingsProblem: null, firstLaunch: false });
    const settings = await ok<{ accounts: unknown[]; linkedin: { apiBaseUrl: string } }>('settings.get');
    expect(settings.linkedin.apiBaseUrl).toBe(fake.apiBaseUrl);
    expect(await ok('accounts.list')).toEqual([{ network: 'linkedin', id: ORG, name: 'Acme', enabled: true }]);
    expect((await raw('POST', '/api/call/no.such', { cookie, 'content-type': 'application/json' }, '{}')).status).toBe(404);
    expect((await raw('POST', '/api/call/app.info', { cookie, 'content-type': 'application/json' }, '{nope')).status).toBe(400);
    expect((await raw('GET', '/api/call/app.info', { cookie })).status).toBe(405);
    const big = await raw('POST', '/api/call/settings.update', { cookie, 'content-type': 'application/json' }, JSON.stringify({ s3: { bucket: 'x'.repeat(1_100_000) } }));
    expect(big.status).toBe(413);
    const bad = await call('runs.list', { limit: 'ten' });
    expect(bad).toMatchObject({ ok: false, code: 'USAGE', issues: [{ path: 'limit' }] });
  });

  it('settings.update: inline errors come back as issues, valid patches are saved without env overrides', async () => {
    const events = await openEvents();
    const invalid = await call('settings.update', { linkedin: { lagDays: 1 }, schedule: { dailyAt: '7h' }, typo: true });
    expect(invalid).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
    if (invalid.ok) throw new Error('unreachable');
    expect(invalid.issues!.map((i) => i.path).sort()).toEqual(['', 'linkedin.lagDays', 'schedule.dailyAt']);
    expect(invalid.hint).toContain('nothing was saved');

    const updated = await ok<{ schedule: { dailyAt: string }; linkedin: { apiBaseUrl: string; lagDays: number } }>('settings.update', {
      schedule: { dailyAt: '06:30' },
      linkedin: { lagDays: 4, apiBaseUrl: fake.apiBaseUrl },
    });
    expect(updated.schedule.dailyAt).toBe('06:30');
    expect(updated.linkedin).toMatchObject({ lagDays: 4, apiBaseUrl: fake.apiBaseUrl });
    const onDisk = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { schedule: { dailyAt: string }; linkedin: { apiBaseUrl: string; oauthBaseUrl: string }; accounts: unknown[] };
    expect(onDisk.schedule.dailyAt).toBe('06:30');
    expect(onDisk.linkedin.apiBaseUrl).toBe('https://api.linkedin.com/rest');
    expect(onDisk.linkedin.oauthBaseUrl).toBe(fake.oauthBaseUrl);
    expect(onDisk.accounts).toHaveLength(1);
    const changed = await events.waitFor((e) => e.event === 'settings-changed');
    expect(changed.data).toMatchObject({ schedule: { dailyAt: '06:30' } });

    // Semantically invalid after the merge (the schema checks the whole document).
    const merged = await call('settings.update', { alerts: { smtp: { to: ['not-an-address'] } } });
    expect(merged).toMatchObject({ ok: false, code: 'SETTINGS_INVALID', issues: [{ path: 'alerts.smtp.to.0' }] });
    events.close();
  });

  it('notices settings.json edited by another process and pushes settings-changed', async () => {
    const events = await openEvents();
    await writeSettings({ version: 1, accounts: [], language: 'en', linkedin: { oauthBaseUrl: fake.oauthBaseUrl } });
    const changed = await events.waitFor((e) => e.event === 'settings-changed');
    expect(changed.data).toMatchObject({ language: 'en', accounts: [] });
    events.close();
  });

  it('keeps answering with a broken settings.json: app.info carries the problem, a patch can fix it', async () => {
    await writeSettings({ version: 1, linkedin: { lagDays: 0 } });
    const info = await ok<{ settingsProblem: { code: string; issues: { path: string }[] } }>('app.info');
    expect(info.settingsProblem).toMatchObject({ code: 'SETTINGS_INVALID', issues: [{ path: 'linkedin.lagDays' }] });
    expect(await call('settings.get')).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
    const fixed = await ok<{ linkedin: { lagDays: number } }>('settings.update', { linkedin: { lagDays: 3 } });
    expect(fixed.linkedin.lagDays).toBe(3);
    expect((await ok<{ settingsProblem: unknown }>('app.info')).settingsProblem).toBeNull();
  });

  it('secrets: set then status says set; no response or event ever contains the value', async () => {
    const value = 'super-secret-smtp-password-42';
    const events = await openEvents();
    expect((await ok<Record<string, { set: boolean }>>('secrets.status'))['smtp.password']).toEqual({ set: false, source: null });
    const status = await ok<Record<string, { set: boolean; source: string }>>('secrets.set', { name: 'smtp.password', value });
    expect(status['smtp.password']).toEqual({ set: true, source: 'keychain' });
    expect(await secrets.get('smtp.password')).toBe(value);
    // A failure that involves the secret: SMTP is not configured, so the test mail fails.
    expect(await call('alerts.sendTest')).toMatchObject({ ok: false, code: 'SMTP_FAILED' });
    // Oversized values are refused without being echoed.
    const tooLong = await call('secrets.set', { name: 'smtp.password', value: `${value}${'x'.repeat(5000)}` });
    expect(tooLong).toMatchObject({ ok: false, code: 'USAGE' });
    await ok('settings.update', { alerts: { smtp: { user: 'someone' } } });
    await ok('secrets.clear', { name: 'smtp.password' });
    expect((await ok<Record<string, { set: boolean }>>('secrets.status'))['smtp.password'].set).toBe(false);
    await events.waitFor((e) => e.event === 'settings-changed');
    events.close();
    expect(seen.length).toBeGreaterThan(5);
    for (const text of seen) expect(text).not.toContain(value);
  });
});

describe('serve: LinkedIn, pages and sign-in', () => {
  it('checkToken and discoverPages list administered pages with names; a missing token is "not valid" with the reason', async () => {
    const missing = await ok<{ valid: boolean; problem: { code: string } }>('linkedin.checkToken');
    expect(missing).toMatchObject({ valid: false, pages: [], problem: { code: 'LINKEDIN_TOKEN_MISSING' } });
    await ok('secrets.set', { name: 'linkedin.accessToken', value: TOKEN });
    const check = await ok<{ valid: boolean; expiresAtIsEstimate: boolean; pages: unknown[] }>('linkedin.checkToken');
    expect(check).toMatchObject({ valid: true, expiresAtIsEstimate: true, pages: [{ id: ORG, name: 'Acme Ltda', vanityName: 'acme' }] });
    expect(await ok('linkedin.discoverPages')).toEqual([{ id: ORG, name: 'Acme Ltda', vanityName: 'acme' }]);
    for (const text of seen) expect(text).not.toContain(TOKEN);
  });

  it('accounts.add resolves the name through LinkedIn; setEnabled and remove edit settings.json', async () => {
    await ok('accounts.remove', { network: 'linkedin', id: ORG });
    expect(await call('accounts.add', { network: 'linkedin', id: ORG })).toMatchObject({ ok: false, code: 'LINKEDIN_TOKEN_MISSING' });
    await ok('secrets.set', { name: 'linkedin.accessToken', value: TOKEN });
    expect(await ok('accounts.add', { network: 'linkedin', id: `urn:li:organization:${ORG}` })).toEqual([{ network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: true }]);
    expect(await ok('accounts.setEnabled', { network: 'linkedin', id: ORG, enabled: false })).toEqual([{ network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: false }]);
    expect(await call('accounts.remove', { network: 'linkedin', id: '999' })).toMatchObject({ ok: false, code: 'USAGE' });
    const onDisk = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: unknown[] };
    expect(onDisk.accounts).toEqual([{ network: 'linkedin', id: ORG, name: 'Acme Ltda', enabled: false }]);
  });

  it('signs in through the loopback flow; the UI only ever sees the state and the expiry', async () => {
    const port = await freePort();
    expect(await call('linkedin.startSignIn')).toMatchObject({ ok: false, code: 'SETTINGS_INVALID', issues: [{ path: 'linkedin.clientId' }] });
    await ok('settings.update', { linkedin: { clientId: fake.oauthClientId, oauthRedirectPort: port } });
    await ok('secrets.set', { name: 'linkedin.clientSecret', value: fake.oauthClientSecret });
    const { authorizationUrl } = await ok<{ authorizationUrl: string }>('linkedin.startSignIn');
    expect(await ok('linkedin.signInState')).toEqual({ state: 'waiting', authorizationUrl });
    const redirect = await fetch(authorizationUrl, { redirect: 'manual' });
    const page = await fetch(redirect.headers.get('location')!);
    expect(page.status).toBe(200);
    let state: { state: string; expiresAt?: string } = { state: 'waiting' };
    for (let i = 0; i < 50 && state.state === 'waiting'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      state = await ok('linkedin.signInState');
    }
    expect(state).toEqual({ state: 'done', expiresAt: new Date(NOW.getTime() + 60 * 86_400_000).toISOString() });
    const stored = await secrets.get('linkedin.accessToken');
    expect(stored).toMatch(/^fake-access-/);
    expect((await ok<Record<string, { set: boolean }>>('secrets.status'))['linkedin.refreshToken'].set).toBe(true);
    expect(await ok('linkedin.checkToken')).toMatchObject({ valid: true, expiresAtIsEstimate: false });
    for (const text of seen) {
      expect(text).not.toContain(stored!);
      expect(text).not.toContain(fake.oauthClientSecret);
    }
  });
});

describe('serve: sign-in failures', () => {
  it('a taken redirect port fails startSignIn with what to do, and signInState says so', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const { port } = blocker.address() as { port: number };
    try {
      await ok('settings.update', { linkedin: { clientId: fake.oauthClientId, oauthRedirectPort: port } });
      await ok('secrets.set', { name: 'linkedin.clientSecret', value: fake.oauthClientSecret });
      const refused = await call('linkedin.startSignIn');
      expect(refused).toMatchObject({ ok: false, code: 'NETWORK', message: `Port ${port} for the LinkedIn sign-in is already in use` });
      expect(await ok('linkedin.signInState')).toMatchObject({ state: 'failed', code: 'NETWORK' });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

describe('serve: sync, runs, coverage and data', () => {
  it('sync.start runs a real sync, pushes progress and run-finished over SSE; a second start meanwhile is LOCK_HELD', async () => {
    await ok('secrets.set', { name: 'linkedin.accessToken', value: TOKEN });
    const events = await openEvents();
    fake.setLatency(300);
    expect(await ok('sync.start', {})).toEqual({ started: true });
    const second = await call('sync.start', {});
    expect(second).toMatchObject({ ok: false, code: 'LOCK_HELD' });
    expect(await ok('sync.progress')).toMatchObject({ running: true });
    expect(await ok('scheduler.state')).toMatchObject({ enabled: true, running: true });

    const finished = await events.waitFor((e) => e.event === 'run-finished');
    const record = finished.data as RunRecord;
    expect(record).toMatchObject({ trigger: 'ui', status: 'success', apiCalls: 2, error: null });
    expect(record.accounts[0]).toMatchObject({ accountId: ORG, daysWritten: 363 });
    const progress = events.events.filter((e) => e.event === 'sync-progress').map((e) => e.data as { running: boolean; fraction: number | null; message: string; runId: string | null });
    expect(progress[0]).toMatchObject({ running: true, fraction: 0, runId: null });
    expect(progress[0].message).toContain('fetching 363 days');
    expect(progress.at(-1)).toMatchObject({ running: false, fraction: 1, runId: record.runId });
    expect(await ok('sync.progress')).toMatchObject({ running: false, runId: record.runId });

    const runs = await ok<RunRecord[]>('runs.list', { limit: 5 });
    expect(runs.map((r) => r.runId)).toEqual([record.runId]);
    expect(await ok('runs.get', { runId: record.runId })).toMatchObject({ runId: record.runId, status: 'success' });
    expect(await ok('runs.get', { runId: 'nope' })).toBeNull();
    expect(await ok('scheduler.state')).toMatchObject({ enabled: true, running: false, lastRun: { runId: record.runId } });

    const [coverage] = await ok<CoverageView[]>('lake.coverage');
    expect(coverage).toMatchObject({ accountId: ORG, windowEnd: '2026-11-25', missingRanges: [], missingCount: 0, totalFollowers: 12_345 });
    expect(coverage.presentCount).toBe(363);
    expect(coverage.recentGains.total.filter((g) => g !== null)).toHaveLength(90);
    events.close();
  });

  it('sync.start refuses politely when another process holds the lake lock', async () => {
    const holder = await holdLockInAnotherProcess(home);
    try {
      const refused = await call('sync.start', {});
      expect(refused).toMatchObject({ ok: false, code: 'LOCK_HELD' });
      if (refused.ok) throw new Error('unreachable');
      expect(refused.message).toContain(`pid ${holder.pid}`);
      expect(refused.hint).toBeTruthy();
      expect(await ok('sync.progress')).toMatchObject({ running: false });
    } finally {
      await holder.release();
    }
  });

  it('sync.start with no enabled page answers NO_ACCOUNTS instead of starting', async () => {
    await ok('accounts.setEnabled', { network: 'linkedin', id: ORG, enabled: false });
    expect(await call('sync.start', {})).toMatchObject({ ok: false, code: 'NO_ACCOUNTS' });
    expect(await call('sync.start', { from: '2026-11-20' })).toMatchObject({ ok: false, code: 'USAGE', issues: [{ path: 'to' }] });
  });

  it('data.previews and data.query run on the local lake; a write is QUERY_REFUSED', async () => {
    await ok('secrets.set', { name: 'linkedin.accessToken', value: TOKEN });
    const events = await openEvents();
    await ok('sync.start', {});
    await events.waitFor((e) => e.event === 'run-finished');
    events.close();
    const previews = await ok<{ id: string; sql: string }[]>('data.previews');
    expect(previews.map((p) => p.id)).toContain('follower-gains');
    const result = await ok<{ columns: string[]; rows: { n: number }[]; engine: string }>('data.query', { sql: 'SELECT count(*) AS n FROM follower_gains', engine: 'local' });
    expect(result).toMatchObject({ columns: ['n'], rows: [{ n: 363 }], engine: 'local' });
    const limited = await ok<{ rows: unknown[]; truncated?: boolean }>('data.query', { sql: 'SELECT day FROM follower_gains', engine: 'local', maxRows: 10 });
    expect(limited.rows).toHaveLength(10);
    expect(limited.truncated).toBe(true);
    expect(await call('data.query', { sql: 'DROP TABLE follower_gains', engine: 'local' })).toMatchObject({ ok: false, code: 'QUERY_REFUSED' });
    expect(await call('data.query', { sql: 'SELECT 1', engine: 'athena' })).toMatchObject({ ok: false, code: 'SETTINGS_INVALID' });
  });

  it('doctor.run reports the checks with what to fix', async () => {
    const checks = await ok<{ id: string; status: string }[]>('doctor.run');
    expect(checks.find((c) => c.id === 'settings')).toMatchObject({ status: 'ok' });
    expect(checks.find((c) => c.id === 'linkedin-token')?.status).not.toBe('ok');
  });
});

describe('handlers: redaction of what a dependency leaks', () => {
  it('scrubs a registered secret from failures even when a keychain error repeats it', async () => {
    const value = 'leaky-secret-value-7781';
    const redactor = new Redactor();
    redactor.register(value);
    const leaky = new MemorySecretStore();
    leaky.source = () => Promise.reject(new Error(`keychain broke while holding ${value}`));
    const local = createUiHandlers({ home, env: {}, secrets: leaky, logger: nullLogger, now: () => NOW, transport: 'ipc', redactor, watchSettings: false });
    const events: string[] = [];
    local.subscribe((event, payload) => events.push(JSON.stringify({ event, payload })));
    try {
      const status = await local.handle('secrets.status', undefined);
      expect(status).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(JSON.stringify(status)).toContain('***');
      expect(JSON.stringify(status)).not.toContain(value);
      await local.handle('settings.update', { language: 'en' });
      expect(events.length).toBeGreaterThan(0);
      for (const e of events) expect(e).not.toContain(value);
    } finally {
      await local.close();
    }
  });
});
