import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A fake of X API v2 user lookup (social-apis.md §7) on 127.0.0.1:
 * `GET /2/users/by/username/:username?user.fields=public_metrics` with an app Bearer token,
 * the `x-rate-limit-limit/-remaining/-reset` headers on every answer, 429 with
 * `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}` once the window is spent,
 * 401 for a wrong token, and 200 with an `errors` list for an unknown username.
 */

export interface FakeXUser {
  id: string;
  name: string;
  followers: number;
}

export interface FakeXRequest {
  path: string;
  query: string;
}

export interface FakeX {
  /** For settings.x.apiBaseUrl (…/2). */
  readonly apiBaseUrl: string;
  readonly requests: readonly FakeXRequest[];
  addUser(username: string, user: FakeXUser): void;
  /** Sets the current 15-minute window: calls left and seconds until it resets (from the fake's clock). */
  setWindow(remaining: number, resetInSeconds: number): void;
  failNext(status: 500 | 503, times?: number): void;
  close(): Promise<void>;
}

const LIMIT = 300;
const WINDOW_S = 900;

export async function startFakeX(options: { token: string; now?: () => Date }): Promise<FakeX> {
  const now = options.now ?? (() => new Date());
  const users = new Map<string, FakeXUser & { username: string }>();
  const requests: FakeXRequest[] = [];
  const failures: number[] = [];
  let remaining = LIMIT;
  let resetAt = Math.floor(now().getTime() / 1000) + WINDOW_S;

  function handle(req: IncomingMessage): { status: number; body: unknown } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ path: url.pathname, query: url.search.slice(1) });
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return { status: 401, body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    }
    const nowS = Math.floor(now().getTime() / 1000);
    if (nowS >= resetAt) {
      remaining = LIMIT;
      resetAt = nowS + WINDOW_S;
    }
    if (remaining <= 0) return { status: 429, body: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } };
    remaining -= 1;
    const failure = failures.shift();
    if (failure !== undefined) return { status: failure, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: failure } };
    const match = /^\/2\/users\/by\/username\/([^/]+)$/.exec(url.pathname);
    if (!match) return { status: 404, body: { errors: [{ message: 'Sorry, that page does not exist', code: 34 }] } };
    if (url.searchParams.get('user.fields') !== 'public_metrics') {
      return { status: 400, body: { errors: [{ message: 'expected user.fields=public_metrics' }], title: 'Invalid Request', type: 'https://api.twitter.com/2/problems/invalid-request' } };
    }
    const username = decodeURIComponent(match[1]);
    const user = users.get(username.toLowerCase());
    if (!user) {
      return {
        status: 200,
        body: {
          errors: [
            {
              value: username,
              detail: `Could not find user with username: [${username}].`,
              title: 'Not Found Error',
              resource_type: 'user',
              parameter: 'username',
              resource_id: username,
              type: 'https://api.twitter.com/2/problems/resource-not-found',
            },
          ],
        },
      };
    }
    return {
      status: 200,
      body: {
        data: {
          id: user.id,
          name: user.name,
          username: user.username,
          public_metrics: { followers_count: user.followers, following_count: 2048, tweet_count: 14052, listed_count: 1672 },
        },
      },
    };
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = handle(req);
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-rate-limit-limit': String(LIMIT),
      'x-rate-limit-remaining': String(Math.max(0, remaining)),
      'x-rate-limit-reset': String(resetAt),
    });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://127.0.0.1:${port}/2`,
    requests,
    addUser: (username, user) => void users.set(username.toLowerCase(), { ...user, username }),
    setWindow: (left, resetInSeconds) => {
      remaining = left;
      resetAt = Math.floor(now().getTime() / 1000) + resetInSeconds;
    },
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i += 1) failures.push(status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
