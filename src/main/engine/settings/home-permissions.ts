import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Contract §3: on POSIX the home is `0700` and every file the app writes in it `0600`,
 * whatever the umask, so another local user can neither read the business data nor rewrite
 * the settings. Windows has no modes; the folder ACLs of %APPDATA% already do this there.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_UMASK = 0o077;

const isPosix = (platform: NodeJS.Platform = process.platform): boolean => platform !== 'win32';

/**
 * Makes everything this process creates from now on private, whichever library creates it
 * (DuckDB, the S3 download, the logger): a careless `umask 000` in a crontab changes nothing.
 */
export function restrictNewFiles(): void {
  if (isPosix()) process.umask(PRIVATE_UMASK);
}

/**
 * Tightens a home an earlier version (or a loose umask) left open: the home becomes 0700 and,
 * when it was open, everything inside it 0700/0600. Best effort: a home on a read-only or
 * foreign file system is used as it is. Symbolic links are never followed.
 */
export async function tightenHome(home: string): Promise<void> {
  if (!isPosix()) return;
  let mode: number;
  try {
    const info = await lstat(home);
    if (!info.isDirectory()) return;
    mode = info.mode & 0o777;
  } catch {
    return;
  }
  if ((mode & 0o077) === 0) return;
  await tightenTree(home, true);
}

async function tightenTree(path: string, isDir: boolean): Promise<void> {
  await chmod(path, isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE).catch(() => undefined);
  if (!isDir) return;
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isDirectory()) await tightenTree(join(path, entry.name), true);
    else if (entry.isFile()) await tightenTree(join(path, entry.name), false);
  }
}
