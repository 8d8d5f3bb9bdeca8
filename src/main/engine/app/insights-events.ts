import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompanyEvent, CompanyEventInput, CompanyEventView } from '../../../shared/insights';
import type { AccountFacts } from '../analytics/daily-facts';
import { eventImpact, IMPACT_BASELINE_DAYS, IMPACT_WINDOW_DAYS, type DailyGains } from '../analytics/event-impact';
import { dayNumber } from '../analytics/daily-facts';
import { selectionDay } from '../analytics/selection';
import { AppError } from '../errors';
import { CsvSyntaxError, parseCsv } from '../lake/csv';
import { COMPANY_EVENTS_COLUMNS, COMPANY_EVENTS_KEY } from '../lake/lake-layout';
import { LocalLake } from '../lake/local-lake';
import { acquireLock } from '../lock/lake-lock';
import { markForDelivery } from '../lake/s3-delivery-ledger';
import { StateStore } from '../settings/state-store';
import { normaliseEventInput } from './insights-event-input';
import { EVENTS_FILE, readListFile, writeListFile } from './insights-json-file';

export { EVENTS_FILE };
import type { InsightsServices } from './insights-selection';

function usage(message: string, hint = 'see: follower-pulse events --help'): AppError {
  return new AppError('USAGE', message, { hint });
}

/** The accounts an event concerns: one page, every page of a network, or every page. */
export function eventScope(event: Pick<CompanyEvent, 'network' | 'accountId'>, accounts: ReadonlyMap<string, AccountFacts>): AccountFacts[] {
  return [...accounts.values()].filter((f) => (event.network === null || f.network === event.network) && (event.accountId === null || f.accountId === event.accountId));
}

/** Daily total gains of a selection on the days every account has data, within [from, to]. */
export function completeGains(accounts: readonly AccountFacts[], from: number, to: number): DailyGains {
  const out = new Map<number, number>();
  for (let n = from; n <= to; n++) {
    const day = selectionDay(accounts, n);
    if (day.complete) out.set(n, day.total);
  }
  return out;
}

export function withImpact(events: readonly CompanyEvent[], accounts: ReadonlyMap<string, AccountFacts>): CompanyEventView[] {
  return events.map((event) => {
    const start = dayNumber(event.day);
    const gains = completeGains(eventScope(event, accounts), start - IMPACT_BASELINE_DAYS, start + IMPACT_WINDOW_DAYS - 1);
    return { ...event, impact: eventImpact(event, gains, events.filter((e) => e.id !== event.id)) };
  });
}

function sortEvents(events: CompanyEvent[]): CompanyEvent[] {
  return events.sort((a, b) => a.day.localeCompare(b.day, 'en') || a.id.localeCompare(b.id, 'en'));
}

/** The lake's company_events table, read as events; a file without account_id means every account. */
export function eventsFromLakeCsv(text: string): CompanyEvent[] {
  const [header = [], ...rows] = parseCsv(text);
  const at = (name: string): number => header.indexOf(name);
  return rows
    .filter((row) => row.length > 1)
    .map((row) => {
      const field = (name: string): string => (at(name) >= 0 ? (row[at(name)] ?? '') : '');
      const parsed = normaliseEventInput({ day: field('day'), endDay: field('end_day'), network: (field('network') || null) as CompanyEvent['network'], accountId: field('account_id') || null, category: field('category'), title: field('title'), notes: field('notes') });
      return parsed.ok ? { id: field('id') || newEventId(), ...parsed.event } : null;
    })
    .filter((e): e is CompanyEvent => e !== null);
}

export function newEventId(): string {
  return `ev-${randomBytes(5).toString('hex')}`;
}

