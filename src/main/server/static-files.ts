import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The file a URL path names inside `root`, or null when it would leave it or names a hidden
 * file. Pure. `pathname` is as the URL parser left it (dot segments resolved, still encoded);
 * decoding may reveal `..`, `\` or NUL, which are refused rather than interpreted.
 */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null;
  const file = path.join(root, ...segments);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

export type StaticResult = 'served' | 'not-found';

/**
 * Serves a file from `root`, following symlinks only when they stay inside it. Paths without
 * an extension fall back to index.html, so a reload on a client-side route still works.
 */
export async function serveStatic(res: ServerResponse, root: string, pathname: string, headOnly: boolean, headers: Record<string, string>): Promise<StaticResult> {
  const realRoot = await realpath(root).catch(() => null);
  if (realRoot === null) return 'not-found';
  const wanted = resolveStaticPath(realRoot, pathname);
  if (wanted === null) return 'not-found';
  const index = path.join(realRoot, 'index.html');
  const isRoute = path.extname(wanted) === '';
  const file = (await existingFileInside(realRoot, wanted === realRoot ? index : wanted)) ?? (isRoute ? await existingFileInside(realRoot, index) : null);
  if (file === null) return 'not-found';
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const size = (await stat(file)).size;
  res.writeHead(200, {
    ...headers,
    'content-type': type,
    'content-length': String(size),
    // index.html must be fetched fresh (a new build, a new session); hashed assets may be kept.
    'cache-control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
  });
  if (headOnly) {
    res.end();
    return 'served';
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', () => resolve());
    stream.pipe(res);
  });
  return 'served';
}

async function existingFileInside(realRoot: string, candidate: string): Promise<string | null> {
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(realRoot + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}
