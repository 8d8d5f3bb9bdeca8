import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Pure checks that every request to `serve` passes before anything else (contract §3).
 * The server listens on 127.0.0.1 only, but a web page the user visits can still make the
 * browser send requests to it: DNS rebinding (a foreign Host), a page on another local port
 * (a foreign Origin, and SameSite does not separate ports) or a plain cross-site form post.
 */

/** Host must name the loopback address and port we serve on, so a rebinding domain is refused. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.trim().toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** Origin, when a browser sends one, must be exactly our own (scheme, loopback host, port). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const o = origin.trim().toLowerCase();
  return o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;
}

/**
 * Fetch metadata (Chromium, Firefox, Safari): `same-site` is refused too, because another
 * port on localhost is the same site. Older clients and scripts send no header.
 */
export function isAllowedFetchSite(site: string | undefined): boolean {
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

export function bearerToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return m ? m[1] : null;
}

/** Constant time whatever the lengths: both sides are hashed to equal-length digests first. */
export function secretsEqual(received: string | null | undefined, expected: string): boolean {
  if (typeof received !== 'string') return false;
  const a = createHash('sha256').update(received).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** One cookie per port: cookies ignore ports, and two `serve` instances must not evict each other. */
export function sessionCookieName(port: number): string {
  return `fp_session_${port}`;
}

export function sessionCookie(port: number, value: string): string {
  return `${sessionCookieName(port)}=${value}; Path=/; HttpOnly; SameSite=Strict`;
}

/** Tells the browser to drop the session cookie (sign out). */
export function expiredSessionCookie(port: number): string {
  return `${sessionCookieName(port)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
