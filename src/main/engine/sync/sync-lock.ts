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
  await fs.mkdir(home, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(path, holder)) return startHolding(path, holder);
    const existing = await readHolder(path);
    if (existing === undefined) continue; // vanished between our create and read: try again
    const ageMs = Date.now() - existing.mtimeMs;
    if (!isLockStale(existing.holder, ageMs, { host: holder.host, isPidAlive: alive })) {
      throw new AppError('LOCK_HELD', `Another sync is running: ${describeHolder(existing.holder)}`, {
        hint: 'wait for it to finish; a stopped process releases the lock within 5 minutes',
      });
    }
    await fs.rm(path, { force: true });
  }
  throw new AppError('LOCK_HELD', `Could not take the lock ${path}`, { hint: 'try again in a minute' });
}

async function tryCreate(path: string, holder: LockHolder): Promise<boolean> {
  try {
    await fs.writeFile(path, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readHolder(path: string): Promise<{ holder: LockHolder | null; mtimeMs: number } | undefined> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)]);
    return { holder: parseHolder(text), mtimeMs: stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
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
      const current = await readHolder(path);
      // Never delete a lock that was taken over by another process after ours went stale.
      if (current?.holder?.token === holder.token) await fs.rm(path, { force: true });
    },
  };
}

export async function readLock(home: string): Promise<LockHolder | null> {
  return (await readHolder(join(home, LOCK_FILE)))?.holder ?? null;
}
