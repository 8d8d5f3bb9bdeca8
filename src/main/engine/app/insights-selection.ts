import type { AccountKey, ReportAccount } from '../../../shared/insights';
import { isNetwork } from '../../../shared/networks';
import type { Settings } from '../../../shared/settings-schema';
import type { AccountFacts } from '../analytics/daily-facts';
import type { LakeFacts } from '../derived/lake-facts-store';
import { AppError } from '../errors';

/** What every analytics use case is given: the settings and the lake's facts (derived store). */
export interface InsightsServices {
  settings: Settings;
  facts: () => Promise<LakeFacts>;
  /** The home folder, where events.json and goals.json live. */
  home: string;
  /** The lake folder, for the company_events mirror. */
  lakeDir: string;
  now: () => Date;
}

export interface SelectedAccount {
  account: ReportAccount;
  facts: AccountFacts;
}

const KEY_RE = /^([a-z]+):([A-Za-z0-9_.-]{1,64})$/;

/** `linkedin:2414183` → its parts; a one-line usage error otherwise. */
export function parseAccountKey(key: string): { network: ReportAccount['network']; accountId: string } {
  const m = KEY_RE.exec(key.trim());
  if (!m || !isNetwork(m[1])) {
    throw new AppError('USAGE', `Not an account: ${JSON.stringify(key)}`, { hint: 'write it as NETWORK:ID, e.g. linkedin:2414183' });
  }
  return { network: m[1], accountId: m[2] };
}

function nameOf(settings: Settings, lake: LakeFacts, network: string, accountId: string): string {
  const configured = settings.accounts.find((a) => a.network === network && a.id === accountId)?.name;
  return configured || lake.names.get(`${network}:${accountId}`) || accountId;
}

/**
 * The accounts a request is about: the listed ones (each must have data in the lake), or every
 * account the lake has data for — also pages another machine synced into a shared lake.
 */
export function selectAccounts(settings: Settings, lake: LakeFacts, keys?: readonly AccountKey[]): SelectedAccount[] {
  const wanted = keys && keys.length > 0 ? [...new Set(keys.map((k) => k.trim()))] : [...lake.accounts.keys()];
  return wanted.map((key) => {
    const { network, accountId } = parseAccountKey(key);
    const facts = lake.accounts.get(`${network}:${accountId}`);
    if (!facts) {
      throw new AppError('USAGE', `No data for ${network}:${accountId} in the local data folder`, {
        hint: 'check the id with: follower-pulse status, or sync the page first',
      });
    }
    return { account: { network, accountId, name: nameOf(settings, lake, network, accountId) }, facts };
  });
}

export function noDataError(): AppError {
  return new AppError('USAGE', 'The local data folder has no follower data yet', { hint: 'run: follower-pulse sync (or import history with follower-pulse import)' });
}
