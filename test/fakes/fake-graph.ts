import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, daysBetween, type Day } from '../../src/main/engine/dates';

/*
 * A fake of Meta's Graph API (social-apis.md §5–§6) on 127.0.0.1, answering in the documented
 * shapes: node fields (`followers_count`, `name`, `username`), `/insights` with Pacific
 * `end_time`s (the day after the value's day, 08:00 UTC), the 90-day since/until cap, error
 * bodies `{"error":{"message","type","code","error_subcode","fbtrace_id"}}` and the
 * `X-Business-Use-Case-Usage` header on throttles. A request with any other token than the
 * one configured is answered as an expired token (#190/463).
 */

export interface FakeGraphPage {
  name: string;
  followers: number;
  /** null = Meta leaves that day out. */
  follows?: (day: Day) => number | null;
  unfollows?: (day: Day) => number | null;
}

export interface FakeInstagramUser {
  username: string;
  followers: number;
  /** New followers per day; null = not available that day. */
  newFollowers?: (day: Day) => number | null;
}

export type FakeGraphFailure =
  | { kind: 'page-limit'; regainMinutes?: number }
  | { kind: 'app-limit'; regainMinutes?: number }
  | { kind: 'user-limit'; regainMinutes?: number }
  | { kind: 'permission' }
  | { kind: 'server-error' }
  | { kind: 'expired' };

export interface FakeGraphRequest {
  path: string;
  query: Record<string, string>;
}

export interface FakeGraph {
  readonly url: string;
  readonly requests: readonly FakeGraphRequest[];
  addPage(id: string, page: FakeGraphPage): void;
  addInstagramUser(id: string, user: FakeInstagramUser): void;
  /** Metrics Meta has removed: asking for one gives the #100 invalid-metric error. */
  removeMetric(name: string): void;
  failNext(failure: FakeGraphFailure, times?: number): void;
  close(): Promise<void>;
}

export const FAKE_GRAPH_VERSION = 'v27.0';
const KNOWN_METRICS = new Set(['page_daily_follows_unique', 'page_daily_unfollows_unique', 'page_daily_follows', 'page_follows', 'follower_count']);
const MAX_INSIGHTS_DAYS = 90;
const INSTAGRAM_DAYS = 30;

export function defaultFollows(id: string, day: Day): number {
  return ((Number(day.slice(8, 10)) * 7 + id.length) % 23) + 3;
}

export function defaultUnfollows(id: string, day: Day): number {
  return ((Number(day.slice(5, 7)) + Number(day.slice(8, 10))) % 5) + (id.length % 2);
}

function graphError(status: number, code: number, message: string, extra: { subcode?: number; type?: string } = {}): { status: number; body: unknown } {
  return {
    status,
    body: {
      error: { message, type: extra.type ?? 'OAuthException', code, ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }), fbtrace_id: 'AbCdEfGh123' },
    },
  };
}

