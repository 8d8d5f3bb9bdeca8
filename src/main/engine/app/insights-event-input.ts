import type { CompanyEvent, CompanyEventInput } from '../../../shared/insights';
import { isNetwork, type Network } from '../../../shared/networks';
import { isDay } from '../dates';
import { isSafeAccountId } from '../lake/lake-layout';

export const MAX_TITLE_CHARS = 200;
export const MAX_NOTES_CHARS = 2000;
export const MAX_CATEGORY_CHARS = 60;
export const DEFAULT_CATEGORY = 'other';

/** A one-line reason an event input is not acceptable, or the normalised event (without its id). */
export function normaliseEventInput(input: CompanyEventInput): { ok: true; event: Omit<CompanyEvent, 'id'> } | { ok: false; reason: string } {
  const day = input.day?.trim() ?? '';
  if (!isDay(day)) return { ok: false, reason: `day ${JSON.stringify(input.day ?? '')} is not a date (YYYY-MM-DD)` };
  const endDay = input.endDay?.trim() || null;
  if (endDay !== null && !isDay(endDay)) return { ok: false, reason: `end day ${JSON.stringify(endDay)} is not a date (YYYY-MM-DD)` };
  if (endDay !== null && endDay < day) return { ok: false, reason: `end day ${endDay} is before the day ${day}` };
  const title = (input.title ?? '').replace(/\s+/g, ' ').trim();
  if (title === '') return { ok: false, reason: 'the title is empty' };
  if (title.length > MAX_TITLE_CHARS) return { ok: false, reason: `the title is longer than ${MAX_TITLE_CHARS} characters` };
  const category = (input.category ?? '').trim() || DEFAULT_CATEGORY;
  if (category.length > MAX_CATEGORY_CHARS) return { ok: false, reason: `the category is longer than ${MAX_CATEGORY_CHARS} characters` };
  const notes = (input.notes ?? '').trim();
  if (notes.length > MAX_NOTES_CHARS) return { ok: false, reason: `the notes are longer than ${MAX_NOTES_CHARS} characters` };
  let network: Network | null = null;
  const rawNetwork = input.network?.trim() || null;
  if (rawNetwork !== null) {
    if (!isNetwork(rawNetwork)) return { ok: false, reason: `network ${JSON.stringify(rawNetwork)} is not one of linkedin, facebook, instagram, x` };
    network = rawNetwork;
  }
  let accountId: string | null = input.accountId?.trim() || null;
  if (accountId !== null) {
    const colon = accountId.indexOf(':');
    if (colon >= 0) {
      const keyNetwork = accountId.slice(0, colon);
      if (!isNetwork(keyNetwork)) return { ok: false, reason: `account ${JSON.stringify(accountId)} does not start with a known network` };
      if (network !== null && network !== keyNetwork) return { ok: false, reason: `account ${accountId} is not on network ${network}` };
      network = keyNetwork;
      accountId = accountId.slice(colon + 1);
    }
    if (network === null) return { ok: false, reason: `account ${accountId} needs its network: write it as NETWORK:ID, e.g. linkedin:${accountId}` };
    if (!isSafeAccountId(accountId)) return { ok: false, reason: `account id ${JSON.stringify(accountId)} is not a page id` };
  }
  return { ok: true, event: { day, endDay, network, accountId, category, title, notes } };
}
