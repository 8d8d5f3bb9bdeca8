import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALERTS_NOT_SET_UP, sendAlerts, sendTestEmail, type SendAlertsOptions } from '../../src/main/engine/alerts/alert-sender';
import { createSmtpTransport } from '../../src/main/engine/alerts/mail-transport';
import { AppError } from '../../src/main/engine/errors';
import { createFileLogger, type Logger } from '../../src/main/engine/log/logger';
import { Redactor } from '../../src/main/engine/log/redactor';
import { MemorySecretStore } from '../../src/main/engine/secrets/memory-secret-store';
import { defaultSettings, type Settings } from '../../src/shared/settings-schema';
import { StateStore } from '../../src/main/engine/settings/state-store';
import { versionWarnings } from '../../src/main/engine/sources/linkedin/linkedin-warnings';
import type { RunRecord } from '../../src/shared/run-record';
import { accountResult, noDataRecord, RUN_STARTED_AT, runRecord, tokenExpiredRecord } from '../support/run-record-fixture';
import { closedPort, startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

// Canaries: if either shows up anywhere a user or a log reader can see, a secret leaked.
const PASSWORD = 'canary-SMTP-pw-5f2c9e71';
const TOKEN = 'AQXcanaryLinkedInToken93d1e0b7';
const USER = 'alertas@acme.com.br';
const TO = 'marketing@acme.com.br';
const FROM = 'Follower Pulse <alertas@acme.com.br>';

let server: TestSmtpServer;
let home: string;
let logDir: string;
let logger: Logger;
let state: StateStore;

beforeAll(async () => {
  server = await startSmtpServer({ user: USER, password: PASSWORD });
});

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  server.messages.length = 0;
  server.raw.length = 0;
  server.sessions.length = 0;
  server.authAttempts.length = 0;
  home = await mkdtemp(path.join(tmpdir(), 'fp-alerts-'));
  logDir = path.join(home, 'logs');
  // A redactor that knows no secret: the log must be clean on its own merits.
  logger = createFileLogger({ dir: logDir, redactor: new Redactor() });
  state = new StateStore(home);
});

afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

function settings(overrides: { language?: Settings['language']; port?: number; user?: string; to?: string[]; from?: string; secure?: boolean } = {}): Settings {
  const s = defaultSettings();
  s.language = overrides.language ?? 'pt-BR';
  s.accounts = [{ network: 'linkedin', id: '2414183', name: 'Acme', enabled: true }];
  s.alerts.smtp = {
    host: server.host,
    port: overrides.port ?? server.port,
    secure: overrides.secure ?? false,
    user: overrides.user ?? USER,
    from: overrides.from ?? FROM,
    to: overrides.to ?? [TO],
  };
  return s;
}

function secrets(password: string | null = PASSWORD): MemorySecretStore {
  return new MemorySecretStore({ ...(password === null ? {} : { 'smtp.password': password }), 'linkedin.accessToken': TOKEN });
}

const at = (iso: string) => () => new Date(iso);

function options(record: RunRecord, overrides: Partial<SendAlertsOptions> = {}): SendAlertsOptions {
  return {
    record,
    settings: settings(),
    secrets: secrets(),
    state,
    logger,
    now: at('2026-11-28T07:00:05Z'),
    transportOptions: { tls: { ca: server.cert } },
    ...overrides,
  };
}

async function logText(): Promise<string> {
  try {
    const names = await readdir(logDir);
    return (await Promise.all(names.map((n) => readFile(path.join(logDir, n), 'utf8')))).join('');
  } catch {
    return '';
  }
}

