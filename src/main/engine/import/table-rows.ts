import type { Day } from '../dates';
import { chooseDateOrder, parseCountCell, parseDayCell, type DateOrder } from './cell-values';
import type { IMPORT_COLUMN_NAMES } from '../../../shared/imports';
import { problemOf, rejectionOf, type CellValue, type GainDraft, type ImportRejection, type ParseContext, type Problem, type RawTable, type TableRow, type TotalDraft } from './import-types';

/**
 * Turns a table's rows into gains and totals drafts given which column holds what. Shared by
 * every format: they differ only in how they find their columns. Each bad line gets one
 * reason; a line is never half taken.
 */
export interface ColumnPlan {
  day: number;
  followers?: number;
  organic?: number;
  /** Added to organic (LinkedIn's auto-invited followers are neither organic nor paid; not paid wins). */
  organicExtra?: number;
  paid?: number;
  /** A net gain column: the gain when there is no organic column, a check of organic + paid otherwise. */
  gain?: number;
  /** Default order of DD/MM vs MM/DD when the file's dates do not tell. */
  dateOrder: DateOrder;
}

export interface TableRowsResult {
  gains: GainDraft[];
  totals: TotalDraft[];
  rejections: ImportRejection[];
  rowsRead: number;
}

class LineProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.code);
    this.problem = problem;
  }
}

type ColumnName = (typeof IMPORT_COLUMN_NAMES)[number];

function cell(row: TableRow, index: number | undefined): CellValue {
  if (index === undefined || index < 0) return null;
  const value = row.cells[index];
  return value === undefined ? null : value;
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function count(row: TableRow, index: number | undefined, column: ColumnName, decimalComma: boolean): number | null {
  const result = parseCountCell(cell(row, index), decimalComma);
  if (!result.ok) throw new LineProblem({ ...result.problem, params: { ...result.problem.params, column } });
  return result.value;
}

interface LineValues {
  day: Day;
  followers: number | null;
  organic: number | null;
  paid: number | null;
}

function gainsOf(row: TableRow, plan: ColumnPlan, decimalComma: boolean): { organic: number | null; paid: number | null } {
  const organic = count(row, plan.organic, 'organic', decimalComma);
  const extra = count(row, plan.organicExtra, 'autoInvited', decimalComma);
  const paid = count(row, plan.paid, 'paid', decimalComma);
  const gain = count(row, plan.gain, 'gain', decimalComma);
  if (plan.organic === undefined) {
    if (paid !== null && gain !== null) return { organic: gain - paid, paid };
    return { organic: gain, paid: null };
  }
  if (organic === null) {
    if (paid !== null || extra !== null) throw new LineProblem(problemOf('organicEmpty'));
    return { organic: null, paid: null };
  }
  const total = organic + (extra ?? 0) + (paid ?? 0);
  if (gain !== null && gain !== total) throw new LineProblem(problemOf('gainMismatch', { gain, sum: total }));
  return { organic: organic + (extra ?? 0), paid };
}

function readLine(row: TableRow, plan: ColumnPlan, order: DateOrder, decimalComma: boolean, today: Day): LineValues {
  const day = parseDayCell(cell(row, plan.day), order);
  if (!day.ok) throw new LineProblem(day.problem);
  if (day.value > today) throw new LineProblem(problemOf('futureDay', { day: day.value }));
  const followers = count(row, plan.followers, 'followers', decimalComma);
  if (followers !== null && followers < 0) throw new LineProblem(problemOf('negativeFollowers', { value: followers }));
  const { organic, paid } = gainsOf(row, plan, decimalComma);
  if (followers === null && organic === null) throw new LineProblem(problemOf('noValues', { day: day.value }));
  return { day: day.value, followers, organic, paid };
}

export function readTableRows(table: RawTable, plan: ColumnPlan, ctx: ParseContext): TableRowsResult {
  const rows = table.rows.filter((row) => !row.cells.every(isBlank));
  const order = chooseDateOrder(
    rows.map((row) => cell(row, plan.day)),
    plan.dateOrder,
  );
  const out: TableRowsResult = { gains: [], totals: [], rejections: [], rowsRead: rows.length };
  for (const row of rows) {
    try {
      const values = readLine(row, plan, order, table.decimalComma, ctx.today);
      if (values.organic !== null) {
        out.gains.push({ day: values.day, organicGain: values.organic, paidGain: values.paid, line: row.line, file: ctx.file });
      }
      if (values.followers !== null) out.totals.push({ day: values.day, followers: values.followers, line: row.line, file: ctx.file });
    } catch (error) {
      if (!(error instanceof LineProblem)) throw error;
      out.rejections.push(rejectionOf(ctx.file, row.line, error.problem));
    }
  }
  return out;
}
