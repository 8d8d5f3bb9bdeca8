import { parse } from 'csv-parse/sync';
import type { RawTable } from './import-types';

/**
 * A CSV file as a header and rows. The delimiter is whichever of `;` and `,` the header line
 * holds more of: Brazilian Excel writes `;` (and decimal commas), everything else `,`.
 */

export class CsvReadError extends Error {
  /** The parser's own words, e.g. "Invalid Closing Quote … at line 3". */
  readonly detail: string;

  constructor(detail: string) {
    super(`the file is not valid CSV: ${detail}`);
    this.detail = detail;
  }
}

export function detectDelimiter(text: string): ',' | ';' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  const count = (char: string): number => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

interface InfoRecord {
  record: string[];
  info: { lines: number };
}

/** @throws CsvReadError naming the line for text that is not CSV (an unclosed quote, say). */
export function readCsvTable(text: string): RawTable {
  const delimiter = detectDelimiter(text);
  let records: InfoRecord[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as InfoRecord[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CsvReadError(message);
  }
  const [header, ...rows] = records;
  return {
    header: header?.record ?? [],
    rows: rows.map(({ record, info }) => ({ line: info.lines, cells: record })),
    decimalComma: delimiter === ';',
  };
}
