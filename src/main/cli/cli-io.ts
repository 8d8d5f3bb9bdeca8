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

let stdoutWrite: ((text: string) => void) | undefined;
let stderrWrite: ((text: string) => void) | undefined;

export function processIo(): CliIo {
  const toStdout = (stdoutWrite ??= quietWhenClosed(process.stdout));
  const toStderr = (stderrWrite ??= quietWhenClosed(process.stderr));
  return {
    out: (line) => toStdout(`${redactor.redact(line)}\n`),
    err: (line) => toStderr(`${redactor.redact(line)}\n`),
    json: (value) => toStdout(`${redactor.redact(JSON.stringify(value, null, 2))}\n`),
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
