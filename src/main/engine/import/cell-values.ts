import { addDays, isDay, type Day } from '../dates';
import { problemOf, type CellValue, type Problem } from './import-types';

/**
 * Reading one cell as a day or a count, the way spreadsheets write them: ISO days, DD/MM/YYYY
 * (Brazil) or MM/DD/YYYY (LinkedIn's English export), Excel serial dates, thousands separators
 * and pandas' `12.0` for an integer column that held a NaN.
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export type DateOrder = 'dmy' | 'mdy';

// Excel's day 0 is 1899-12-30 for every serial after its fictitious 1900-02-29 (serial 60).
const EXCEL_EPOCH: Day = '1899-12-30';
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465; // 9999-12-31

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/;
const SLASHED_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/;
const SERIAL_RE = /^\d{2,7}(?:\.\d+)?$/;

function show(cell: CellValue): string {
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function ymd(year: string | number, month: string | number, day: string | number): Day {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function excelSerialToDay(serial: number): Day | null {
  const whole = Math.floor(serial);
  if (whole < MIN_SERIAL || whole > MAX_SERIAL) return null;
  return addDays(EXCEL_EPOCH, whole);
}

function impossible(cell: CellValue): CellResult<Day> {
  return { ok: false, problem: problemOf('impossibleDate', { value: show(cell) }) };
}

function dayFromText(text: string, order: DateOrder, cell: CellValue): CellResult<Day> {
  const iso = ISO_RE.exec(text);
  if (iso) {
    const day = ymd(iso[1], iso[2], iso[3]);
    return isDay(day) ? { ok: true, value: day } : impossible(cell);
  }
  const slashed = SLASHED_RE.exec(text);
  if (slashed) {
    const [first, second, year] = [slashed[1], slashed[2], slashed[3]];
    const day = order === 'dmy' ? ymd(year, second, first) : ymd(year, first, second);
    return isDay(day) ? { ok: true, value: day } : impossible(cell);
  }
  if (SERIAL_RE.test(text)) return dayFromSerial(Number(text), cell);
  return { ok: false, problem: problemOf('notADate', { value: show(cell) }) };
}

function dayFromSerial(serial: number, cell: CellValue): CellResult<Day> {
  const day = excelSerialToDay(serial);
  return day ? { ok: true, value: day } : { ok: false, problem: problemOf('serialOutOfRange', { value: show(cell) }) };
}

/** A cell as a UTC day. Dates from XLSX are taken at their UTC calendar day, as the reader builds them. */
export function parseDayCell(cell: CellValue, order: DateOrder = 'dmy'): CellResult<Day> {
  if (cell === null || cell === '') return { ok: false, problem: problemOf('emptyDate') };
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? impossible(cell) : { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') return dayFromSerial(cell, cell);
  if (typeof cell === 'boolean') return { ok: false, problem: problemOf('notADate', { value: show(cell) }) };
  return dayFromText(cell.trim(), order, cell);
}

/**
 * Which of DD/MM and MM/DD a column uses, decided once per file: a first part above 12 can
 * only be a day, a second part above 12 only a month. When nothing tells, `fallback`.
 */
export function chooseDateOrder(cells: readonly CellValue[], fallback: DateOrder): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const m = SLASHED_RE.exec(cell.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  return fallback;
}

const SPACES_RE = /[\s\u00a0\u202f']/g;

function integerText(text: string, decimalComma: boolean): number | null {
  const [thousands, decimal] = decimalComma ? ['.', ','] : [',', '.'];
  const t = `\\${thousands}`;
  const d = `\\${decimal}`;
  const plain = new RegExp(`^[-+]?\\d+(?:${d}0+)?$`);
  const grouped = new RegExp(`^[-+]?\\d{1,3}(?:${t}\\d{3})+(?:${d}0+)?$`);
  if (!plain.test(text) && !grouped.test(text)) return null;
  const digits = text.split(decimal)[0].replaceAll(thousands, '');
  return Number(digits);
}

/** A cell as a whole number; empty is null (no value), anything fractional or textual a problem. */
export function parseCountCell(cell: CellValue, decimalComma: boolean): CellResult<number | null> {
  if (cell === null) return { ok: true, value: null };
  if (cell instanceof Date || typeof cell === 'boolean') return { ok: false, problem: problemOf('notANumber', { value: show(cell) }) };
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) return { ok: false, problem: problemOf('notWholeNumber', { value: show(cell) }) };
    return { ok: true, value: cell === 0 ? 0 : cell };
  }
  const text = cell.replace(SPACES_RE, '');
  if (text === '' || text.toLowerCase() === 'nan') return { ok: true, value: null };
  const value = integerText(text, decimalComma);
  if (value === null || !Number.isSafeInteger(value)) return { ok: false, problem: problemOf('notWholeNumber', { value: show(cell) }) };
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A header as compared: lower case, accents and punctuation gone (`Ganhos … orgânicos` ≈ `ganhos … organicos`). */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The index of the first header matching one of `names` (already normalised), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const normalized = header.map(normalizeHeader);
  for (const name of names) {
    const index = normalized.indexOf(name);
    if (index !== -1) return index;
  }
  return -1;
}