function toDay(value: string | undefined): Day | null {
  if (value === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (/^\d{9,11}$/.test(value)) return new Date(Number(value) * 1000).toISOString().slice(0, 10);
  return null;
}

export async function startFakeGraph(options: { token: string; now: Date }): Promise<FakeGraph> {
  const pages = new Map<string, FakeGraphPage>();
  const igUsers = new Map<string, FakeInstagramUser>();
  const removed = new Set<string>();
  const failures: FakeGraphFailure[] = [];
  const requests: FakeGraphRequest[] = [];

  function failureReply(failure: FakeGraphFailure): { status: number; body: unknown; headers?: Record<string, string> } {
    const usage = (minutes: number) => ({
      'x-business-use-case-usage': JSON.stringify({
        '104173652001234': [{ type: 'pages', call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: minutes }],
      }),
    });
    switch (failure.kind) {
      case 'page-limit':
        return { ...graphError(400, 32, 'Page request limit reached'), headers: usage(failure.regainMinutes ?? 0) };
      case 'app-limit':
        return { ...graphError(400, 4, 'Application request limit reached'), headers: usage(failure.regainMinutes ?? 0) };
      case 'user-limit':
        return { ...graphError(400, 17, 'User request limit reached'), headers: usage(failure.regainMinutes ?? 0) };
      case 'permission':
        return graphError(403, 10, '(#10) This endpoint requires the read_insights permission');
      case 'server-error':
        return graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', { type: 'OAuthException' });
      case 'expired':
        return graphError(400, 190, 'Error validating access token: Session has expired.', { subcode: 463 });
    }
  }

  function insights(id: string, query: Record<string, string>): { status: number; body: unknown } {
    const metrics = (query.metric ?? '').split(',').filter(Boolean);
    const invalid = metrics.find((m) => removed.has(m) || !KNOWN_METRICS.has(m));
    if (metrics.length === 0 || invalid !== undefined) {
      return graphError(400, 100, '(#100) The value must be a valid insights metric', { type: 'OAuthException' });
    }
    if (query.period !== 'day') return graphError(400, 100, '(#100) Param period must be one of {day, week, days_28}');
    const since = toDay(query.since);
    const until = toDay(query.until);
    if (since === null || until === null || until <= since) return graphError(400, 100, '(#100) since and until must be valid dates with since before until');
    if (daysBetween(since, until) > MAX_INSIGHTS_DAYS) return graphError(400, 100, '(#100) There cannot be more than 90 days (7776000 s) between since and until');
    const days: Day[] = [];
    for (let d = since; d < until; d = addDays(d, 1)) days.push(d);
    const page = pages.get(id);
    const ig = igUsers.get(id);
    const series = (name: string, value: (day: Day) => number | null) => ({
      name,
      period: 'day',
      title: name,
      id: `${id}/insights/${name}/day`,
      values: days.flatMap((day) => {
        const v = value(day);
        return v === null ? [] : [{ value: v, end_time: `${addDays(day, 1)}T08:00:00+0000` }];
      }),
    });
    if (page) {
      const value = (name: string) => (day: Day) =>
        name.includes('unfollows') ? (page.unfollows ?? ((d) => defaultUnfollows(id, d)))(day) : (page.follows ?? ((d) => defaultFollows(id, d)))(day);
      return { status: 200, body: { data: metrics.map((m) => series(m, value(m))), paging: { previous: 'https://graph.facebook.com/…', next: 'https://graph.facebook.com/…' } } };
    }
    if (ig) {
      if (metrics.some((m) => m !== 'follower_count')) return graphError(400, 100, '(#100) The value must be a valid insights metric');
      const oldest = addDays(options.now.toISOString().slice(0, 10), -INSTAGRAM_DAYS);
      if (since < oldest) return graphError(400, 100, '(#100) follower_count is only available for the last 30 days, excluding the current day');
      const perDay = ig.newFollowers ?? (() => null);
      const built = series('follower_count', (day) => (ig.followers < 100 ? null : perDay(day)));
      // Instagram answers days without data with an empty data set, not zeros (§6).
      return { status: 200, body: { data: built.values.length === 0 ? [] : [built] } };
    }
    return graphError(400, 100, `(#100) Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`, { subcode: 33 });
  }

  function node(id: string, query: Record<string, string>): { status: number; body: unknown } {
    const fields = (query.fields ?? 'id').split(',');
    const page = pages.get(id);
    const ig = igUsers.get(id);
    if (!page && !ig) return graphError(400, 100, `(#100) Object with ID '${id}' does not exist`, { subcode: 33 });
    const all: Record<string, unknown> = page
      ? { id, name: page.name, followers_count: page.followers, fan_count: page.followers }
      : { id, username: ig?.username, followers_count: ig?.followers, follows_count: 10, media_count: 5 };
    const body: Record<string, unknown> = { id };
    for (const f of fields) if (f in all) body[f] = all[f];
    return { status: 200, body };
  }

  function handle(req: IncomingMessage): { status: number; body: unknown; headers?: Record<string, string> } {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, query });
    if (req.method !== 'GET') return graphError(400, 100, 'Unsupported method');
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : query.access_token;
    if (token === undefined) return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    if (token !== options.token) return graphError(400, 190, 'Error validating access token: Session has expired on Tuesday, 01-Dec-26 10:00:00 PST.', { subcode: 463 });
    const failure = failures.shift();
    if (failure) return failureReply(failure);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== FAKE_GRAPH_VERSION) return graphError(400, 2635, `(#2635) You are calling a deprecated version of the Graph API: ${parts[0]}`);
    if (parts.length === 2) return node(decodeURIComponent(parts[1]), query);
    if (parts.length === 3 && parts[2] === 'insights') return insights(decodeURIComponent(parts[1]), query);
    return graphError(400, 100, 'Unknown path components');
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const reply = handle(req);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addPage: (id, page) => void pages.set(id, page),
    addInstagramUser: (id, user) => void igUsers.set(id, user),
    removeMetric: (name) => void removed.add(name),
    failNext: (failure, times = 1) => {
      for (let i = 0; i < times; i += 1) failures.push(failure);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
