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
  reason: string;
}

export interface ImportFileSummary {
  name: string;
  format: ImportFormatName;
  rowsRead: number;
  warnings: string[];
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
