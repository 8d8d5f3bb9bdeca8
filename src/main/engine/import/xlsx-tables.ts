import type { CellValue, RawTable } from './import-types';

/**
 * An XLSX workbook as one table per sheet: the first non-empty row is the header. Numbers and
 * dates keep their types (a date cell arrives as a Date at its UTC calendar day). The reader
 * is loaded on first use, so commands that never see a workbook never load it.
 */

export class XlsxReadError extends Error {
  readonly detail: string;

  constructor(detail: string) {
    super(`the workbook cannot be read (${detail})`);
    this.detail = detail;
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

function headerText(cell: CellValue): string {
  if (cell === null) return '';
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
}

function isEmptyRow(row: readonly CellValue[]): boolean {
  return row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

export async function readXlsxTables(bytes: Uint8Array): Promise<RawTable[]> {
  const { default: readXlsxFile } = await import('read-excel-file/node');
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new XlsxReadError(message);
  }
  return sheets.map(({ sheet, data }) => {
    const rows = data.map((row, index) => ({ line: index + 1, cells: row.map(toCell) }));
    const headerAt = rows.findIndex((row) => !isEmptyRow(row.cells));
    const header = headerAt === -1 ? [] : rows[headerAt].cells.map(headerText);
    return { header, rows: headerAt === -1 ? [] : rows.slice(headerAt + 1), decimalComma: false, sheet };
  });
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  // The reader yields nothing else; anything unexpected is no value rather than "[object Object]".
  return null;
}
