import type * as AthenaSdk from '@aws-sdk/client-athena';
import type { AthenaClient, GetQueryResultsCommandOutput, QueryExecution } from '@aws-sdk/client-athena';
import { AppError } from '../errors';
import { athenaErrorContext, createAthenaClient, type AthenaSettings } from './athena-client';
import { athenaCallError, athenaQueryFailure, type AthenaErrorContext } from './athena-errors';
import { athenaColumnNames, athenaCostUsd, athenaRowValues, isHeaderRow, type AthenaColumnInfo } from './athena-values';
import { rowObject, type QueryEngine, type QueryOptions, type QueryResult, type QueryValue } from './query-types';
import { checkReadOnlySql, withoutTerminator } from './sql-guard';

/**
 * The Athena query engine: start the query, poll until it ends, page through the results and
 * convert Athena's string cells into the same typed rows the local engine gives. Aborting
 * (Ctrl-C) or the timeout stops the query in Athena too, so nothing keeps scanning and billing.
 */

export interface AthenaEngineOptions {
  /** An Athena client to use (tests pass a mocked one); otherwise one is created from settings. */
  client?: AthenaClient;
  /** Guard every query with sql-guard (default). `athena setup` turns it off to run its DDL. */
  readOnly?: boolean;
  /** QueryExecutionContext.Database: default athena.database; null runs without one (DDL with qualified names). */
  database?: string | null;
  /** Stop and fail a query still running after this long (default 10 minutes). */
  timeoutMs?: number;
  /** Poll delay: starts at `initialMs`, doubles up to `maxMs` (default 200 ms → 2 s). */
  poll?: { initialMs: number; maxMs: number };
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_POLL = { initialMs: 200, maxMs: 2_000 };
const PAGE_SIZE = 1000;

/** Waits `ms`; resolves true early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): AppError {
  return new AppError('ATHENA_FAILED', 'The Athena query was cancelled', { hint: 'run it again when you want the result' });
}

interface Page {
  columns: AthenaColumnInfo[];
  values: QueryValue[][];
  nextToken: string | undefined;
}

class AthenaQueryEngine implements QueryEngine {
  private readonly errorContext: AthenaErrorContext;
  private readonly poll: { initialMs: number; maxMs: number };
  private readonly timeoutMs: number;

  constructor(
    private readonly sdk: typeof AthenaSdk,
    private readonly client: AthenaClient,
    private readonly ownsClient: boolean,
    private readonly settings: AthenaSettings,
    private readonly options: AthenaEngineOptions,
  ) {
    this.errorContext = athenaErrorContext(settings);
    this.poll = options.poll ?? DEFAULT_POLL;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async query(sql: string, options: QueryOptions = {}): Promise<QueryResult> {
    if (this.options.readOnly !== false) checkReadOnlySql(sql, { dialect: 'athena' });
    const { signal, maxRows } = options;
    if (signal?.aborted) throw cancelled();
    const id = await this.start(withoutTerminator(sql));
    if (signal?.aborted) return this.stopAndThrow(id, cancelled());
    const execution = await this.waitUntilDone(id, signal);
    const statementType = execution.StatementType;
    const { columns, rows, truncated } = await this.readResults(id, statementType, maxRows, signal);
    const scannedBytes = execution.Statistics?.DataScannedInBytes ?? 0;
    return {
      columns,
      rows,
      engine: 'athena',
      scannedBytes,
      costUsd: athenaCostUsd(scannedBytes, statementType),
      ...(truncated ? { truncated: true } : {}),
    };
  }

  close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
    return Promise.resolve();
  }

  private async send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw athenaCallError(error, this.errorContext);
    }
  }

  private async start(sql: string): Promise<string> {
    const { athena } = this.settings;
    const database = this.options.database === undefined ? athena.database : this.options.database;
    const output = await this.send(() =>
      this.client.send(
        new this.sdk.StartQueryExecutionCommand({
          QueryString: sql,
          WorkGroup: athena.workgroup || undefined,
          QueryExecutionContext: database ? { Database: database } : undefined,
          ResultConfiguration: athena.outputLocation ? { OutputLocation: athena.outputLocation } : undefined,
        }),
      ),
    );
    if (!output.QueryExecutionId) throw athenaCallError(new Error('StartQueryExecution returned no query id'), this.errorContext);
    return output.QueryExecutionId;
  }

  /** Best effort: the query may already have ended, and the user's error is the one to report. */
  private async stopAndThrow(id: string, error: AppError): Promise<never> {
    await this.client.send(new this.sdk.StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
    throw error;
  }

  private async waitUntilDone(id: string, signal: AbortSignal | undefined): Promise<QueryExecution> {
    const deadline = Date.now() + this.timeoutMs;
    let delay = this.poll.initialMs;
    for (;;) {
      const output = await this.send(() => this.client.send(new this.sdk.GetQueryExecutionCommand({ QueryExecutionId: id })));
      const execution = output.QueryExecution ?? {};
      const state = execution.Status?.State;
      if (state === 'SUCCEEDED') return execution;
      if (state === 'FAILED') throw athenaQueryFailure(execution.Status?.StateChangeReason, id, this.errorContext);
      if (state === 'CANCELLED') {
        throw new AppError('ATHENA_FAILED', `The Athena query ${id} was cancelled outside Follower Pulse`, { hint: 'run it again' });
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        return this.stopAndThrow(
          id,
          new AppError('ATHENA_FAILED', `The Athena query did not finish within ${Math.round(this.timeoutMs / 1000)} s and was stopped`, {
            hint: 'filter on month to scan less data, or try again later',
          }),
        );
      }
      if (signal?.aborted || (await pause(Math.min(delay, left), signal))) return this.stopAndThrow(id, cancelled());
      delay = Math.min(delay * 2, this.poll.maxMs);
    }
  }

  private async readPage(id: string, nextToken: string | undefined, first: boolean, statementType: string | undefined): Promise<Page> {
    const output: GetQueryResultsCommandOutput = await this.send(() =>
      this.client.send(new this.sdk.GetQueryResultsCommand({ QueryExecutionId: id, NextToken: nextToken, MaxResults: PAGE_SIZE })),
    );
    const columns = output.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
    let rows = output.ResultSet?.Rows ?? [];
    // A SELECT's first page starts with a row of column names; DDL and utility results do not.
    if (first && (statementType === 'DML' || (statementType === undefined && isHeaderRow(columns, rows[0])))) rows = rows.slice(1);
    return { columns, values: athenaRowValues(columns, rows), nextToken: output.NextToken };
  }

  private async readResults(
    id: string,
    statementType: string | undefined,
    maxRows: number | undefined,
    signal: AbortSignal | undefined,
  ): Promise<{ columns: string[]; rows: Record<string, QueryValue>[]; truncated: boolean }> {
    const limit = maxRows ?? Number.POSITIVE_INFINITY;
    let page = await this.readPage(id, undefined, true, statementType);
    const columns = athenaColumnNames(page.columns);
    const values: QueryValue[][] = [...page.values];
    while (page.nextToken !== undefined && values.length < limit) {
      if (signal?.aborted) throw cancelled();
      page = await this.readPage(id, page.nextToken, false, statementType);
      values.push(...page.values);
    }
    const kept = values.slice(0, limit);
    const truncated = kept.length < values.length || page.nextToken !== undefined;
    return { columns, rows: kept.map((v) => rowObject(columns, v)), truncated };
  }
}

/**
 * An Athena engine for these settings (athena.database, workgroup, outputLocation, region;
 * s3.profile for credentials). Loads the AWS SDK only when called.
 */
export async function openAthenaEngine(settings: AthenaSettings, options: AthenaEngineOptions = {}): Promise<QueryEngine> {
  const sdk = await import('@aws-sdk/client-athena');
  const client = options.client ?? (await createAthenaClient(settings));
  return new AthenaQueryEngine(sdk, client, options.client === undefined, settings, options);
}
