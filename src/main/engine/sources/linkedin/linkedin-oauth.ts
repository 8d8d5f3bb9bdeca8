import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { AppError, toAppError } from '../../errors';
import { CALLBACK_PAGE_CSP, callbackPage, type CallbackOutcome, type PageLanguage } from './oauth-callback-page';
import { exchangeCode, type TokenSet } from './linkedin-token-endpoint';
import type { HttpFetch } from '../../http/http-fetch';

export { exchangeCode, introspectToken, refreshAccessToken, type TokenIntrospection, type TokenSet } from './linkedin-token-endpoint';

/**
 * LinkedIn sign-in, OAuth 2.0 authorization code flow with a loopback redirect (social-apis.md
 * §3.2, §3.5): a one-shot HTTP server on 127.0.0.1 receives the redirect, checks `state`,
 * exchanges the code and closes. The redirect URI must match the one registered with the
 * LinkedIn app exactly, hence `http://localhost:PORT/callback` with the port from settings.
 */
export const LINKEDIN_SCOPE = 'rw_organization_admin';
const SIGN_IN_TIMEOUT_MS = 10 * 60_000;
const CALLBACK_PATH = '/callback';

export interface SignInOptions {
  oauthBaseUrl: string;
  clientId: string;
  /** Null only with PKCE, for an app LinkedIn enabled as a public (native) client. */
  clientSecret: string | null;
  redirectPort: number;
  /** PKCE S256; LinkedIn enables it per app and then only talks to loopback IPs. */
  usePkce?: boolean;
  scope: string;
  /** Host in the redirect URI. LinkedIn's PKCE flow wants an IP; the classic flow the registered name. */
  redirectHost?: 'localhost' | '127.0.0.1';
  timeoutMs?: number;
  /** Language shown first on the page the browser lands on. */
  language?: PageLanguage;
  fetchImpl?: HttpFetch;
}

export interface SignInFlow {
  /** Open this in the system browser. */
  authorizationUrl: string;
  redirectUri: string;
  /** Settles once: tokens, or an AppError (cancelled, state mismatch, timeout, refused code). */
  result: Promise<TokenSet>;
  /** Stops waiting (a newer sign-in replaces this one); `result` rejects. */
  cancel(): void;
}

const CANCEL_ERRORS = new Set(['user_cancelled_login', 'user_cancelled_authorize']);

function base64Url(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** RFC 7636: a 64-character verifier and its S256 challenge. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = base64Url(randomBytes(48));
  return { verifier, challenge: pkceChallenge(verifier) };
}

function pkceChallenge(verifier: string): string {
  return base64Url(createHash('sha256').update(verifier).digest());
}

export function authorizationUrl(options: {
  oauthBaseUrl: string;
  clientId: string;
  redirectUri: string;
  state: string;
  scope: string;
  codeChallenge?: string;
}): string {
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', options.clientId],
    ['redirect_uri', options.redirectUri],
    ['state', options.state],
    ['scope', options.scope],
  ];
  if (options.codeChallenge) params.push(['code_challenge', options.codeChallenge], ['code_challenge_method', 'S256']);
  // encodeURIComponent, not URLSearchParams: LinkedIn documents %20 between scopes, not '+'.
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return `${options.oauthBaseUrl.replace(/\/+$/, '')}/authorization?${query}`;
}

export async function startSignIn(options: SignInOptions): Promise<SignInFlow> {
  if (options.clientSecret === null && options.usePkce !== true) {
    throw new AppError('USAGE', 'Signing in needs the LinkedIn app\'s client secret', {
      hint: 'store it in Settings › LinkedIn (or run: follower-pulse secret set linkedin.clientSecret)',
    });
  }
  const state = base64Url(randomBytes(24));
  const pkce = options.usePkce ? createPkcePair() : null;
  const host = options.redirectHost ?? (options.usePkce ? '127.0.0.1' : 'localhost');
  const redirectUri = `http://${host}:${options.redirectPort}${CALLBACK_PATH}`;
  const callback = new CallbackServer({ ...options, state, redirectUri, codeVerifier: pkce?.verifier ?? null });
  await callback.listen(options.redirectPort);
  return {
    authorizationUrl: authorizationUrl({ ...options, redirectUri, state, codeChallenge: pkce?.challenge }),
    redirectUri,
    result: callback.result,
    cancel: () => callback.fail(new AppError('LINKEDIN_TOKEN_MISSING', 'The LinkedIn sign-in was stopped before it finished', { hint: 'start it again from Settings › LinkedIn' })),
  };
}

interface CallbackOptions extends SignInOptions {
  state: string;
  redirectUri: string;
  codeVerifier: string | null;
}

/** The one-shot loopback receiver of LinkedIn's redirect. */
class CallbackServer {
  readonly result: Promise<TokenSet>;
  readonly #options: CallbackOptions;
  readonly #server: Server;
  #resolve!: (tokens: TokenSet) => void;
  #reject!: (error: AppError) => void;
  #timer: NodeJS.Timeout | null = null;
  #answered = false;
  #settled = false;

