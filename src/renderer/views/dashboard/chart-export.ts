import { encodeCsv, type CsvCell } from '../../../shared/csv-export';

export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

function download(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves a chart's data; the BOM makes Excel read the file as UTF-8 (page names with accents). */
export function downloadCsv(table: CsvTable, fileName: string): void {
  const blob = new Blob([`\uFEFF${encodeCsv(table.columns, table.rows)}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  download(url, fileName);
  // After the click has been handled: revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadPng(dataUrl: string, fileName: string): void {
  download(dataUrl, fileName);
}
