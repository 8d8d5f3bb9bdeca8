import type { Network } from './networks';

/**
 * History imports (contract §3 `import`), as the CLI's --json and the UI API (`import.preview`,
 * `import.commit`) show them. One implementation (engine/app/import-history.ts) serves both.
 */

export const IMPORT_FORMAT_NAMES = ['generic', 'linkedin-export', 'prototype'] as const;
export type ImportFormatName = (typeof IMPORT_FORMAT_NAMES)[number];

/** Larger files are refused before they are read: a year of daily rows is a few kilobytes. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
/** Rejections listed in a result; the count says how many there were in all. */
export const MAX_LISTED_REJECTIONS = 200;
/** Rows shown in a preview. */
export const PREVIEW_ROWS = 20;

export interface ImportMappingDto {
  day?: string;
  followers?: string;
  organic?: string;
  paid?: string;
  gain?: string;
}

export interface ImportRejectionDto {
  file: string;
  /** 1-based line in the file (XLSX: the sheet's row); null when the whole file is refused. */
  line: number | null;
  /** In English, for the CLI and logs; the UI shows `code` and `params` in its language. */
  reason: string;
  code: ImportReasonCode;
  params: ImportReasonParams;
}

export interface ImportNoteDto {
  text: string;
  code: ImportReasonCode;
  params: ImportReasonParams;
}

export interface ImportFileSummary {
  name: string;
  format: ImportFormatName;
  rowsRead: number;
  warnings: ImportNoteDto[];
  /** Generic tables: the header each role was read from. */
  columns?: ImportMappingDto;
}

export interface ImportPreviewRow {
  day: string;
  organic: number | null;
  paid: number | null;
  total: number | null;
  followers: number | null;
}

export interface ImportPreview {
  network: Network;
  accountId: string;
  /** The format of the (first) file: every file of a folder is detected on its own. */
  format: ImportFormatName;
  files: ImportFileSummary[];
  rowsRead: number;
  /** Days with gains / with a follower count that would be imported. */
  gainDays: number;
  totalDays: number;
  firstDay: string | null;
  lastDay: string | null;
  /** Days the lake already has from the API: those numbers keep winning (contract §6). */
  daysAlreadyFromApi: number;
  rows: ImportPreviewRow[];
  rejectedCount: number;
  rejections: ImportRejectionDto[];
  /** Whether the account is among the tracked pages; an import never adds it. */
  accountTracked: boolean;
  /** True when nothing was rejected and there is something to import. */
  committable: boolean;
}

export interface ImportResult extends ImportPreview {
  /** False when the import was refused (any rejection) or a dry run: nothing was written. */
  committed: boolean;
  dryRun: boolean;
  /** Lake-relative keys of the month files (re)written; empty when every day was already there. */
  filesWritten: string[];
  /** Days added or changed. */
  daysWritten: number;
}

/** `import.preview` / `import.commit`: the file travels as base64 in the JSON request. */
export interface ImportUploadDto {
  fileName: string;
  contentBase64: string;
  network: Network;
  /** Optional for the prototype's files, which name their page. */
  accountId?: string;
  format?: ImportFormatName | 'auto';
  mapping?: ImportMappingDto;
}

/** The longest base64 text of a file of MAX_IMPORT_FILE_BYTES. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
/** An HTTP request carrying such a file, with room for the other fields. */
export const MAX_IMPORT_REQUEST_BYTES = MAX_IMPORT_BASE64_CHARS + 64 * 1024;

/**
 * Why a line or a file cannot be imported, and notes about a file, as codes with parameters:
 * the CLI prints the English text, the UI its own language's (i18n `importView.reasons`).
 * Templates use i18next's `{{param}}` so both sides interpolate the same way.
 */
export const IMPORT_REASONS_EN = {
  emptyDate: 'the date is empty',
  impossibleDate: '{{value}} is not a real date',
  notADate: '{{value}} is not a date (expected YYYY-MM-DD, DD/MM/YYYY or an Excel date)',
  serialOutOfRange: '{{value}} is not a date (as an Excel date number it is out of range)',
  notANumber: '{{column}}: {{value}} is not a number',
  notWholeNumber: '{{column}}: {{value}} is not a whole number',
  futureDay: '{{day}} is in the future',
  negativeFollowers: 'followers {{value}} is negative; a follower count cannot be',
  organicEmpty: 'organic gain is empty while paid gain is not',
  gainMismatch: 'gain {{gain}} is not organic + paid ({{sum}})',
  noValues: '{{day}} has neither followers nor gains',
  otherOrganization: 'the line is for organization {{id}}, not {{expected}}',
  badUrn: 'organizationalEntity {{value}} is not urn:li:organization:ID',
  notPrototype: 'not a prototype follower_stats file: expected the columns {{columns}}',
  notLinkedInExport: "not LinkedIn's follower export: expected the columns {{columns}}",
  mappedColumnMissing: 'column {{column}} ({{option}}) is not in the header; the columns are {{header}}',
  noDayColumn: 'no day column found among {{header}} — name it with --day-column',
  noValueColumn: 'no followers or gains column found among {{header}} — name one with --followers-column, --organic-column or --gain-column',
  emptyFile: 'the file is empty',
  headerOnly: 'the file has a header but no data lines',
  oldXls: 'old Excel .xls files cannot be read: save it as .xlsx or CSV',
  noTable: 'the file holds no table',
  notText: 'the file is not text (it holds NUL bytes): save it as CSV (UTF-8) or XLSX',
  notCsv: 'the file is not valid CSV: {{detail}}',
  badWorkbook: 'the workbook cannot be read ({{detail}}); save it again from Excel as .xlsx, or as CSV',
  duplicateDay: '{{day}} appears again with different numbers ({{values}} here, see {{others}})',
  nothingToImport: 'the file holds no rows to import',
  guessedEncoding: 'the file is not UTF-8; it was read as Windows-1252 (Latin-1) — check accented headers in the preview',
  runningTotals: '"Total followers" holds running follower counts here (every value exceeds the day\'s new followers); they were imported as follower totals',
} as const;

export type ImportReasonCode = keyof typeof IMPORT_REASONS_EN;
export type ImportReasonParams = Record<string, string | number>;
/** Values of a `column` parameter; the UI names them in its language. */
export const IMPORT_COLUMN_NAMES = ['followers', 'organic', 'paid', 'gain', 'autoInvited'] as const;

const COLUMN_LABELS_EN: Record<(typeof IMPORT_COLUMN_NAMES)[number], string> = {
  followers: 'followers',
  organic: 'organic gain',
  paid: 'paid gain',
  gain: 'gain',
  autoInvited: 'auto-invited followers',
};

function paramText(name: string, value: string | number | undefined): string {
  if (name === 'column' && typeof value === 'string' && value in COLUMN_LABELS_EN) return COLUMN_LABELS_EN[value as keyof typeof COLUMN_LABELS_EN];
  return String(value ?? '');
}

export function importReasonText(code: ImportReasonCode, params: ImportReasonParams = {}): string {
  return IMPORT_REASONS_EN[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => paramText(name, params[name]));
}
