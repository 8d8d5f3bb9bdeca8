import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ErrorCode } from '../../shared/error-codes';
import { type ApiFailure, isUiMethod } from '../../shared/ui-api';
import type { UiHandlers } from '../engine/app/ui-handlers';
import type { Logger } from '../engine/log/logger';
import { EventStreams } from './event-stream';
import { readJsonBody } from './read-json-body';
import { MAX_IMPORT_REQUEST_BYTES } from '../../shared/imports';
import {
  bearerToken,
  isAllowedFetchSite,
  isAllowedHost,
  isAllowedOrigin,
  parseCookies,
  secretsEqual,
  sessionCookie,
  sessionCookieName,
  expiredSessionCookie,
} from './request-guard';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import { notBuiltPage, unauthorizedPage, usedLinkPage } from './server-pages';

/**
 * `follower-pulse serve`: the UI's API over HTTP on 127.0.0.1 (architecture "one API contract,
 * two transports"). Every request passes, in order: Host (403), Origin and fetch metadata
 * (403), then the token (401) — as `?token=` on `/` (answered with a session cookie and a
 * redirect), the session cookie, or `Authorization: Bearer` for scripts. The `?token=` link signs
 * a browser in once: a copy in browser history or in a process list (`serve --open` hands it to
 * xdg-open) cannot start another session. `POST /api/session/sign-out` ends every browser
 * session (a new cookie secret); scripts keep the Bearer token of contract §3.
 *
 *   POST /api/call/<method>  JSON request → the handler's ApiResult as JSON (always 200)
 *   GET  /api/events         Server-Sent Events: `event: <UiEvents name>`, `data: <JSON>`
 *   GET  /…                  the renderer's files (rendererDir), index.html for routes
 */
export interface UiServerOptions {
  handlers: UiHandlers;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (dist/renderer); null or missing shows a "run npm run build" page. */
  rendererDir: string | null;
  /** Per-launch secret; random when absent. Never logged. */
  token?: string;
  logger?: Logger;
}

export interface UiServer {
  /** `http://127.0.0.1:PORT/?token=TOKEN`, the one URL to open. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const API_CALL_PREFIX = '/api/call/';
export const SIGN_OUT_PATH = '/api/session/sign-out';

export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const token = options.token ?? randomSecret();
  let session = randomSecret();
  let loginLinkUsed = false;
  const streams = new EventStreams();
  const rendererDir = options.rendererDir !== null && existsSync(join(options.rendererDir, 'index.html')) ? options.rendererDir : null;
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.logger?.error('ui-server.request-failed', { message: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'The server failed to answer', 'try again; the log file has the details'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) return sendText(res, 403, 'Forbidden: this server only answers to its own loopback address');
    if (!isAllowedOrigin(header(req, 'origin'), port) || !isAllowedFetchSite(header(req, 'sec-fetch-site'))) {
      return sendText(res, 403, 'Forbidden: cross-origin requests are not accepted');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/' && url.searchParams.has('token')) return login(req, res, url.searchParams.get('token'));
    if (!authenticated(req)) return unauthorized(req, res);
    if (url.pathname === SIGN_OUT_PATH) return signOut(req, res);
    if (url.pathname === '/api/events') return events(req, res);
    if (url.pathname.startsWith(API_CALL_PREFIX)) return call(req, res, url.pathname.slice(API_CALL_PREFIX.length));
    if (url.pathname.startsWith('/api/')) return sendJson(res, 404, failure('USAGE', `No such endpoint: ${url.pathname}`));
    return files(req, res, url.pathname);
  }

  function authenticated(req: IncomingMessage): boolean {
    const cookie = parseCookies(req.headers.cookie).get(sessionCookieName(port));
    return secretsEqual(cookie, session) || secretsEqual(bearerToken(req.headers.authorization), token);
  }

  function login(req: IncomingMessage, res: ServerResponse, given: string | null): void {
    if (!secretsEqual(given, token)) return unauthorized(req, res);
    const signedIn = secretsEqual(parseCookies(req.headers.cookie).get(sessionCookieName(port)), session);
    if (signedIn) return redirectHome(res, null);
    if (loginLinkUsed) {
      if ((req.headers.accept ?? '').includes('text/html')) return sendHtml(res, 401, usedLinkPage());
      return sendJson(res, 401, failure('USAGE', 'This sign-in link was already used', 'run follower-pulse serve again for a new one'));
    }
    loginLinkUsed = true;
    // The token leaves the address bar at once; from here on the HttpOnly cookie carries the session.
    redirectHome(res, sessionCookie(port, session));
  }

  function redirectHome(res: ServerResponse, setCookie: string | null): void {
    res.writeHead(302, { ...securityHeaders(), location: '/', ...(setCookie === null ? {} : { 'set-cookie': setCookie }), 'cache-control': 'no-store' });
    res.end();
  }

  function signOut(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') return sendJson(res, 405, failure('USAGE', 'sign-out must be called with POST'));
    // Like the API calls: a cross-site form cannot send JSON, so no page can sign the user out.
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
      return sendJson(res, 415, failure('USAGE', 'The request body must be application/json'));
    }
    session = randomSecret();
    streams.closeAll();
    res.setHeader('set-cookie', expiredSessionCookie(port));
    sendJson(res, 200, { ok: true, value: null });
  }

  function unauthorized(req: IncomingMessage, res: ServerResponse): void {
    if ((req.headers.accept ?? '').includes('text/html')) return sendHtml(res, 401, unauthorizedPage());
    sendJson(res, 401, failure('USAGE', 'Not signed in to this Follower Pulse server', 'open the URL that follower-pulse serve printed (it carries the access token)'));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
    streams.open(res, securityHeaders());
  }

  async function call(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (!isUiMethod(name)) return sendJson(res, 404, failure('USAGE', `Unknown UI method: ${name.slice(0, 60)}`, 'reload the page; the app may have been updated'));
    if (req.method !== 'POST') return sendJson(res, 405, failure('USAGE', `${name} must be called with POST`));
    // A form or a no-cors fetch cannot send application/json without a CORS preflight, which we never grant.
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? '')) {
      return sendJson(res, 415, failure('USAGE', 'The request body must be application/json'));
    }
    const body = await readJsonBody(req, name.startsWith('import.') ? MAX_IMPORT_REQUEST_BYTES : undefined);
    if (!body.ok) {
      res.setHeader('connection', 'close');
      return sendJson(res, body.status, failure('USAGE', body.message, 'send one JSON document, at most 1 MB'));
    }
    sendJson(res, 200, await options.handlers.handle(name, body.value));
  }

  async function files(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (rendererDir === null) return sendHtml(res, pathname === '/' ? 200 : 404, notBuiltPage());
    const served = await serveStatic(res, rendererDir, pathname, req.method === 'HEAD', securityHeaders());
    if (served === 'not-found') sendText(res, 404, 'Not found');
  }

  const unsubscribe = options.handlers.subscribe((event, payload) => streams.send(event, payload));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  options.logger?.info('ui-server.listening', { port });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      unsubscribe();
      streams.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function failure(code: ErrorCode, message: string, hint?: string): ApiFailure {
  return { ok: false, code, message, ...(hint === undefined ? {} : { hint }) };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...securityHeaders(),
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}
