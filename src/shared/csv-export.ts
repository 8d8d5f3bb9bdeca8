/**
 * CSV for the charts' "export" buttons (issue 12 item 6), safe to open in Excel: a text cell
 * that starts with `=`, `+`, `-`, `@` (or a tab / carriage return, which Excel strips before
 * looking) would be run as a formula, so it gets a leading `'`. Numbers are written as
 * numbers, negative ones included: `-4` is a loss of four followers, not a formula.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: a header line, then one line per row, CRLF between lines. */
export function encodeCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [columns, ...rows].map((row) => row.map(escapeCsvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
