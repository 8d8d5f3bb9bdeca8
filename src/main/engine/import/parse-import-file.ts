import type { Day } from '../dates';
import { CsvReadError, readCsvTable } from './csv-table';
import { parseGenericTable } from './generic-csv';
import { noteOf, problemOf, rejectionOf, type ColumnMapping, type ImportFormat, type ParsedFile, type Problem, type RawTable } from './import-types';
import { parseLinkedInExport, recognizeLinkedInExport } from './linkedin-export';
import { parsePrototypeFile, recognizePrototype } from './prototype-file';
import { decodeText, NotTextError } from './text-decoding';
import { looksLikeXlsx, readXlsxTables, XlsxReadError } from './xlsx-tables';

/**
 * One file's bytes → validated drafts and reasons, whatever its format. Nothing here writes:
 * the caller decides whether the whole import is clean enough to commit.
 */

export interface ImportFileInput {
  /** Shown in reasons: the file name, or the S3 key. */
  name: string;
  bytes: Uint8Array;
}

export interface ParseImportOptions {
  format: ImportFormat | 'auto';
  mapping: ColumnMapping;
  today: Day;
  /** The account the user named; the prototype's lines must be for it. */
  accountId: string | null;
}

/** The format a table's header says it is; generic when it is neither of the known exports. */
export function detectFormat(header: readonly string[]): ImportFormat {
  if (recognizePrototype(header)) return 'prototype';
  if (recognizeLinkedInExport(header)) return 'linkedin-export';
  return 'generic';
}

function fileFailure(name: string, format: ImportFormat | 'auto', problem: Problem): ParsedFile {
  return {
    file: name,
    format: format === 'auto' ? 'generic' : format,
    rowsRead: 0,
    gains: [],
    totals: [],
    rejections: [rejectionOf(name, null, problem)],
    warnings: [],
    accountId: null,
  };
}

function parseTable(table: RawTable, name: string, options: ParseImportOptions): ParsedFile {
  const format = options.format === 'auto' ? detectFormat(table.header) : options.format;
  const ctx = { file: name, today: options.today };
  if (table.rows.length === 0) return fileFailure(name, format, problemOf('headerOnly'));
  switch (format) {
    case 'prototype':
      return parsePrototypeFile(table, ctx, options.accountId);
    case 'linkedin-export':
      return parseLinkedInExport(table, ctx);
    case 'generic':
      return parseGenericTable(table, ctx, options.mapping);
  }
}

/** A workbook's sheet to read: the one whose header a known format recognises, else the first with data. */
function chooseSheet(tables: readonly RawTable[], options: ParseImportOptions): RawTable | undefined {
  const wanted = (t: RawTable): boolean => (options.format === 'auto' ? detectFormat(t.header) !== 'generic' : detectFormat(t.header) === options.format);
  return tables.find(wanted) ?? tables.find((t) => t.rows.length > 0) ?? tables[0];
}

async function readTables(input: ImportFileInput): Promise<{ table: RawTable | 'xlsx'; tables?: RawTable[]; warning: string | null }> {
  if (looksLikeXlsx(input.bytes)) return { table: 'xlsx', tables: await readXlsxTables(input.bytes), warning: null };
  const decoded = decodeText(input.bytes);
  return { table: readCsvTable(decoded.text), warning: decoded.warning };
}

export async function parseImportFile(input: ImportFileInput, options: ParseImportOptions): Promise<ParsedFile> {
  if (input.bytes.byteLength === 0) return fileFailure(input.name, options.format, problemOf('emptyFile'));
  if (/\.xls$/i.test(input.name) && !looksLikeXlsx(input.bytes)) {
    return fileFailure(input.name, options.format, problemOf('oldXls'));
  }
  try {
    const read = await readTables(input);
    const table = read.table === 'xlsx' ? chooseSheet(read.tables ?? [], options) : read.table;
    if (!table || table.header.length === 0) return fileFailure(input.name, options.format, problemOf('noTable'));
    const name = table.sheet === undefined ? input.name : `${input.name} [${table.sheet}]`;
    const parsed = parseTable(table, name, options);
    return read.warning ? { ...parsed, warnings: [noteOf(problemOf('guessedEncoding')), ...parsed.warnings] } : parsed;
  } catch (error) {
    if (error instanceof NotTextError) return fileFailure(input.name, options.format, problemOf('notText'));
    if (error instanceof CsvReadError) return fileFailure(input.name, options.format, problemOf('notCsv', { detail: error.detail }));
    if (error instanceof XlsxReadError) return fileFailure(input.name, options.format, problemOf('badWorkbook', { detail: error.detail }));
    throw error;
  }
}
