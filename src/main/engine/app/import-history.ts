import {
  MAX_LISTED_REJECTIONS,
  PREVIEW_ROWS,
  type ImportFormatName,
  type ImportMappingDto,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportResult,
} from '../../../shared/imports';
import { isNetwork, NETWORKS, type Network } from '../../../shared/networks';
import type { Settings } from '../../../shared/settings-schema';
import { utcDay } from '../dates';
import { AppError } from '../errors';
import { combineParsedFiles, toGainRows, toTotalRows, type CombinedImport } from '../import/combine-drafts';
import { parseImportFile, type ImportFileInput } from '../import/parse-import-file';
import { problemOf, rejectionOf, type ParsedFile } from '../import/import-types';
import { isSafeAccountId } from '../lake/lake-layout';
import { gainRowProblem, totalRowProblem } from '../lake/lake-rows';
import { emptyLakeWriteResult, mergeLakeWriteResults, type LocalLake } from '../lake/local-lake';
import { acquireLock } from '../lock/lake-lock';
import { findSource } from '../sources/registry';
import { markForDelivery } from '../lake/s3-delivery-ledger';
import { StateStore } from '../settings/state-store';

/**
 * `follower-pulse import` and the UI's import view: reads files into `import` rows, validates
 * every line, and writes the whole import or nothing into the lake's `source=import` month
 * files (contract §6), holding the sync lock like every writer. Re-importing the same file
 * changes nothing: the lake keeps a day whose numbers did not change, bytes and mtime alike.
 *
 * An account that is not among the tracked pages may be imported (history of a page tracked
 * later, or on another machine); it is not added to the settings, and the result says so.
 */

export interface ImportRequest {
  files: readonly ImportFileInput[];
  network: string;
  /** The page id (LinkedIn also `urn:li:organization:ID`); null to take it from the prototype's files. */
  accountId: string | null;
  format: ImportFormatName | 'auto';
  mapping: ImportMappingDto;
}

export interface ImportDeps {
  settings: Settings;
  lake: LocalLake;
  /** The home folder holding `sync.lock`. */
  home: string;
  now: Date;
  /** Recorded in the lock. */
  trigger: 'cli' | 'ui';
}

interface Prepared {
  network: Network;
  accountId: string;
  parsed: ParsedFile[];
  combined: CombinedImport;
  preview: ImportPreview;
}

function checkNetwork(network: string): Network {
  if (isNetwork(network)) return network;
  throw new AppError('USAGE', `Unknown network: ${JSON.stringify(network.slice(0, 40))}`, { hint: `use one of ${NETWORKS.join(', ')}` });
}

/** A network with a source validates ids its own way; history of any other network only needs a safe file-name id. */
function normalizeAccountId(network: Network, accountId: string | null): string | null {
  if (accountId === null) return null;
  const source = findSource(network);
  if (source) return source.normalizeAccountId(accountId);
  const id = accountId.trim();
  if (!isSafeAccountId(id)) {
    throw new AppError('USAGE', `Not a ${network} account id: ${JSON.stringify(accountId.slice(0, 70))}`, { hint: 'expected letters, digits, _ . - (up to 64)' });
  }
  return id;
}

function resolveAccountId(requested: string | null, parsed: readonly ParsedFile[]): string {
  if (requested !== null) return requested;
  const named = [...new Set(parsed.map((f) => f.accountId).filter((id): id is string => id !== null))];
  if (named.length === 1) return named[0];
  if (named.length > 1) throw new AppError('USAGE', `The files are for several pages (${named.slice(0, 5).join(', ')})`, { hint: 'import one page at a time with --account ID' });
  throw new AppError('USAGE', 'Which account is this history for?', { hint: 'name it with --account ID' });
}

function previewRows(combined: CombinedImport): ImportPreviewRow[] {
  const byDay = new Map<string, ImportPreviewRow>();
  const rowFor = (day: string): ImportPreviewRow => {
    const row = byDay.get(day) ?? { day, organic: null, paid: null, total: null, followers: null };
    byDay.set(day, row);
    return row;
  };
  for (const g of combined.gains) Object.assign(rowFor(g.day), { organic: g.organicGain, paid: g.paidGain, total: g.organicGain + (g.paidGain ?? 0) });
  for (const t of combined.totals) rowFor(t.day).followers = t.followers;
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)).slice(0, PREVIEW_ROWS);
}

