import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/main/engine/http/http-fetch';
import { classifyNetworkError } from '../../src/main/engine/sources/linkedin/linkedin-errors';
import { freePort } from '../support/free-port';
import { selfSignedCertificate } from '../support/self-signed-certificate';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];

/** The error a promise rejects with (not an AppError: the transport's own). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}

async function serve(handler: Handler, make: (listener: (req: IncomingMessage, res: ServerResponse) => void) => Server = createServer): Promise<string> {
  const server = make((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `${make === createServer ? 'http' : 'https'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('httpFetch on a real server', () => {
  it('returns status, headers and the UTF-8 body, and sends the request headers', async () => {
    let seen: IncomingMessage | undefined;
    const url = await serve((req, res) => {
      seen = req;
      res.writeHead(201, { 'content-type': 'application/json', 'x-li-fabric': 'prod', 'set-cookie': ['a=1', 'b=2'] });
      // A multi-byte character split across two writes must still decode.
      const bytes = Buffer.from('{"city":"São Paulo"}');
      res.write(bytes.subarray(0, 12));
      setTimeout(() => res.end(bytes.subarray(12)), 5);
    });
    const response = await httpFetch(`${url}/rest/networkSizes/urn%3Ali%3Aorganization%3A1?edgeType=X`, { headers: { Authorization: 'Bearer t', 'LinkedIn-Version': '202611' } });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('X-LI-FABRIC')).toBe('prod');
    expect(response.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(response.headers.get('retry-after')).toBeNull();
    expect(await response.text()).toBe('{"city":"São Paulo"}');
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe('/rest/networkSizes/urn%3Ali%3Aorganization%3A1?edgeType=X');
    expect(seen?.headers.authorization).toBe('Bearer t');
    expect(seen?.headers['linkedin-version']).toBe('202611');
  });

  it('posts a form body with its length', async () => {
    let received: { method?: string; type?: string; length?: string; body: string } = { body: '' };
    const url = await serve((req, res, body) => {
      received = { method: req.method, type: req.headers['content-type'], length: req.headers['content-length'], body };
      res.end('{}');
    });
    const form = new URLSearchParams({ grant_type: 'refresh_token', note: 'ação' }).toString();
    await httpFetch(`${url}/oauth/v2/accessToken`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    expect(received).toEqual({ method: 'POST', type: 'application/x-www-form-urlencoded', length: String(Buffer.byteLength(form)), body: form });
  });

  it('decodes gzip and brotli answers, and says so when an encoding is unknown', async () => {
    const json = JSON.stringify({ elements: Array.from({ length: 200 }, (_, i) => ({ day: i, gain: i * 3 })) });
    const url = await serve((req, res) => {
      const kind = req.url?.slice(1) ?? '';
      if (kind === 'gzip') res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(json));
      else if (kind === 'br') res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync(json));
      else res.writeHead(200, { 'content-encoding': 'zstd' }).end('????');
    });
    expect(await (await httpFetch(`${url}/gzip`, {})).text()).toBe(json);
    expect(await (await httpFetch(`${url}/br`, {})).text()).toBe(json);
    const error = await rejection(httpFetch(`${url}/zstd`, {}));
    expect(error).toMatchObject({ code: 'ERR_CONTENT_ENCODING' });
  });

  it('never follows a redirect', async () => {
    const paths: string[] = [];
    const url = await serve((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const response = await httpFetch(`${url}/start`, { headers: { Authorization: 'Bearer t' }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.ok).toBe(false);
    expect(response.headers.get('location')).toBe('/elsewhere');
    expect(paths).toEqual(['/start']);
  });

  it('reuses one kept-alive connection for requests one after another', async () => {
    const ports: number[] = [];
    const url = await serve((req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      res.end('ok');
    });
    for (let i = 0; i < 3; i++) await (await httpFetch(url, {})).text();
    expect(ports).toHaveLength(3);
    expect(new Set(ports).size).toBe(1);
  });

  it('stops at the timeout with a TimeoutError, before the headers and while the body is still coming', async () => {
    const url = await serve((req, res) => {
      if (req.url === '/slow-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"elements":[');
      }
      // Neither answer ever finishes.
    });
    for (const path of ['/hang', '/slow-body']) {
      const error = await rejection(httpFetch(`${url}${path}`, { signal: AbortSignal.timeout(100) }));
      expect(error).toMatchObject({ name: 'TimeoutError' });
      expect(classifyNetworkError(error, '127.0.0.1', 100).message).toBe('Could not reach LinkedIn (127.0.0.1): no answer within 100 ms');
    }
  });

  it('keeps the connection error code the classifiers read', async () => {
    const port = await freePort();
    const error = await rejection(httpFetch(`http://127.0.0.1:${port}/rest`, {}));
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(classifyNetworkError(error, `127.0.0.1:${port}`, 1000).message).toBe(`Could not reach LinkedIn (127.0.0.1:${port}): connection refused`);
    expect(await rejection(httpFetch('ftp://127.0.0.1/x', {}))).toMatchObject({ name: 'TypeError' });
  });

  it('refuses an HTTPS server whose certificate is not trusted', async () => {
    const { key, cert } = selfSignedCertificate();
    const url = await serve((_req, res) => res.end('secret'), (listener) => createHttpsServer({ key, cert }, listener));
    const error = await rejection(httpFetch(url, {}));
    expect(classifyNetworkError(error, '127.0.0.1', 1000).message).toContain('TLS certificate not trusted');
  });
});

describe('httpFetch in its own process', () => {
  it('talks HTTPS to a trusted server and lets the process end while the connection is kept alive', async () => {
    const { key, cert } = selfSignedCertificate();
    const url = await serve((_req, res) => res.end('{"firstDegreeSize":42}'), (listener) => {
      const server = createHttpsServer({ key, cert }, listener);
      // Longer than the test: only the client letting go of the socket can end the process.
      server.keepAliveTimeout = 120_000;
      return server;
    });
    const dir = await mkdtemp(join(tmpdir(), 'fp-http-fetch-'));
    try {
      const certFile = join(dir, 'ca.pem');
      await writeFile(certFile, cert);
      const module = fileURLToPath(new URL('../../src/main/engine/http/http-fetch.ts', import.meta.url));
      const script = `const { httpFetch } = await import(${JSON.stringify(module)}); const r = await httpFetch(${JSON.stringify(url)}, {}); console.log(r.status, await r.text());`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const killer = setTimeout(() => child.kill(), 60_000);
      const [code] = (await once(child, 'close')) as [number | null];
      clearTimeout(killer);
      expect(out.trim()).toBe('200 {"firstDegreeSize":42}');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
