import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger, formatLine, LOG_FILE, nullLogger } from '../../src/main/engine/log/logger';
import { Redactor } from '../../src/main/engine/log/redactor';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fp-logs-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = new Date('2026-11-28T07:00:01.123Z');

async function allLogText(): Promise<string> {
  const names = await readdir(dir);
  const texts = await Promise.all(names.map((n) => readFile(path.join(dir, n), 'utf8')));
  return texts.join('');
}

describe('createFileLogger', () => {
  it('writes one line per event: time, level, event, JSON fields', async () => {
    const log = createFileLogger({ dir, redactor: new Redactor(), clock: () => at });
    log.info('sync.start', { trigger: 'cli', accounts: 1 });
    log.warn('linkedin.version', { sunset: '2027-07' });
    log.error('sync.failed', { error: Object.assign(new Error('boom'), { code: 'NETWORK' }) });
    log.info('sync.end');
    const text = await readFile(path.join(dir, LOG_FILE), 'utf8');
    expect(text).toBe(
      [
        '2026-11-28T07:00:01.123Z INFO sync.start {"trigger":"cli","accounts":1}',
        '2026-11-28T07:00:01.123Z WARN linkedin.version {"sunset":"2027-07"}',
        '2026-11-28T07:00:01.123Z ERROR sync.failed {"error":{"name":"Error","message":"boom","code":"NETWORK"}}',
        '2026-11-28T07:00:01.123Z INFO sync.end',
        '',
      ].join('\n'),
    );
  });

  it('creates the log folder on first use', async () => {
    const nested = path.join(dir, 'logs');
    createFileLogger({ dir: nested, redactor: new Redactor() }).info('x');
    expect(await readdir(nested)).toEqual([LOG_FILE]);
  });

  it('rotates .log → .1 → … → .(maxFiles-1) and never exceeds maxBytes per file', async () => {
    const log = createFileLogger({ dir, redactor: new Redactor(), maxBytes: 200, maxFiles: 3, clock: () => at });
    for (let i = 0; i < 40; i++) log.info('tick', { i });
    const names = (await readdir(dir)).sort();
    expect(names).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`]);
    for (const name of names) {
      const text = await readFile(path.join(dir, name), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200);
    }
    // The newest event is in the current file and the files are in order, oldest in .2.
    const current = await readFile(path.join(dir, LOG_FILE), 'utf8');
    expect(current).toContain('{"i":39}');
    const first = (name: string) => readFile(path.join(dir, name), 'utf8').then((t) => Number(/"i":(\d+)/.exec(t)?.[1]));
    expect(await first(`${LOG_FILE}.2`)).toBeLessThan(await first(`${LOG_FILE}.1`));
    expect(await first(`${LOG_FILE}.1`)).toBeLessThan(await first(LOG_FILE));
  });

  it('with maxFiles 1 starts the single file afresh', async () => {
    const log = createFileLogger({ dir, redactor: new Redactor(), maxBytes: 120, maxFiles: 1, clock: () => at });
    for (let i = 0; i < 10; i++) log.info('tick', { i });
    expect(await readdir(dir)).toEqual([LOG_FILE]);
  });

  it('redacts a planted canary secret from every line of every file in the log folder', async () => {
    const canary = 'AQV-canary-7f3e9b2c-SECRET';
    const redactor = new Redactor();
    redactor.register(canary);
    const log = createFileLogger({ dir, redactor, maxBytes: 300, maxFiles: 4 });
    for (let i = 0; i < 10; i++) {
      log.info('request', { url: `https://api.linkedin.com/rest/x?oauth=${canary}`, i });
      log.error('response', { body: `{"access_token":"${canary}"}`, header: `Bearer ${canary}` });
      log.warn(`event-${canary}`, { nested: { deeper: [canary] } });
      log.error('thrown', { error: new Error(`token ${canary} rejected`) });
    }
    const names = await readdir(dir);
    expect(names.length).toBeGreaterThan(1);
    const text = await allLogText();
    expect(text).not.toContain(canary);
    expect(text).not.toContain('canary-7f3e9b2c');
    expect(text).toContain('***');
  });

  it('never throws when the log cannot be written', async () => {
    // A file where the folder should be fails for every user, root included.
    const blocked = path.join(dir, 'not-a-dir');
    await writeFile(blocked, 'x');
    const log = createFileLogger({ dir: blocked, redactor: new Redactor() });
    expect(() => log.error('disk.full', { bytes: 1 })).not.toThrow();
    expect(() => createFileLogger({ dir: path.join(blocked, 'logs'), redactor: new Redactor() }).info('x')).not.toThrow();
  });

  it('survives fields that JSON cannot encode', async () => {
    const log = createFileLogger({ dir, redactor: new Redactor(), clock: () => at });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    log.info('odd', { circular });
    log.info('big', { n: 10n });
    expect(await readFile(path.join(dir, LOG_FILE), 'utf8')).toBe(
      '2026-11-28T07:00:01.123Z INFO odd {"unserializable":true}\n2026-11-28T07:00:01.123Z INFO big {"n":"10"}\n',
    );
  });
});

describe('formatLine / nullLogger', () => {
  it('keeps an event name on one line', () => {
    expect(formatLine(at, 'INFO', 'a\nb c')).toBe('2026-11-28T07:00:01.123Z INFO a_b_c');
  });

  it('nullLogger accepts everything and writes nothing', () => {
    expect(() => nullLogger.error('x', { y: 1 })).not.toThrow();
  });
});