  constructor(options: CallbackOptions) {
    this.#options = options;
    this.result = new Promise<TokenSet>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // Nobody may be awaiting yet (the UI polls signInState); a rejection must not crash the process.
    this.result.catch(() => undefined);
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)));
      this.#server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#timer = setTimeout(() => this.fail(timeoutError(this.#options.timeoutMs ?? SIGN_IN_TIMEOUT_MS)), this.#options.timeoutMs ?? SIGN_IN_TIMEOUT_MS);
    this.#timer.unref();
  }

  fail(error: AppError): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#reject(error);
    this.#close();
  }

  #succeed(tokens: TokenSet): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#resolve(tokens);
    this.#close();
  }

  #close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    // Let the last page reach the browser, then drop everything (browsers keep connections alive).
    this.#server.close();
    setImmediate(() => this.#server.closeAllConnections());
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      // e.g. /favicon.ico: not the redirect, so the flow goes on waiting.
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    if (this.#answered || this.#settled) {
      this.#page(res, 410, 'failed', 'This sign-in has already finished.');
      return;
    }
    // Any page may request this URL: one without our state is not LinkedIn's redirect for this
    // sign-in, so it gets a neutral answer and the sign-in goes on waiting (until its timeout).
    if (!sameSecret(url.searchParams.get('state'), this.#options.state)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
      res.end('This address is used by Follower Pulse while you sign in to LinkedIn.');
      return;
    }
    this.#answered = true;
    const { outcome, status, error, tokens, detail } = await this.#process(url.searchParams);
    this.#page(res, status, outcome, detail);
    if (tokens) this.#succeed(tokens);
    else this.fail(error ?? new AppError('INTERNAL', 'The sign-in ended without a result'));
  }

  async #process(params: URLSearchParams): Promise<{ outcome: CallbackOutcome; status: number; error?: AppError; tokens?: TokenSet; detail?: string }> {
    if (!sameSecret(params.get('state'), this.#options.state)) {
      const error = new AppError('LINKEDIN_BAD_RESPONSE', 'The answer from LinkedIn does not belong to the sign-in Follower Pulse started (state mismatch)', {
        hint: 'start the sign-in again from Settings › LinkedIn and finish it in the tab it opens',
      });
      return { outcome: 'failed', status: 400, error, detail: error.message };
    }
    const oauthError = params.get('error');
    if (oauthError !== null) {
      if (CANCEL_ERRORS.has(oauthError)) {
        const error = new AppError('LINKEDIN_PERMISSION_DENIED', 'The LinkedIn sign-in was cancelled', { hint: 'start it again from Settings › LinkedIn when ready' });
        return { outcome: 'cancelled', status: 200, error };
      }
      const said = (params.get('error_description') ?? oauthError).slice(0, 200);
      const error = new AppError('LINKEDIN_PERMISSION_DENIED', `LinkedIn did not grant access: ${said}`, {
        hint: 'check that the LinkedIn app has the Community Management API product and the rw_organization_admin scope, then sign in again',
      });
      return { outcome: 'failed', status: 200, error, detail: said };
    }
    const code = params.get('code');
    if (!code) {
      const error = new AppError('LINKEDIN_BAD_RESPONSE', 'LinkedIn redirected back without a sign-in code', { hint: 'start the sign-in again from Settings › LinkedIn' });
      return { outcome: 'failed', status: 400, error, detail: error.message };
    }
    try {
      const tokens = await exchangeCode({ ...this.#options, code, redirectUri: this.#options.redirectUri, codeVerifier: this.#options.codeVerifier });
      return { outcome: 'signed-in', status: 200, tokens };
    } catch (error) {
      const appError = toAppError(error);
      return { outcome: 'failed', status: 502, error: appError, detail: appError.message };
    }
  }

  #page(res: ServerResponse, status: number, outcome: CallbackOutcome, detail?: string): void {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CALLBACK_PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(callbackPage(outcome, this.#options.language ?? 'pt-BR', detail));
  }
}

function sameSecret(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function listenError(error: NodeJS.ErrnoException, port: number): AppError {
  if (error.code === 'EADDRINUSE') {
    return new AppError('NETWORK', `Port ${port} for the LinkedIn sign-in is already in use`, {
      hint: 'close the program using it (or an older sign-in tab), or change the redirect port in Settings › LinkedIn and in the LinkedIn app',
      cause: error,
    });
  }
  return new AppError('NETWORK', `Could not listen on 127.0.0.1:${port} for the LinkedIn sign-in (${error.code ?? error.message})`, {
    hint: 'choose another redirect port in Settings › LinkedIn and register it in the LinkedIn app',
    cause: error,
  });
}

function timeoutError(ms: number): AppError {
  return new AppError('LINKEDIN_TOKEN_MISSING', `The LinkedIn sign-in was not finished within ${Math.round(ms / 60_000)} minutes`, {
    hint: 'start it again from Settings › LinkedIn',
  });
}
