import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy on 127.0.0.1 in front of a real S3 server that can misbehave on PUTs the way
 * a real network or IAM policy does. Requests are forwarded unchanged (Host included, so the
 * SigV4 signature still verifies upstream) and recorded.
 */
export type FaultMode =
  | { kind: 'pass' }
  /** Every PUT is answered 403 AccessDenied, as S3 does when the policy lacks s3:PutObject. */
  | { kind: 'deny-puts' }
  /** PUTs after the first `after` are cut: half the body reaches the server, then both sockets die. */
  | { kind: 'cut-puts'; after: number }
  /** Every request's connection is dropped unanswered: the network or the endpoint is down. */
  | { kind: 'refuse' };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface FaultProxy {
  endpoint: string;
  requests: RecordedRequest[];
  setMode(mode: FaultMode): void;
  /** PUT requests seen so far (cut and denied ones included). */
  puts(): RecordedRequest[];
  close(): Promise<void>;
}

const ACCESS_DENIED_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>FAULTPROXY</RequestId></Error>';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(upstreamPort: number): Promise<FaultProxy> {
  let mode: FaultMode = { kind: 'pass' };
  let putCount = 0;
  const requests: RecordedRequest[] = [];

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers, agent: false },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  };

  const cut = (req: IncomingMessage, body: Buffer): void => {
    const upstream = httpRequest({ host: '127.0.0.1', port: upstreamPort, method: req.method, path: req.url, headers: req.headers, agent: false });
    upstream.on('error', () => undefined);
    upstream.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => {
      upstream.destroy();
      req.socket.destroy();
    }, 30);
  };

  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      if (mode.kind === 'refuse') return req.socket.destroy();
      if (req.method !== 'PUT') return forward(req, res, body);
      putCount += 1;
      if (mode.kind === 'deny-puts') {
        res.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'FAULTPROXY' });
        res.end(ACCESS_DENIED_XML);
        return;
      }
      if (mode.kind === 'cut-puts' && putCount > mode.after) return cut(req, body);
      forward(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    setMode(next) {
      mode = next;
      putCount = 0;
    },
    puts: () => requests.filter((r) => r.method === 'PUT'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
