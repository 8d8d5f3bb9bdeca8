import { redactor } from '../engine/log/redactor';

/** Where the CLI writes. Everything printed passes the redactor: a token never reaches a terminal. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  json(value: unknown): void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  isTTY: boolean;
}

export function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${redactor.redact(line)}\n`),
    err: (line) => process.stderr.write(`${redactor.redact(line)}\n`),
    json: (value) => process.stdout.write(`${redactor.redact(JSON.stringify(value, null, 2))}\n`),
    stdin: process.stdin,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
