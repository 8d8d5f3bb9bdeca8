import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from './redactor';

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

type Level = 'INFO' | 'WARN' | 'ERROR';

export const LOG_FILE = 'follower-pulse.log';

export interface FileLoggerOptions {
  dir: string;
  redactor: Redactor;
  maxBytes?: number;
  /** Files kept in all, the current one included: follower-pulse.log, .1 … .(maxFiles-1). */
  maxFiles?: number;
  /** For tests; log timestamps are always the real clock, never FOLLOWER_PULSE_NOW. */
  clock?: () => Date;
  /**
   * Told once, with a one-line message naming the file, when the log cannot be written: the
   * sync goes on, but a person running it should know the log they may need is missing.
   */
  onUnwritable?: (message: string) => void;
}

/** A logger that drops everything, for code paths and tests that need none. */
export const nullLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * One line per event, `<ISO time> <LEVEL> <event> <JSON fields>`, the whole line redacted.
 * Appends are synchronous so that a killed process loses at most the line being written, and
 * a failure to log (full disk, deleted folder) is swallowed: logging must never fail a sync.
 */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { dir, redactor, maxBytes = 1_000_000, maxFiles = 5, clock = () => new Date(), onUnwritable } = options;
  const file = path.join(dir, LOG_FILE);
  let warned = false;
  const write = (level: Level, event: string, fields?: LogFields): void => {
    try {
      const line = `${redactor.redact(formatLine(clock(), level, event, fields))}\n`;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (wouldExceed(file, Buffer.byteLength(line), maxBytes)) rotate(file, maxFiles);
      appendFileSync(file, line, { encoding: 'utf8', mode: 0o600 });
    } catch (error) {
      // The sync itself must go on; say it once to whoever can still hear.
      if (!warned && onUnwritable) {
        warned = true;
        const reason = error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error);
        onUnwritable(`Warning: could not write the log file ${file} (${reason}); this run goes on without a log — check that ${dir} is a writable folder`);
      }
    }
  };
  return {
    info: (event, fields) => write('INFO', event, fields),
    warn: (event, fields) => write('WARN', event, fields),
    error: (event, fields) => write('ERROR', event, fields),
  };
}

/** Pure formatting of one log line (without the newline and before redaction). */
export function formatLine(time: Date, level: Level, event: string, fields?: LogFields): string {
  // A newline in an event name would forge a second log line.
  const head = `${time.toISOString()} ${level} ${event.replace(/\s+/g, '_')}`;
  if (fields === undefined || Object.keys(fields).length === 0) return head;
  return `${head} ${stringifyFields(fields)}`;
}

function stringifyFields(fields: LogFields): string {
  try {
    return JSON.stringify(fields, jsonReplacer);
  } catch {
    return '{"unserializable":true}';
  }
}

// Errors stringify to {} by default, which would hide exactly what a log is for.
function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

// Stat every time rather than tracking a size: the tray app and a scheduled CLI run may both
// append to the same file.
function wouldExceed(file: string, lineBytes: number, maxBytes: number): boolean {
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  return size > 0 && size + lineBytes > maxBytes;
}

/** follower-pulse.log → .1 → … → .(maxFiles-1); the oldest falls off the end. */
function rotate(file: string, maxFiles: number): void {
  const keep = Math.max(1, Math.floor(maxFiles));
  try {
    if (keep === 1) return rmSync(file, { force: true });
    rmSync(`${file}.${keep - 1}`, { force: true });
    for (let i = keep - 2; i >= 1; i--) renameIfExists(`${file}.${i}`, `${file}.${i + 1}`);
    renameIfExists(file, `${file}.1`);
  } catch {
    // A file we cannot rotate (locked on Windows) is still worth appending to.
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    // Another process may have rotated first.
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}