function dayBounds(combined: CombinedImport): { firstDay: string | null; lastDay: string | null } {
  const days = [...combined.gains.map((g) => g.day), ...combined.totals.map((t) => t.day)].sort();
  return { firstDay: days[0] ?? null, lastDay: days[days.length - 1] ?? null };
}

async function prepare(request: ImportRequest, deps: ImportDeps): Promise<Prepared> {
  const network = checkNetwork(request.network);
  const requestedId = normalizeAccountId(network, request.accountId);
  if (request.files.length === 0) throw new AppError('USAGE', 'No file to import', { hint: 'name a file, a folder or an s3:// prefix' });
  const options = { format: request.format, mapping: request.mapping, today: utcDay(deps.now), accountId: requestedId };
  const parsed: ParsedFile[] = [];
  for (const file of request.files) parsed.push(await parseImportFile(file, options));
  const accountId = normalizeAccountId(network, resolveAccountId(requestedId, parsed))!;
  const combined = combineParsedFiles(parsed);
  const apiDays = new Set((await deps.lake.readGains(network, accountId, 'api')).map((r) => r.day));
  const importDays = new Set([...combined.gains.map((g) => g.day)]);
  const hasRows = combined.gains.length + combined.totals.length > 0;
  const preview: ImportPreview = {
    network,
    accountId,
    format: parsed[0]?.format ?? 'generic',
    files: parsed.map((f) => ({ name: f.file, format: f.format, rowsRead: f.rowsRead, warnings: f.warnings, ...(f.columns ? { columns: f.columns } : {}) })),
    rowsRead: combined.rowsRead,
    gainDays: combined.gains.length,
    totalDays: combined.totals.length,
    ...dayBounds(combined),
    daysAlreadyFromApi: [...importDays].filter((d) => apiDays.has(d)).length,
    rows: previewRows(combined),
    rejectedCount: combined.rejections.length,
    rejections: combined.rejections.slice(0, MAX_LISTED_REJECTIONS),
    accountTracked: deps.settings.accounts.some((a) => a.network === network && a.id === accountId),
    committable: combined.rejections.length === 0 && hasRows,
  };
  if (combined.rejections.length === 0 && !hasRows) {
    preview.rejections = [rejectionOf(parsed[0]?.file ?? '', null, problemOf('nothingToImport'))];
    preview.rejectedCount = 1;
  }
  return { network, accountId, parsed, combined, preview };
}

/** What an import would do, without the lock and without writing. */
export async function previewImport(request: ImportRequest, deps: ImportDeps): Promise<ImportPreview> {
  return (await prepare(request, deps)).preview;
}

function notWritten(preview: ImportPreview, dryRun: boolean): ImportResult {
  return { ...preview, committed: false, dryRun, filesWritten: [], daysWritten: 0 };
}

/**
 * Validates every line of every file and, when none is rejected, merges the rows into the
 * lake's import files while holding the sync lock. One rejection anywhere writes nothing.
 * @throws AppError USAGE (bad network/account), LOCK_HELD, LAKE_WRITE_FAILED.
 */
export async function commitImport(request: ImportRequest, deps: ImportDeps, options: { dryRun?: boolean } = {}): Promise<ImportResult> {
  const prepared = await prepare(request, deps);
  if (!prepared.preview.committable || options.dryRun) return notWritten(prepared.preview, options.dryRun === true);
  const identity = { network: prepared.network, accountId: prepared.accountId, fetchedAt: deps.now.toISOString() };
  const gains = toGainRows(prepared.combined.gains, identity);
  const totals = toTotalRows(prepared.combined.totals, identity);
  // The lake checks rows again before writing; checking both tables first means a bad row
  // can never leave the gains written and the totals not.
  const problem = gains.map(gainRowProblem).find(Boolean) ?? totals.map(totalRowProblem).find(Boolean);
  if (problem) throw new AppError('INTERNAL', `An import row failed the lake's check: ${problem}`);
  const lock = await acquireLock(deps.home, { trigger: deps.trigger });
  try {
    let written = emptyLakeWriteResult();
    if (gains.length > 0) written = mergeLakeWriteResults(written, await deps.lake.mergeGains(gains));
    if (totals.length > 0) written = mergeLakeWriteResults(written, await deps.lake.mergeTotals(totals));
    // A sync delivers only what it wrote itself: tell the next one about these files.
    await markForDelivery(new StateStore(deps.home), deps.settings.s3, written.filesWritten);
    return { ...prepared.preview, committed: true, dryRun: false, filesWritten: written.filesWritten.sort(), daysWritten: written.daysWritten.length };
  } finally {
    await lock.release();
  }
}
