import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { encodeCsv, parseCsv, type CsvField } from '../../src/main/engine/lake/csv';
import { encodeGains } from '../../src/main/engine/lake/lake-rows';
import { GAINS_COLUMNS } from '../../src/main/engine/lake/lake-layout';
import type { GainRow } from '../../src/main/engine/lake/lake-rows';

/**
 * Issue 8 item 6 asks for csv-parse/csv-stringify for the lake's own CSV unless they are slower
 * on the lake's files. This measures both on what the lake holds: month files of daily rows
 * (31 rows) and a whole year of one account in one text, parse and encode, same output checked.
 */

export interface CodecFigure {
  what: string;
  ours: string;
  library: string;
  ratio: string;
}

function monthRows(days: number): GainRow[] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return { day, network: 'linkedin', accountId: '2414183', organicGain: (i * 7) % 40, paidGain: i % 5, totalGain: ((i * 7) % 40) + (i % 5), source: 'api', fetchedAt: '2026-11-28T10:00:00.000Z' };
  });
}

/** Median microseconds per call of `work`, repeated until about `budgetMs` has passed. */
function timeIt(work: () => unknown, budgetMs = 300): number {
  for (let i = 0; i < 50; i++) work();
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end) {
    const started = performance.now();
    for (let i = 0; i < 20; i++) work();
    samples.push(((performance.now() - started) / 20) * 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

const us = (n: number): string => `${n.toFixed(1)} µs`;

export function csvCodecFigures(): CodecFigure[] {
  const figures: CodecFigure[] = [];
  for (const [label, rows] of [
    ['a month file (31 rows)', monthRows(31)],
    ['a year of one page (365 rows)', monthRows(365)],
  ] as const) {
    const text = encodeGains(rows);
    const fields: CsvField[][] = parseCsv(text).slice(1);
    // Same answer first: a faster wrong parser would prove nothing.
    const libraryRows: string[][] = parse(text, { bom: true });
    if (JSON.stringify(libraryRows) !== JSON.stringify(parseCsv(text))) throw new Error('csv-parse reads the lake differently');
    const libraryText = stringify(fields, { header: true, columns: [...GAINS_COLUMNS], record_delimiter: '\n' });
    if (libraryText !== encodeCsv(GAINS_COLUMNS, fields)) throw new Error('csv-stringify writes the lake differently');

    const oursParse = timeIt(() => parseCsv(text));
    const libParse = timeIt(() => parse(text, { bom: true }));
    figures.push({ what: `parse ${label}`, ours: us(oursParse), library: us(libParse), ratio: `csv-parse takes ${(libParse / oursParse).toFixed(1)}×` });
    const oursEncode = timeIt(() => encodeCsv(GAINS_COLUMNS, fields));
    const libEncode = timeIt(() => stringify(fields, { header: true, columns: [...GAINS_COLUMNS], record_delimiter: '\n' }));
    figures.push({ what: `encode ${label}`, ours: us(oursEncode), library: us(libEncode), ratio: `csv-stringify takes ${(libEncode / oursEncode).toFixed(1)}×` });
  }
  return figures;
}

export function printCodecFigures(figures: readonly CodecFigure[]): void {
  const rows = [['lake CSV codec', 'ours', 'csv-parse / csv-stringify', 'ratio'], ...figures.map((f) => [f.what, f.ours, f.library, f.ratio])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}
