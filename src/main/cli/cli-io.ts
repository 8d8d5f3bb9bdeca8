import { redactor } from '../engine/log/redactor';

/** Where the CLI writes. Everything printed passes the redactor: a token never reaches a terminal. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  json(value: unknown): void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  isTTY: boolean;
}

/**
 * A reader that went away (`status | head -1`) is not an error of ours: the command finishes
 * quietly instead of dying with an EPIPE stack trace, and later writes go nowhere.
 */
function quietWhenClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}

/**
 * Indented JSON whose lists of plain values (days, ids) stay on one line: a year's backfill
 * prints one line of days, not 363. Parses back to exactly what JSON.stringify gives.
 */
export function formatJson(value: unknown): string {
  const plain: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  return format(plain, '');
}

function format(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + format(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

let stdoutWrite: ((text: string) => void) | undefined;
let stderrWrite: ((text: string) => void) | undefined;

export function processIo(): CliIo {
  const toStdout = (stdoutWrite ??= quietWhenClosed(process.stdout));
  const toStderr = (stderrWrite ??= quietWhenClosed(process.stderr));
  return {
    out: (line) => toStdout(`${redactor.redact(line)}\n`),
    err: (line) => toStderr(`${redactor.redact(line)}\n`),
    json: (value) => toStdout(`${redactor.redact(formatJson(value))}\n`),
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