/** events.json, seeded from the lake's table when it does not exist yet (a lake another machine wrote). */
export async function loadEvents(services: InsightsServices): Promise<CompanyEvent[]> {
  const stored = await readListFile<CompanyEvent>(join(services.home, EVENTS_FILE), 'events');
  if (stored) return sortEvents(stored);
  try {
    return sortEvents(eventsFromLakeCsv(await readFile(join(services.lakeDir, ...COMPANY_EVENTS_KEY.split('/')), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof CsvSyntaxError) return [];
    throw error;
  }
}

/**
 * Writes events.json and the lake's company_events table (with account_id, contract §6) under
 * the lake lock. The table reaches S3 with the next sync, which is told to deliver it.
 */
export async function saveEvents(services: InsightsServices, events: CompanyEvent[]): Promise<void> {
  const lock = await acquireLock(services.home, { trigger: 'events', now: services.now });
  try {
    const sorted = sortEvents([...events]);
    await writeListFile(join(services.home, EVENTS_FILE), 'events', sorted);
    const written = await new LocalLake(services.lakeDir).writeCompanyEvents(sorted.map((e) => ({ ...e, notes: e.notes || null })));
    // A sync delivers only what it wrote itself: tell the next one about this file.
    await markForDelivery(new StateStore(services.home), services.settings.s3, written.filesWritten);
  } finally {
    await lock.release();
  }
}

/**
 * A company_events table written before account_id existed is rewritten with the column
 * (contract §6). Skipped while another writer holds the lake: the next call does it.
 */
export async function upgradeLakeEvents(services: InsightsServices, events: CompanyEvent[]): Promise<boolean> {
  let header: string;
  try {
    header = (await readFile(join(services.lakeDir, ...COMPANY_EVENTS_KEY.split('/')), 'utf8')).split('\n', 1)[0];
  } catch {
    return false;
  }
  if (header.includes('account_id')) return false;
  try {
    await saveEvents(services, events);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'LOCK_HELD') return false;
    throw error;
  }
}

export async function listEvents(services: InsightsServices): Promise<{ events: CompanyEventView[] }> {
  const [events, lake] = await Promise.all([loadEvents(services), services.facts()]);
  await upgradeLakeEvents(services, events);
  return { events: withImpact(events, lake.accounts) };
}

function normalised(input: CompanyEventInput): Omit<CompanyEvent, 'id'> {
  const result = normaliseEventInput(input);
  if (!result.ok) throw usage(`Cannot save the event: ${result.reason}`);
  return result.event;
}

async function viewOf(services: InsightsServices, event: CompanyEvent, all: CompanyEvent[]): Promise<CompanyEventView> {
  const lake = await services.facts();
  return withImpact(all, lake.accounts).find((e) => e.id === event.id)!;
}

export async function addEvent(services: InsightsServices, input: CompanyEventInput): Promise<CompanyEventView> {
  const event: CompanyEvent = { id: newEventId(), ...normalised(input) };
  const events = [...(await loadEvents(services)), event];
  await saveEvents(services, events);
  return viewOf(services, event, events);
}

export async function updateEvent(services: InsightsServices, input: CompanyEventInput & { id: string }): Promise<CompanyEventView> {
  const events = await loadEvents(services);
  const index = events.findIndex((e) => e.id === input.id);
  if (index < 0) throw usage(`No event with id ${input.id}`, 'list them with: follower-pulse events list');
  const event: CompanyEvent = { id: input.id, ...normalised(input) };
  events[index] = event;
  await saveEvents(services, events);
  return viewOf(services, event, events);
}

export async function removeEvent(services: InsightsServices, id: string): Promise<{ removed: boolean }> {
  const events = await loadEvents(services);
  const kept = events.filter((e) => e.id !== id);
  if (kept.length === events.length) return { removed: false };
  await saveEvents(services, kept);
  return { removed: true };
}

const IMPORT_COLUMNS: readonly string[] = COMPANY_EVENTS_COLUMNS;

/**
 * Reads an events CSV with the company_events header (`id` optional, columns in any order).
 * Every row is checked before anything is written: one bad row rejects the file, naming it.
 */
export function parseEventsCsv(csv: string): CompanyEvent[] {
  let table: string[][];
  try {
    table = parseCsv(csv.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  } catch (error) {
    throw usage(`The file is not valid CSV: ${error instanceof Error ? error.message : String(error)}`, 'save it as CSV (comma separated, UTF-8) and try again');
  }
  const [header = [], ...rows] = table;
  const names = header.map((h) => h.trim().toLowerCase());
  const unknown = names.find((n) => !IMPORT_COLUMNS.includes(n));
  if (unknown !== undefined) throw usage(`Unknown column ${JSON.stringify(unknown)} in the header`, `the header is: ${COMPANY_EVENTS_COLUMNS.join(',')} (id optional)`);
  for (const required of ['day', 'title']) {
    if (!names.includes(required)) throw usage(`The header has no ${required} column`, `the header is: ${COMPANY_EVENTS_COLUMNS.join(',')} (id optional)`);
  }
  const ids = new Set<string>();
  const events: CompanyEvent[] = [];
  rows.forEach((row, index) => {
    if (row.length === 1 && row[0].trim() === '') return; // a blank line
    const rowNo = index + 1;
    const line = `row ${rowNo} (line ${index + 2})`;
    if (row.length !== names.length) throw usage(`Events file ${line}: ${row.length} fields instead of ${names.length}; nothing was imported`, 'fix that row and import the file again');
    const field = (name: string): string => (names.indexOf(name) >= 0 ? row[names.indexOf(name)] : '');
    const parsed = normaliseEventInput({ day: field('day'), endDay: field('end_day'), network: (field('network') || null) as CompanyEvent['network'], accountId: field('account_id') || null, category: field('category'), title: field('title'), notes: field('notes') });
    if (!parsed.ok) throw usage(`Events file ${line}: ${parsed.reason}; nothing was imported`, 'fix that row and import the file again');
    const id = field('id').trim() || newEventId();
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw usage(`Events file ${line}: id ${JSON.stringify(id)} may only hold letters, digits, _ . -; nothing was imported`, 'fix that row and import the file again');
    if (ids.has(id)) throw usage(`Events file ${line}: id ${id} appears twice; nothing was imported`, 'fix that row and import the file again');
    ids.add(id);
    events.push({ id, ...parsed.event });
  });
  return events;
}

/** Imports all rows or none; an imported id that exists already replaces that event. */
export async function importEvents(services: InsightsServices, csv: string): Promise<{ imported: number }> {
  const incoming = parseEventsCsv(csv);
  const byId = new Map((await loadEvents(services)).map((e) => [e.id, e]));
  for (const event of incoming) byId.set(event.id, event);
  await saveEvents(services, [...byId.values()]);
  return { imported: incoming.length };
}
