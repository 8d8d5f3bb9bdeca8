/**
 * RFC 4180 CSV, as the lake stores it (contract §6): UTF-8, a header row, `\n` line ends and a
 * trailing newline. Pure: no I/O, so every byte the lake writes can be pinned by a unit test.
 * Kept hand-written rather than on csv-parse/csv-stringify (which the imports use): on the
 * lake's files they read 5–15× and write 2.4× slower (`npm run bench:sync`, last table).
 */

export type CsvField = string | number | null;

/** Thrown by `parseCsv` for text that is not CSV; `line` is 1-based. */
export class CsvSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

// Leading/trailing spaces are quoted too: some readers (Excel, LazySimpleSerDe users' own
// tools) trim unquoted fields, and a name like " Acme" must survive a round trip.
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function fieldText(value: CsvField): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to CSV`);
    return String(value);
  }
  return value;
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function encodeMinimal(value: CsvField): string {
  const text = fieldText(value);
  return NEEDS_QUOTES.test(text) ? quote(text) : text;
}

function encodeAlwaysQuoted(value: CsvField): string {
  return quote(fieldText(value));
}

function encodeLines(
  header: readonly string[],
  rows: readonly (readonly CsvField[])[],
  encodeField: (value: CsvField) => string,
): string {
  const lines = [header, ...rows].map((row, index) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${index} has ${row.length} fields, the header has ${header.length}`);
    }
    return row.map(encodeField).join(',');
  });
  return lines.join('\n') + '\n';
}

/** Quotes a field only when it must: the form Athena's LazySimpleSerDe reads for fact tables. */
export function encodeCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  return encodeLines(header, rows, encodeMinimal);
}

/**
 * Quotes every field, header included: the form Athena's OpenCSVSerDe expects for the
 * dimension tables (`accounts`, `company_events`), whose free text may hold commas.
 */
export function encodeQuotedCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  return encodeLines(header, rows, encodeAlwaysQuoted);
}

interface ParseState {
  rows: string[][];
  row: string[];
  field: string;
  line: number;
  /** Whether the current row has begun, so text without a final newline still ends a row. */
  open: boolean;
}

function endField(state: ParseState): void {
  state.row.push(state.field);
  state.field = '';
  state.open = true;
}

function endRow(state: ParseState): void {
  endField(state);
  state.rows.push(state.row);
  state.row = [];
  state.open = false;
  state.line += 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text[i] === '\n') n++;
  return n;
}

/** Reads a quoted field starting at its opening quote; returns the index after the closing one. */
function readQuoted(text: string, start: number, state: ParseState): number {
  const startLine = state.line;
  let i = start + 1;
  for (;;) {
    const next = text.indexOf('"', i);
    if (next === -1) throw new CsvSyntaxError('Unterminated quoted field', startLine);
    state.field += text.slice(i, next);
    state.line += countNewlines(text, i, next);
    if (text[next + 1] !== '"') return checkAfterClosingQuote(text, next + 1, state);
    state.field += '"';
    i = next + 2;
  }
}

function checkAfterClosingQuote(text: string, index: number, state: ParseState): number {
  if (index < text.length && !isDelimiter(text[index])) {
    throw new CsvSyntaxError('Unexpected text after a closing quote', state.line);
  }
  return index;
}

/** Reads an unquoted field; returns the index of the delimiter (or end of text) after it. */
function readUnquoted(text: string, start: number, state: ParseState): number {
  let end = start;
  while (end < text.length && !isDelimiter(text[end])) end++;
  const value = text.slice(start, end);
  if (value.includes('"')) throw new CsvSyntaxError('A quote inside an unquoted field', state.line);
  state.field = value;
  return end;
}

function isDelimiter(char: string | undefined): boolean {
  return char === ',' || char === '\n' || char === '\r';
}

/**
 * Parses RFC 4180 text into rows of fields. Accepts a UTF-8 BOM, CRLF or LF line ends and a
 * missing final newline; a final newline does not make an empty last row.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const state: ParseState = { rows: [], row: [], field: '', line: 1, open: false };
  let i = 0;
  while (i < body.length) {
    state.open = true;
    i = body[i] === '"' ? readQuoted(body, i, state) : readUnquoted(body, i, state);
    const delimiter = body[i];
    if (delimiter === ',') {
      endField(state);
      i += 1;
    } else if (delimiter !== undefined) {
      endRow(state);
      i += delimiter === '\r' && body[i + 1] === '\n' ? 2 : 1;
    }
  }
  if (state.open) endRow(state);
  return state.rows;
}
