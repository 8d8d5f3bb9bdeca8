import { randomBytes } from 'node:crypto';
import { type Dirent } from 'node:fs';
import { chmod, type FileHandle, mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files start with `.` so Athena, DuckDB and the S3 uploader skip them, and carry the
 * writer's pid so a cleanup never removes a write still in flight in this process.
 */
const TEMP_RE = /^\..*\.tmp$/;
const TEMP_PID_RE = /^\..*\.(\d+)\.[0-9a-f]+\.tmp$/;

export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTemporaryFileName(name: string): boolean {
  return TEMP_RE.test(name);
}

/** Creates the file's folder only when the first open says it is missing: most writes go to a folder that exists. */
async function openNew(tmp: string): Promise<FileHandle> {
  // 0600 (contract §3): the rename keeps the temporary file's mode.
  try {
    return await open(tmp, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(tmp), { recursive: true, mode: 0o700 });
    return await open(tmp, 'wx', 0o600);
  }
}

async function writeAndSync(tmp: string, data: string | Uint8Array): Promise<void> {
  const handle = await openNew(tmp);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Makes the rename itself durable. Windows cannot open a folder this way, and some network
 * file systems refuse it; the file is already complete then, so the failure is not an error.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort, see above
  }
}

/**
 * Writers that renamed into the same folder share one folder sync that starts after all of
 * their renames: a 200-page backfill writes thousands of files into a dozen month folders.
 */
const scheduledFolderSyncs = new Map<string, Promise<void>>();

function syncFolderAfterRename(folder: string): Promise<void> {
  let scheduled = scheduledFolderSyncs.get(folder);
  if (scheduled === undefined) {
    scheduled = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Writers arriving from here on schedule the next sync: this one may miss their rename.
      scheduledFolderSyncs.delete(folder);
      return syncFolder(folder);
    });
    scheduledFolderSyncs.set(folder, scheduled);
  }
  return scheduled;
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * On Windows a rename over a file that a reader (Excel, DuckDB, an antivirus) holds open fails
 * for a moment; elsewhere these codes are real permission errors and are not retried.
 */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !RENAME_RETRY_CODES.has(code) || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
    }
  }
}

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one, never
 * a part (contract §6), creating the folder when needed.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  const tmp = temporaryPathFor(path);
  try {
    await writeAndSync(tmp, data);
    await renameOver(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    // Name the file the caller asked for, not our temporary one, in every message.
    if (isErrnoError(error) && error.path === tmp) error.path = path;
    throw error;
  }
  await syncFolderAfterRename(folder);
}

/**
 * `writeFileAtomic` for the app's own files in the home (goals, caches): its folder is made
 * owner-only and the file 0600 whatever the umask (contract §3).
 */
export async function writePrivateFileAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, data);
  if (process.platform !== 'win32') await chmod(path, 0o600);
}

function isOwnInFlightWrite(name: string): boolean {
  const pid = TEMP_PID_RE.exec(name)?.[1];
  return pid !== undefined && Number(pid) === process.pid;
}

async function listFolder(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Deletes `.*.tmp` files under `root` left by a process killed mid-write. Call it while holding
 * the sync lock, which guarantees no other process is writing; this process's own writes in
 * flight are left alone, so a sync may run it alongside its work. Returns the removed paths.
 */
export async function removeStaleTemporaryFiles(root: string): Promise<string[]> {
  // Folders are walked at once: a lake of hundreds of pages has dozens of month folders.
  const found = await Promise.all(
    (await listFolder(root)).map(async (entry): Promise<string[]> => {
      const path = join(root, entry.name);
      if (entry.isDirectory()) return removeStaleTemporaryFiles(path);
      if (!entry.isFile() || !isTemporaryFileName(entry.name) || isOwnInFlightWrite(entry.name)) return [];
      await unlink(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      return [path];
    }),
  );
  return found.flat();
}

export interface IoProblem {
  /** The failure in a few words, for "Could not write <place>: <reason>". */
  reason: string;
  /** What the user can do about it. */
  hint: string;
}

const PERMISSION: IoProblem = { reason: 'permission denied', hint: 'Check that this user may write to the folder' };
const DISK_FULL: IoProblem = { reason: 'the disk is full', hint: 'Free some disk space' };
const PATH_BLOCKED: IoProblem = { reason: 'part of its path is a file, not a folder', hint: 'Move that file away' };

const IO_PROBLEMS: Record<string, IoProblem> = {
  EACCES: PERMISSION,
  EPERM: PERMISSION,
  EROFS: { reason: 'the disk is read-only', hint: 'Use a folder on a writable disk' },
  ENOSPC: DISK_FULL,
  EDQUOT: { ...DISK_FULL, reason: 'the disk quota is used up' },
  ENOTDIR: PATH_BLOCKED,
  EEXIST: PATH_BLOCKED,
};

export function isErrnoError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

/** Says in words why a file-system call failed; the raw message for codes users rarely meet. */
export function describeIoError(error: NodeJS.ErrnoException): IoProblem {
  return IO_PROBLEMS[error.code ?? ''] ?? { reason: error.message, hint: 'Check that the folder is reachable and writable' };
}
