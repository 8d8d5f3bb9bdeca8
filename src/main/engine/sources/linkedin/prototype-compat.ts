import { isDay, type Day } from '../../dates';
import type { Settings } from '../../../../shared/settings-schema';
import { isSafeAccountId } from '../../lake/lake-layout';
import type { GainRow } from '../../lake/lake-rows';
import type { LocalLake } from '../../lake/local-lake';

/**
 * Files in the shape the old Python prototype wrote (`s3.prototypeCompat`), so reports built
 * on them keep working: one file per day, `follower_stats_YYYYMMDD.csv`, written by pandas'
 * `to_csv(index=False)` on Windows — UTF-8 without BOM, CRLF after every line, Portuguese
 * column names.
 *
 * The prototype tracked one page. With one LinkedIn page tracked the keys are exactly its
 * `<prefix>follower_stats_YYYYMMDD.csv`; with several, each page gets its own folder,
 * `<prefix><orgId>/follower_stats_YYYYMMDD.csv`, since one flat folder could not tell them apart.
 * Adding a second page therefore starts the per-page layout; the flat files already uploaded
 * stay where they are (the uploader never deletes).
 */

export const PROTOTYPE_HEADER = 'organizationalEntity,Data,Ganhos de seguidores orgânicos,Ganhos de seguidores patrocinados';
const CRLF = '\r\n';

export interface CompatFile {
  /** Full S3 key (compat prefix included). */
  key: string;
  body: Buffer;
}

export interface CompatAccount {
  orgId: string;
  /** `api` gains rows of this page; other sources are ignored. */
  gains: readonly GainRow[];
}

/** `2026-11-28` → `follower_stats_20261128.csv`. */
export function prototypeFileName(day: Day): string {
  if (!isDay(day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  return `follower_stats_${day.replaceAll('-', '')}.csv`;
}

/** The exact bytes the prototype wrote for one day; a missing paid split is pandas' empty NaN. */
export function encodePrototypeFile(orgId: string, day: Day, organic: number, paid: number | null): Buffer {
  if (!isSafeAccountId(orgId)) throw new RangeError(`Not a usable organization id: ${JSON.stringify(orgId)}`);
  if (!isDay(day)) throw new RangeError(`Not a date (YYYY-MM-DD): ${day}`);
  if (!Number.isSafeInteger(organic) || (paid !== null && !Number.isSafeInteger(paid))) {
    throw new RangeError(`Follower gains must be integers: ${organic}, ${paid}`);
  }
  const row = `urn:li:organization:${orgId},${day},${organic},${paid ?? ''}`;
  return Buffer.from(`${PROTOTYPE_HEADER}${CRLF}${row}${CRLF}`, 'utf8');
}

/** The key of one compat file; `prefix` is already normalised. */
function prototypeKey(prefix: string, orgId: string, day: Day, perAccountFolders: boolean): string {
  return `${prefix}${perAccountFolders ? `${orgId}/` : ''}${prototypeFileName(day)}`;
}

/** Pure: every compat file the given pages' API gains call for, one per page and day. */
export function prototypeCompatFiles(accounts: readonly CompatAccount[], prefix: string): CompatFile[] {
  const perAccountFolders = accounts.length > 1;
  const files: CompatFile[] = [];
  for (const account of accounts) {
    for (const row of account.gains) {
      if (row.source !== 'api' || row.network !== 'linkedin' || row.accountId !== account.orgId) continue;
      files.push({
        key: prototypeKey(prefix, account.orgId, row.day, perAccountFolders),
        body: encodePrototypeFile(account.orgId, row.day, row.organicGain, row.paidGain),
      });
    }
  }
  return files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The tracked LinkedIn pages (enabled or not), each once, in settings order. */
export function compatOrgIds(settings: Pick<Settings, 'accounts'>): string[] {
  const ids = settings.accounts.filter((a) => a.network === 'linkedin').map((a) => a.id);
  return [...new Set(ids)];
}

/** Every compat file the local lake calls for, from its `api` gains of the tracked LinkedIn pages. */
export async function buildPrototypeCompatFiles(lake: LocalLake, orgIds: readonly string[], prefix: string): Promise<CompatFile[]> {
  const accounts: CompatAccount[] = [];
  for (const orgId of orgIds) accounts.push({ orgId, gains: await lake.readGains('linkedin', orgId, 'api') });
  return prototypeCompatFiles(accounts, prefix);
}
