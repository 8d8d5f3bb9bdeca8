import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';

/**
 * The lake's single-writer lock (contract §3): `<home>/sync.lock`, created exclusively,
 * refreshed while the run lasts. A lock whose pid is dead on this host, or that has not been
 * refreshed for 5 minutes, is taken over, so a run killed with `kill -9` never blocks the next.
 */
export const LOCK_FILE = 'sync.lock';
export const STALE_AFTER_MS = 5 * 60_000;
const REFRESH_EVERY_MS = 30_000;

export interface LockHolder {
  pid: number;
  host: string;
  trigger: string;
  startedAt: string;
  token: string;
}

export interface HeldLock {
  readonly holder: LockHolder;
  release(): Promise<void>;
}

export interface LockOptions {
  trigger: string;
  now?: () => Date;
  isPidAlive?: (pid: number) => boolean;
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Pure: may a lock with this content and age be taken over? */
export function isLockStale(
  holder: LockHolder | null,
  ageMs: number,
  here: { host: string; isPidAlive: (pid: number) => boolean },
): boolean {
  // Unparsable: a lock cut short while being written. Give its writer a moment to finish.
  if (holder === null) return ageMs > 10_000;
  if (ageMs > STALE_AFTER_MS) return true;
  return holder.host === here.host && !here.isPidAlive(holder.pid);
}

export function describeHolder(holder: LockHolder | null): string {
  if (holder === null) return 'another Follower Pulse process';
  return `a ${holder.trigger} run (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`;
}

export async function acquireLock(home: string, options: LockOptions): Promise<HeldLock> {
  const path = join(home, LOCK_FILE);
  const now = options.now ?? (() => new Date());
  const alive = options.isPidAlive ?? isPidAlive;
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    trigger: options.trigger,
    startedAt: now().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  await fs.mkdir(home, { recursive: true, mode: 0o700 });
  const here = { host: holder.host, isPidAlive: alive };
  const deadline = Date.now() + TAKEOVER_PATIENCE_MS;
  while (Date.now() < deadline) {
    if (await tryCreate(path, holder)) return startHolding(path, holder);
    const existing = await readHolder(path);
    if (existing === undefined) continue; // vanished between our create and read: try again
    if (!isLockStale(existing.holder, Date.now() - existing.mtimeMs, here)) throw heldBy(existing.holder);
    // Only the process holding the takeover guard may delete a lock it did not create, and only
    // after checking, under the guard, that the file is still the one it judged stale. Without
    // the guard two contenders could both judge the same dead lock stale, and the second one's
    // delete would remove the lock the first had just created: two writers.
    const removed = await withTakeoverGuard(path, here, async () => {
      const again = await readHolder(path);
      if (again === undefined) return true;
      const same = again.ino === existing.ino && again.holder?.token === existing.holder?.token;
      if (!same || !isLockStale(again.holder, Date.now() - again.mtimeMs, here)) return false;
      await fs.rm(path, { force: true });
      return true;
    });
    if (removed === 'busy') await pause(TAKEOVER_RETRY_MS);
  }
  throw new AppError('LOCK_HELD', `Could not take the lock ${path}`, { hint: 'try again in a minute' });
}

const TAKEOVER_PATIENCE_MS = 10_000;
const TAKEOVER_RETRY_MS = 25;
/** A guard older than this was left by a process that died in the middle of a takeover. */
const GUARD_STALE_AFTER_MS = 10_000;

function heldBy(holder: LockHolder | null): AppError {
  return new AppError('LOCK_HELD', `Another sync is running: ${describeHolder(holder)}`, {
    hint: 'wait for it to finish; a stopped process releases the lock within 5 minutes',
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `critical` while holding `<lock>.takeover`, created exclusively; 'busy' when another
 * process holds it. A guard left behind by a crashed process is removed by renaming it to a
 * unique name first and deleting it only if the renamed file is the one judged stale.
 */
async function withTakeoverGuard<T>(
  lockPath: string,
  here: { host: string; isPidAlive: (pid: number) => boolean },
  critical: () => Promise<T>,
): Promise<T | 'busy'> {
  const guardPath = `${lockPath}.takeover`;
  const guard = { pid: process.pid, host: here.host, trigger: 'takeover', startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  if (!(await tryCreate(guardPath, guard))) {
    await clearAbandonedGuard(guardPath, here);
    return 'busy';
  }
  try {
    return await critical();
  } finally {
    await fs.rm(guardPath, { force: true });
  }
}

async function clearAbandonedGuard(guardPath: string, here: { host: string; isPidAlive: (pid: number) => boolean }): Promise<void> {
  const existing = await readHolder(guardPath);
  if (existing === undefined) return;
  const ageMs = Date.now() - existing.mtimeMs;
  const abandoned =
    ageMs > GUARD_STALE_AFTER_MS || (existing.holder !== null && existing.holder.host === here.host && !here.isPidAlive(existing.holder.pid));
  if (!abandoned) return;
  const aside = `${guardPath}.${randomBytes(6).toString('hex')}`;
  try {
    await fs.rename(guardPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  if (moved !== undefined && moved.ino !== existing.ino) {
    // We moved a guard somebody has just created: put it back unless a newer one exists.
    await fs.link(aside, guardPath).catch(() => undefined);
  }
  await fs.rm(aside, { force: true });
}

async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  try {
    await fs.writeFile(path, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readHolder(path: string): Promise<{ holder: LockHolder | null; mtimeMs: number; ino: number } | undefined> {
  try {
    // One open file for both, so the content and the identity belong to the same file.
    const handle = await fs.open(path, 'r');
    try {
      const [text, stat] = await Promise.all([handle.readFile('utf8'), handle.stat()]);
      return { holder: parseHolder(text), mtimeMs: stat.mtimeMs, ino: stat.ino };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EISDIR') {
      throw new AppError('USAGE', `${path} is a folder, not the lock file`, {
        hint: 'no sync can hold a folder: remove it and run again',
        cause: error,
      });
    }
    throw error;
  }
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return {
      pid: value.pid,
      host: value.host,
      trigger: String(value.trigger ?? 'unknown'),
      startedAt: String(value.startedAt ?? ''),
      token: String(value.token ?? ''),
    };
  } catch {
    // A lock file cut short by a crash while being written.
    return null;
  }
}

function startHolding(path: string, holder: LockHolder): HeldLock {
  const timer = setInterval(() => {
    const t = new Date();
    fs.utimes(path, t, t).catch(() => undefined);
  }, REFRESH_EVERY_MS);
  timer.unref();
  return {
    holder,
    async release() {
      clearInterval(timer);
      const here = { host: holder.host, isPidAlive };
      // Never delete a lock that was taken over by another process after ours went stale; the
      // check and the delete happen under the takeover guard so no takeover slips in between.
      for (let attempt = 0; attempt < 200; attempt++) {
        const outcome = await withTakeoverGuard(path, here, async () => {
          const current = await readHolder(path);
          if (current?.holder?.token === holder.token) await fs.rm(path, { force: true });
        });
        if (outcome !== 'busy') return;
        await pause(TAKEOVER_RETRY_MS);
      }
    },
  };
}

export async function readLock(home: string): Promise<LockHolder | null> {
  return (await readHolder(join(home, LOCK_FILE)))?.holder ?? null;
}