describe('sendAlerts against a real SMTP server (STARTTLS + AUTH)', () => {
  it('mails a no-data alert in Portuguese: subject, recipient, page and day in html and text', async () => {
    const alerts = await sendAlerts(options(noDataRecord()));
    expect(alerts).toEqual([{ kind: 'no-data', sent: true }]);
    expect(server.messages).toHaveLength(1);
    const mail = server.messages[0];
    expect(mail.subject).toBe('[Follower Pulse] Sem dados para 25/11/2026 — Acme');
    expect(mail.from?.value[0]?.address).toBe('alertas@acme.com.br');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([TO]);
    expect(mail.text).toContain('O LinkedIn não entregou os dados de seguidores de 25/11/2026 da página Acme (LinkedIn 2414183).');
    expect(mail.html).toContain('O LinkedIn não entregou os dados de seguidores de 25/11/2026 da página Acme (LinkedIn 2414183).');
    expect((await state.get()).alertsSent).toEqual({ 'no-data:linkedin:2414183:2026-11-25': '2026-11-28' });
  });

  it('mails the same alert in English', async () => {
    await sendAlerts(options(noDataRecord(), { settings: settings({ language: 'en' }) }));
    const mail = server.messages[0];
    expect(mail.subject).toBe('[Follower Pulse] No data for 25 Nov 2026 — Acme');
    expect(mail.text).toContain('LinkedIn returned no follower data for 25 Nov 2026 for the page Acme (LinkedIn 2414183).');
    expect(mail.html).toContain('for the page Acme (LinkedIn 2414183).');
  });

  it('the session was encrypted with STARTTLS and authenticated, with the method the server offered', async () => {
    await sendAlerts(options(noDataRecord()));
    expect(server.sessions).toEqual([{ secure: true, authMethod: 'PLAIN', user: USER, tlsVersion: expect.stringMatching(/^TLSv1\.[23]$/) as string }]);

    const loginOnly = await startSmtpServer({ user: USER, password: PASSWORD, authMethods: ['LOGIN'] });
    try {
      const s = settings({ port: loginOnly.port });
      // Another page: the first page's alert already went out today.
      await sendAlerts(options(noDataRecord('999'), { settings: s, transportOptions: { tls: { ca: loginOnly.cert } } }));
      expect(loginOnly.sessions.map((x) => [x.secure, x.authMethod])).toEqual([[true, 'LOGIN']]);
    } finally {
      await loginOnly.stop();
    }
  });

  it('port 465 style: implicit TLS with secure true', async () => {
    const implicit = await startSmtpServer({ user: USER, password: PASSWORD, secure: true });
    try {
      const alerts = await sendAlerts(options(noDataRecord(), { settings: settings({ port: implicit.port, secure: true }), transportOptions: { tls: { ca: implicit.cert } } }));
      expect(alerts).toEqual([{ kind: 'no-data', sent: true }]);
      expect(implicit.sessions[0]?.secure).toBe(true);
    } finally {
      await implicit.stop();
    }
  });

  it('a run that failed on an expired token says what happened and what to do', async () => {
    const alerts = await sendAlerts(options(tokenExpiredRecord()));
    expect(alerts).toEqual([{ kind: 'failure', sent: true }]);
    const mail = server.messages[0];
    expect(mail.subject).toBe('[Follower Pulse] A sincronização falhou — Token do LinkedIn expirado (Acme)');
    expect(mail.text).toContain('O que aconteceu: O token de acesso do LinkedIn expirou em 20/11/2026.');
    expect(mail.text).toContain('O que fazer: Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn).');
    expect(mail.html).toContain('Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn).');
  });

  it('a token close to expiry says the date is estimated when it is', async () => {
    await state.update(() => ({ linkedinToken: { storedAt: '2026-10-04T10:00:00.000Z', expiresAt: '2026-12-03T10:00:00.000Z', expiresAtIsEstimate: true } }));
    const alerts = await sendAlerts(options(runRecord(), { settings: settings({ language: 'en' }) }));
    expect(alerts).toEqual([{ kind: 'token-expiry', sent: true }]);
    const mail = server.messages[0];
    expect(mail.subject).toBe('[Follower Pulse] The LinkedIn access token expires on 3 Dec 2026');
    expect(mail.text).toContain('This date is estimated');
    expect(mail.text).toContain('60 days after the token was stored (4 Oct 2026)');
  });

  it('an API version fallback names both versions', async () => {
    const record = runRecord({ warnings: versionWarnings('202511', '202602', new Date(RUN_STARTED_AT)) });
    const alerts = await sendAlerts(options(record));
    expect(alerts).toEqual([{ kind: 'version-sunset', sent: true }]);
    const mail = server.messages[0];
    expect(mail.text).toContain('Versão configurada: 202511');
    expect(mail.text).toContain('Versão usada nesta sincronização: 202602');
    expect(mail.text).toContain('Configurações › LinkedIn › Versão da API');
  });

  it('one mail per alert, to every recipient', async () => {
    const record = { ...noDataRecord(), warnings: versionWarnings('202511', '202602', new Date(RUN_STARTED_AT)) };
    const alerts = await sendAlerts(options(record, { settings: settings({ to: [TO, 'ceo@acme.com.br'] }) }));
    expect(alerts.map((a) => [a.kind, a.sent])).toEqual([
      ['no-data', true],
      ['version-sunset', true],
    ]);
    expect(server.messages).toHaveLength(2);
    const to = server.messages[0].to;
    expect(to && !Array.isArray(to) ? to.value.map((a) => a.address) : []).toEqual([TO, 'ceo@acme.com.br']);
  });

  it('de-duplicates: the same run alerting twice on one day sends one mail; the next day sends again', async () => {
    expect(await sendAlerts(options(noDataRecord()))).toEqual([{ kind: 'no-data', sent: true }]);
    expect(await sendAlerts(options(noDataRecord(), { now: at('2026-11-28T19:00:00Z') }))).toEqual([]);
    expect(server.messages).toHaveLength(1);
    expect(await sendAlerts(options(noDataRecord(), { now: at('2026-11-29T07:00:00Z') }))).toEqual([{ kind: 'no-data', sent: true }]);
    expect(server.messages).toHaveLength(2);
    expect((await state.get()).alertsSent).toEqual({ 'no-data:linkedin:2414183:2026-11-25': '2026-11-29' });
  });

  it('escapes a page name with <script> in the HTML part', async () => {
    const s = settings();
    s.accounts = [{ network: 'linkedin', id: '2414183', name: '<script>alert(1)</script> Acme & Co', enabled: true }];
    await sendAlerts(options(noDataRecord(), { settings: s }));
    const raw = server.messages[0];
    expect(raw.html).not.toContain('<script>');
    expect(raw.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Acme &amp; Co');
    expect(raw.text).toContain('<script>alert(1)</script> Acme & Co');
  });
});

describe('sendAlerts when mail cannot go out', () => {
  it('server down: SMTP_FAILED returned, nothing thrown, state not marked, failure logged', async () => {
    const port = await closedPort();
    const alerts = await sendAlerts(options(noDataRecord(), { settings: settings({ port }) }));
    expect(alerts).toEqual([
      {
        kind: 'no-data',
        sent: false,
        error: { code: 'SMTP_FAILED', message: expect.stringContaining(`Could not send the alert e-mail through 127.0.0.1:${port}: the server could not be reached`) as string },
      },
    ]);
    expect(alerts[0]?.error?.message).toContain('check alerts.smtp.host and alerts.smtp.port');
    expect(alerts[0]?.error?.message).not.toMatch(/\n/);
    expect((await state.get()).alertsSent).toBeUndefined();
    expect(await logText()).toContain('alerts.send-failed');
  });

  it('after one SMTP failure the remaining alerts are not tried again', async () => {
    const port = await closedPort();
    const record = { ...noDataRecord(), warnings: versionWarnings('202511', '202602', new Date(RUN_STARTED_AT)) };
    const alerts = await sendAlerts(options(record, { settings: settings({ port }) }));
    expect(alerts.map((a) => [a.kind, a.sent, a.error?.code])).toEqual([
      ['no-data', false, 'SMTP_FAILED'],
      ['version-sunset', false, 'SMTP_FAILED'],
    ]);
  });

  it('wrong password: SMTP_FAILED with the authentication hint', async () => {
    const alerts = await sendAlerts(options(noDataRecord(), { secrets: secrets('not-the-password') }));
    const message = alerts[0]?.error?.message ?? '';
    expect(alerts[0]).toMatchObject({ kind: 'no-data', sent: false, error: { code: 'SMTP_FAILED' } });
    expect(message).toContain('the server refused the user name or password');
    expect(message).toContain('follower-pulse secret set smtp.password');
    expect(message).toContain('SMTP AUTH');
    expect(message).not.toContain('not-the-password');
    expect(server.messages).toHaveLength(0);
    expect(server.authAttempts).toEqual([{ method: 'PLAIN', username: USER, accepted: false }]);
  });

  it('no stored password for a configured user: says how to store it', async () => {
    const alerts = await sendAlerts(options(noDataRecord(), { secrets: secrets(null) }));
    expect(alerts[0]?.error?.code).toBe('SMTP_FAILED');
    expect(alerts[0]?.error?.message).toContain('no SMTP password is stored — set it in Settings › Alerts or run: follower-pulse secret set smtp.password');
    expect(server.authAttempts).toEqual([]);
  });

  it('alert e-mail not set up: says so, but only when there is something to alert about', async () => {
    const s = settings({ to: [] });
    expect(await sendAlerts(options(noDataRecord(), { settings: s }))).toEqual([
      { kind: 'no-data', sent: false, error: { code: 'SMTP_FAILED', message: ALERTS_NOT_SET_UP } },
    ]);
    expect(await sendAlerts(options(runRecord(), { settings: s }))).toEqual([]);
    expect(await sendAlerts(options(noDataRecord(), { settings: settings({ from: '' }) }))).toEqual([
      { kind: 'no-data', sent: false, error: { code: 'SMTP_FAILED', message: ALERTS_NOT_SET_UP } },
    ]);
    expect(server.messages).toHaveLength(0);
  });

  it('alerts.onNoData false: no mail for a no-data run', async () => {
    const s = settings();
    s.alerts.onNoData = false;
    expect(await sendAlerts(options(noDataRecord(), { settings: s }))).toEqual([]);
    expect(server.messages).toHaveLength(0);
  });
});

describe('secrets never leak', () => {
  it('the SMTP password and the LinkedIn token appear in no mail, returned error, log or state', async () => {
    // An upstream message that (wrongly) carried the token must still not reach a mail.
    const leaky = tokenExpiredRecord();
    leaky.accounts = [accountResult({ error: { code: 'LINKEDIN_TOKEN_INVALID', message: `Acme: rejected token ${TOKEN}` } })];
    leaky.error = leaky.accounts[0].error;
    const sent = await sendAlerts(options(leaky));
    await sendAlerts(options(noDataRecord(), { settings: settings({ language: 'en' }) }));
    await state.update((s) => ({ ...s, linkedinToken: { storedAt: '2026-10-04T10:00:00.000Z', expiresAt: '2026-12-01T10:00:00.000Z', expiresAtIsEstimate: true } }));
    await sendAlerts(options(runRecord()));
    const wrong = await sendAlerts(options(noDataRecord('999'), { secrets: secrets(`${PASSWORD}-wrong`) }));
    const down = await sendAlerts(options(noDataRecord('888'), { settings: settings({ port: await closedPort() }) }));
    await sendTestEmail(settings(), secrets(), undefined, { transportOptions: { tls: { ca: server.cert } } });

    expect(sent).toEqual([{ kind: 'failure', sent: true }]);
    expect(server.messages.length).toBe(4);
    expect(server.raw.join('\n')).toContain('***');
    const everything = [
      ...server.raw,
      ...server.messages.map((m) => `${m.subject ?? ''}\n${m.text ?? ''}\n${m.html || ''}\n${[...m.headers.values()].map((v) => JSON.stringify(v)).join('\n')}`),
      JSON.stringify([sent, wrong, down]),
      await logText(),
      await readFile(state.path, 'utf8'),
    ].join('\n');
    for (const secret of [PASSWORD, TOKEN, Buffer.from(PASSWORD).toString('base64')]) expect(everything).not.toContain(secret);
    expect(wrong[0]?.error?.code).toBe('SMTP_FAILED');
    expect(down[0]?.error?.code).toBe('SMTP_FAILED');
    // The checks above looked at real output, not at empty files.
    expect(await logText()).toMatch(/alerts\.sent[\s\S]*alerts\.send-failed/);
  });
});

describe('sendTestEmail', () => {
  it('sends a short mail in the configured language', async () => {
    await sendTestEmail(settings(), secrets(), undefined, { now: at('2026-11-28T10:00:00Z'), transportOptions: { tls: { ca: server.cert } } });
    await sendTestEmail(settings({ language: 'en' }), secrets(), createSmtpTransport(settings().alerts.smtp, PASSWORD, { tls: { ca: server.cert } }));
    expect(server.messages.map((m) => m.subject)).toEqual(['[Follower Pulse] E-mail de teste', '[Follower Pulse] Test e-mail']);
    expect(server.messages[0]?.text).toContain('Tudo certo: o Follower Pulse enviou este e-mail de teste em 28/11/2026.');
  });

  it('throws SMTP_FAILED with the hint on a wrong password, and when not set up', async () => {
    const error = await sendTestEmail(settings(), secrets('nope-nope'), undefined, { transportOptions: { tls: { ca: server.cert } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('SMTP_FAILED');
    expect((error as AppError).oneLine()).toMatch(/^Could not send the alert e-mail through 127\.0\.0\.1:\d+: the server refused the user name or password .* — check alerts\.smtp\.user/);
    await expect(sendTestEmail(settings({ to: [] }), secrets())).rejects.toThrow(ALERTS_NOT_SET_UP);
  });

  it('an untrusted certificate is a TLS failure with its own hint', async () => {
    const error = await sendTestEmail(settings(), secrets()).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('SMTP_FAILED');
    expect((error as AppError).oneLine()).toContain('the secure connection (TLS) failed');
    expect((error as AppError).oneLine()).toContain("the server's certificate is trusted");
  });
});

describe('createSmtpTransport timeouts', () => {
  it('a server that accepts but never greets fails within the timeout, as unreachable in time', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const transport = createSmtpTransport({ ...settings().alerts.smtp, port }, PASSWORD, { timeoutMs: 300 });
      await expect(transport.verify()).rejects.toThrow(`Could not log in to the e-mail server 127.0.0.1:${port}: the server did not answer in time`);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('MailTransport.verify', () => {
  it('logs in without sending, and reports a wrong password', async () => {
    await createSmtpTransport(settings().alerts.smtp, PASSWORD, { tls: { ca: server.cert } }).verify();
    expect(server.authAttempts).toEqual([{ method: 'PLAIN', username: USER, accepted: true }]);
    await expect(createSmtpTransport(settings().alerts.smtp, 'bad', { tls: { ca: server.cert } }).verify()).rejects.toThrow(/^Could not log in to the e-mail server 127\.0\.0\.1:\d+: the server refused/);
    expect(server.messages).toHaveLength(0);
  });
});
