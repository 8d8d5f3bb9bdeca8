import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, isLockStale, LOCK_FILE, readLock } from '../../src/main/engine/lock/lake-lock';
import { raceForLock } from '../support/lock-contenders';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fp-lock-'));
});
afterEach(() => undefined);

describe('sync lock (contract §3)', () => {
  it('is exclusive: a second writer is refused naming the holder', async () => {
    const first = await acquireLock(home, { trigger: 'cli' });
    const content = JSON.parse(await readFile(join(home, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(content).toMatchObject({ pid: process.pid, host: hostname(), trigger: 'cli' });
    await expect(acquireLock(home, { trigger: 'schedule' })).rejects.toMatchObject({
      code: 'LOCK_HELD',
      message: expect.stringContaining(`pid ${process.pid}`) as unknown,
    });
    await first.release();
    const second = await acquireLock(home, { trigger: 'schedule' });
    expect((await readLock(home))?.trigger).toBe('schedule');
    await second.release();
    expect(await readLock(home)).toBeNull();
  });

  it('takes over a lock whose process is dead on this host', async () => {
    await writeFile(join(home, LOCK_FILE), JSON.stringify({ pid: 999_999, host: hostname(), trigger: 'cli', startedAt: '2026-01-01T00:00:00Z', token: 'x' }));
    const lock = await acquireLock(home, { trigger: 'cli', isPidAlive: () => false });
    expect(lock.holder.pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock from another host that was not refreshed for 5 minutes', async () => {
    const path = join(home, LOCK_FILE);
    await writeFile(path, JSON.stringify({ pid: 1, host: 'other-host', trigger: 'schedule', startedAt: '2026-01-01T00:00:00Z', token: 'x' }));
    await expect(acquireLock(home, { trigger: 'cli' })).rejects.toMatchObject({ code: 'LOCK_HELD' });
    const old = new Date(Date.now() - 6 * 60_000);
    await utimes(path, old, old);
    const lock = await acquireLock(home, { trigger: 'cli' });
    await lock.release();
  });

  it('release never deletes a lock another process took over', async () => {
    const lock = await acquireLock(home, { trigger: 'cli' });
    await writeFile(join(home, LOCK_FILE), JSON.stringify({ pid: 2, host: 'other', trigger: 'cli', startedAt: '', token: 'theirs' }));
    await lock.release();
    expect((await readLock(home))?.token).toBe('theirs');
  });

  it('isLockStale: live pid on this host is not stale; garbage is stale after 10 s', () => {
    const here = { host: 'h', isPidAlive: (pid: number) => pid === 1 };
    const holder = { pid: 1, host: 'h', trigger: 'cli', startedAt: '', token: '' };
    expect(isLockStale(holder, 1000, here)).toBe(false);
    expect(isLockStale({ ...holder, pid: 2 }, 1000, here)).toBe(true);
    expect(isLockStale(null, 1000, here)).toBe(false);
    expect(isLockStale(null, 11_000, here)).toBe(true);
  });
});

describe('stale lock takeover under contention (issue 9 item 1)', () => {
  it('with a dead holder and many contenders starting at once, exactly one becomes the writer, every round', async () => {
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      const roundHome = await mkdtemp(join(tmpdir(), 'fp-lock-race-'));
      await writeFile(
        join(roundHome, LOCK_FILE),
        JSON.stringify({ pid: 999_999_999, host: hostname(), trigger: 'cli', startedAt: '2026-01-01T00:00:00Z', token: 'dead' }),
      );
      const answers = await raceForLock(roundHome, 12);
      expect(answers.filter((a) => a.startsWith('error'))).toEqual([]);
      expect({ round, writers: answers.filter((a) => a === 'writer').length }).toEqual({ round, writers: 1 });
      expect(answers.filter((a) => a === 'refused')).toHaveLength(11);
    }
  }, 180_000);
});
