import { importReasonText, type ImportNoteDto, type ImportReasonCode, type ImportReasonParams, type ImportRejectionDto } from '../../../shared/imports';
import type { Day } from '../dates';

/** The file shapes `follower-pulse import` reads (contract §3). */
export const IMPORT_FORMATS = ['generic', 'linkedin-export', 'prototype'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function isImportFormat(value: unknown): value is ImportFormat {
  return typeof value === 'string' && (IMPORT_FORMATS as readonly string[]).includes(value);
}

/** A cell as a file gives it: CSV cells are text, XLSX cells may be numbers or dates. */
export type CellValue = string | number | boolean | Date | null;

/** One data line of a file; `line` is 1-based in the file (the header is line 1 for CSV). */
export interface TableRow {
  line: number;
  cells: CellValue[];
}

/** A file (or one XLSX sheet) read into a header and rows, before any meaning is given to them. */
export interface RawTable {
  header: string[];
  rows: TableRow[];
  /** `;` tables come from Brazilian Excel, which writes decimal commas. */
  decimalComma: boolean;
  /** The XLSX sheet, when the table is one. */
  sheet?: string;
}

/** Which column holds what, for the generic format; names as in the header. */
export interface ColumnMapping {
  day?: string;
  followers?: string;
  organic?: string;
  paid?: string;
  gain?: string;
}

/** A day's gains as read from a file, before the account and the import time are attached. */
export interface GainDraft {
  day: Day;
  organicGain: number;
  paidGain: number | null;
  line: number;
  file: string;
}

/** A day's follower count as read from a file. */
export interface TotalDraft {
  day: Day;
  followers: number;
  line: number;
  file: string;
}

/** What is wrong (or worth knowing), as a code the UI translates and parameters. */
export interface Problem {
  code: ImportReasonCode;
  params: ImportReasonParams;
}

export function problemOf(code: ImportReasonCode, params: ImportReasonParams = {}): Problem {
  return { code, params };
}

/** Why a line (or the whole file, line null) cannot be imported; `reason` is the English text. */
export type ImportRejection = ImportRejectionDto;

export function rejectionOf(file: string, line: number | null, problem: Problem): ImportRejection {
  return { file, line, reason: importReasonText(problem.code, problem.params), code: problem.code, params: problem.params };
}

export function noteOf(problem: Problem): ImportNoteDto {
  return { text: importReasonText(problem.code, problem.params), code: problem.code, params: problem.params };
}

/** What one parser made of one file: every good row and a reason for every bad one. */
export interface ParsedFile {
  file: string;
  format: ImportFormat;
  /** Data lines read (header excluded). */
  rowsRead: number;
  gains: GainDraft[];
  totals: TotalDraft[];
  rejections: ImportRejection[];
  warnings: ImportNoteDto[];
  /** Generic tables: which header each role was read from. */
  columns?: ColumnMapping;
  /** The account the file names itself (the prototype's organizationalEntity), when it does. */
  accountId: string | null;
}

export interface ParseContext {
  file: string;
  /** Days after this are refused: a follower count from the future is a typo. */
  today: Day;
}
