/**
 * URL decisions for the Electron security checklist (architecture "Electron security"), pure
 * so that every tricky URL can be pinned by a unit test.
 */

/**
 * Hosts whose pages may open in the user's browser: LinkedIn (sign-in, the developer portal),
 * AWS docs and console, Microsoft Learn (LinkedIn's API docs, Task Scheduler). Exact names:
 * a suffix match would let `linkedin.com.evil.com` or `evil-linkedin.com` through.
 */
const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.linkedin.com',
  'linkedin.com',
  'docs.aws.amazon.com',
  'console.aws.amazon.com',
  'learn.microsoft.com',
]);

// The AWS console serves regions and services from subdomains (us-east-1.console…, s3.console…).
const EXTERNAL_HOST_SUFFIXES: readonly string[] = ['.console.aws.amazon.com'];

/**
 * The URL to hand to shell.openExternal, or null when it is not on the allow-list. Returns the
 * parsed, normalised href so that what was checked is exactly what the OS opens.
 */
export function externalUrlToOpen(url: string): string | null {
  const parsed = parse(url);
  if (parsed === null || parsed.protocol !== 'https:') return null;
  // Credentials or an explicit port have no business in a documentation or sign-in link.
  if (parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return null;
  const host = parsed.hostname;
  const allowed = EXTERNAL_HOSTS.has(host) || EXTERNAL_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix) && isLabel(host.slice(0, -suffix.length)));
  return allowed ? parsed.href : null;
}

export function isAllowedExternalUrl(url: string): boolean {
  return externalUrlToOpen(url) !== null;
}

/**
 * Whether the window may navigate to `url`: only to our own renderer page (any #/route), never
 * to another file on disk, a web page, `data:` or `javascript:`.
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppPage(url, appUrl);
}

/**
 * Whether an IPC message comes from our renderer: the sending frame shows the app's own page.
 * A null frame (navigated away or destroyed while the message was in flight) is not trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAppPage(frameUrl, appUrl);
}

function isAppPage(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (target === null || app === null || target.protocol !== 'file:' || app.protocol !== 'file:') return false;
  // A query string is never part of our page; a hash is our router.
  if (target.search !== '' || target.host.toLowerCase() !== app.host.toLowerCase()) return false;
  return samePath(pathSegments(target.pathname), pathSegments(app.pathname));
}

/**
 * Segments decoded one by one, so `%20` and a space compare equal but an encoded `/` never
 * turns into a separator; the Windows drive letter compared case-insensitively because
 * Chromium upper-cases it while Node keeps the case the path had.
 */
function pathSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    try {
      segments.push(decodeURIComponent(raw));
    } catch {
      return null;
    }
  }
  const drive = segments[1];
  if (drive !== undefined && /^[A-Za-z]:$/.test(drive)) segments[1] = drive.toUpperCase();
  return segments;
}

function samePath(a: string[] | null, b: string[] | null): boolean {
  return a !== null && b !== null && a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function isLabel(prefix: string): boolean {
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(prefix);
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
