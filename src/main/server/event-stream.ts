import type { ServerResponse } from 'node:http';
import type { UiEvents } from '../../shared/ui-api';

const HEARTBEAT_MS = 20_000;

/** One Server-Sent Events message: `event: <name>` and the payload as one line of JSON. */
export function sseMessage(event: string, payload: unknown, id: number): string {
  // JSON.stringify escapes line breaks inside strings, so `data:` stays one line.
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/**
 * The open `GET /api/events` streams. Each UiEvents event goes to every stream; a comment line
 * every 20 s keeps proxies and idle timeouts from closing a quiet stream.
 */
export class EventStreams {
  readonly #clients = new Set<ServerResponse>();
  #nextId = 1;
  #heartbeat: NodeJS.Timeout | null = null;

  open(res: ServerResponse, headers: Record<string, string>): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    // `retry` makes EventSource come back quickly after a restart; the comment flushes headers.
    res.write('retry: 2000\n: connected\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
    this.#startHeartbeat();
  }

  send<E extends keyof UiEvents>(event: E, payload: UiEvents[E]): void {
    const message = sseMessage(event, payload, this.#nextId++);
    for (const res of this.#clients) res.write(message);
  }

  get size(): number {
    return this.#clients.size;
  }

  closeAll(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => {
      for (const res of this.#clients) res.write(': keep-alive\n\n');
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }
}
