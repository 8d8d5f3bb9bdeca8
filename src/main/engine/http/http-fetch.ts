import type { IncomingMessage } from 'node:http';
import * as http from 'node:http';

/**
 * The part of an HTTP exchange the API clients use. `fetch` satisfies it, so a test can pass a
 * `fetch`-shaped fake; the default is `httpFetch` below.
 */
export interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface HttpRequestInit {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Redirects are never followed (one could carry a token to another host); kept for `fetch`. */
  redirect?: 'manual';
  /** Aborts the request and the body read; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export type HttpFetch = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

type RequestModule = Pick<typeof http, 'request' | 'Agent'>;

// Kept-alive connections: a sync asks the same host hundreds of times. Idle sockets are
// unref'd by the agent, so they never hold a finished process open.
const agents = new Map<string, http.Agent>();
let httpsModule: Promise<RequestModule> | null = null;

async function transportFor(protocol: string): Promise<{ module: RequestModule; agent: http.Agent }> {
  let module: RequestModule;
  if (protocol === 'http:') module = http;
  else if (protocol === 'https:') module = await (httpsModule ??= import('node:https'));
  else throw new TypeError(`unsupported URL scheme ${protocol}`);
  let agent = agents.get(protocol);
  if (!agent) {
    agent = new module.Agent({ keepAlive: true });
    agents.set(protocol, agent);
  }
  return { module, agent };
}

/**
 * A small `fetch` on node:http/https. Node's `fetch` loads and compiles undici on first use
 * (~40 ms of a CLI run's start) and costs more CPU per request; a 200-page sync makes 400 of
 * them, so the run's wall time was measurably the HTTP client's. Errors keep Node's `code`
 * (ECONNREFUSED, ENOTFOUND, certificate codes), which the sources' error classifiers read.
 */
export const httpFetch: HttpFetch = async (url, init) => {
  const target = new URL(url);
  const { module, agent } = await transportFor(target.protocol);
  const signal = init.signal;
  signal?.throwIfAborted();
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...init.headers };
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  return new Promise<HttpResponse>((resolve, reject) => {
    const onAbort = (): void => {
      request.destroy();
      reject(abortReason(signal));
    };
    const finish = (outcome: () => void): void => {
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const request = module.request(target, { method: init.method ?? 'GET', headers, agent }, (response) => {
      readBody(response).then(
        (body) => finish(() => resolve(responseOf(response, body))),
        (error: Error) => finish(() => reject(error)),
      );
    });
    request.on('error', (error) => finish(() => reject(error)));
    signal?.addEventListener('abort', onAbort, { once: true });
    request.end(init.body);
  });
};

/** `AbortSignal.timeout` gives a TimeoutError, which the clients report as "no answer in time". */
function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The request was aborted', 'AbortError');
}

async function readBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity' || raw.length === 0) return raw.toString('utf8');
  const { decompressed } = await import('./decompress');
  return (await decompressed(raw, encoding)).toString('utf8');
}

function responseOf(response: IncomingMessage, body: string): HttpResponse {
  const status = response.statusCode ?? 0;
  const headers = response.headers;
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name: string): string | null {
        const value = headers[name.toLowerCase()];
        if (value === undefined) return null;
        return Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: () => Promise.resolve(body),
  };
}
