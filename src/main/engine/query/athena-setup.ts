import type { AthenaClient, TableMetadata } from '@aws-sdk/client-athena';
import { addDays, monthOf, utcDay } from '../dates';
import { AppError } from '../errors';
import { parseLakeKey } from '../lake/lake-layout';
import { LocalLake } from '../lake/local-lake';
import { athenaErrorContext, createAthenaClient, type AthenaSettings } from './athena-client';
import {
  athenaTableDefinitions,
  createDatabaseSql,
  createTableSql,
  dropTableSql,
  planTableChange,
  type AthenaDdlInput,
  type AthenaTableDefinition,
} from './athena-ddl';
import { openAthenaEngine } from './athena-engine';
import { athenaCallError } from './athena-errors';

/**
 * `athena setup`: create the database and tables, or bring them up to date. Idempotent: a table
 * whose definition matches is left alone; one that differs (a new projection range after an
 * import of older history, a moved prefix) is dropped and created again, which loses no data
 * because the tables are external.
 */

export type TableSetupAction = 'created' | 'updated' | 'unchanged';

export interface TableSetupResult {
  name: string;
  action: TableSetupAction;
  /** Why an updated table was replaced. */
  reasons: string[];
}

export interface AthenaSetupResult {
  database: string;
  tables: TableSetupResult[];
}

/** Settings keys to fill before setup can run (`--print` needs only the bucket for LOCATION). */
export function missingAthenaSettings(settings: AthenaSettings, options: { print?: boolean } = {}): string[] {
  const missing: string[] = [];
  if (!options.print && !settings.athena.enabled) missing.push('athena.enabled');
  if (settings.s3.bucket.trim() === '') missing.push('s3.bucket');
  return missing;
}

/** @throws AppError SETTINGS_INVALID (exit 2) naming every key still to fill. */
export function requireAthenaSettings(settings: AthenaSettings, options: { print?: boolean } = {}): void {
  const missing = missingAthenaSettings(settings, options);
  if (missing.length === 0) return;
  const what = missing.map((key) => (key === 'athena.enabled' ? 'athena.enabled is off' : `${key} is empty`)).join(', ');
  throw new AppError('SETTINGS_INVALID', `Athena is not set up: ${what}`, {
    hint: `${missing.map((key) => (key === 'athena.enabled' ? 'set athena.enabled to true' : `fill in ${key}`)).join(' and ')} (Settings or settings.json)`,
  });
}

/**
 * The first month of the projection range: the oldest month the local lake holds, or, for a
 * lake with no data yet, the month the first sync's backfill will reach. A range that starts
 * later than the data hides it, so after importing older history run setup again.
 */
export async function oldestLakeMonth(lakeDir: string, now: Date, backfillDays: number): Promise<string> {
  const months = (await new LocalLake(lakeDir).listFiles()).map((key) => parseLakeKey(key)?.month).filter((m): m is string => m !== undefined);
  const oldest = months.sort()[0];
  return oldest ?? monthOf(addDays(utcDay(now), -backfillDays));
}

export function athenaDdlInput(settings: AthenaSettings, oldestMonth: string): AthenaDdlInput {
  return { database: settings.athena.database, bucket: settings.s3.bucket.trim(), prefix: settings.s3.prefix, oldestMonth };
}

function isMissingTable(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : '';
  return name === 'EntityNotFoundException' || name === 'ResourceNotFoundException' || (name === 'MetadataException' && /not found|does not exist/i.test(message));
}

async function tableMetadata(client: AthenaClient, settings: AthenaSettings, name: string): Promise<TableMetadata | null> {
  const { GetTableMetadataCommand } = await import('@aws-sdk/client-athena');
  try {
    const output = await client.send(new GetTableMetadataCommand({ CatalogName: 'AwsDataCatalog', DatabaseName: settings.athena.database, TableName: name }));
    return output.TableMetadata ?? null;
  } catch (error) {
    if (isMissingTable(error)) return null;
    throw athenaCallError(error, athenaErrorContext(settings));
  }
}

export interface AthenaSetupOptions {
  client?: AthenaClient;
  /** Called as each step finishes, for progress lines. */
  onTable?: (result: TableSetupResult) => void;
  /** Passed to the engine (tests poll fast). */
  poll?: { initialMs: number; maxMs: number };
}

/** Runs the setup against Athena. Statements use qualified names, so no database context is needed. */
export async function runAthenaSetup(settings: AthenaSettings, input: AthenaDdlInput, options: AthenaSetupOptions = {}): Promise<AthenaSetupResult> {
  const client = options.client ?? (await createAthenaClient(settings));
  const engine = await openAthenaEngine(settings, { client, readOnly: false, database: null, ...(options.poll ? { poll: options.poll } : {}) });
  const run = async (sql: string): Promise<void> => {
    await engine.query(sql);
  };
  try {
    await run(createDatabaseSql(input.database));
    const tables: TableSetupResult[] = [];
    for (const table of athenaTableDefinitions(input)) {
      const result = await setUpTable(table, settings, client, run);
      options.onTable?.(result);
      tables.push(result);
    }
    return { database: input.database, tables };
  } finally {
    await engine.close();
    if (!options.client) client.destroy();
  }
}

async function setUpTable(
  table: AthenaTableDefinition,
  settings: AthenaSettings,
  client: AthenaClient,
  run: (sql: string) => Promise<void>,
): Promise<TableSetupResult> {
  const change = planTableChange(table, await tableMetadata(client, settings, table.name));
  if (change.action === 'unchanged') return { name: table.name, action: 'unchanged', reasons: [] };
  if (change.action === 'replace') await run(dropTableSql(table.database, table.name));
  await run(createTableSql(table));
  return change.action === 'create' ? { name: table.name, action: 'created', reasons: [] } : { name: table.name, action: 'updated', reasons: change.reasons };
}
