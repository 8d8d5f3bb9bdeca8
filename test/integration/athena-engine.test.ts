import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AthenaClient,
  AthenaServiceException,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetTableMetadataCommand,
  InvalidRequestException,
  MetadataException,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type GetQueryExecutionCommandOutput,
  type QueryExecutionState,
} from '@aws-sdk/client-athena';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { athenaTableDefinitions } from '../../src/main/engine/query/athena-ddl';
import { openAthenaEngine, type AthenaEngineOptions } from '../../src/main/engine/query/athena-engine';
import { runAthenaSetup } from '../../src/main/engine/query/athena-setup';
import { openLocalEngine } from '../../src/main/engine/query/local-engine';
import { previewQueries } from '../../src/main/engine/query/preview-queries';
import type { QueryEngine } from '../../src/main/engine/query/query-types';
import { settingsSchema, type Settings } from '../../src/shared/settings-schema';
import { athenaPages, servePages } from '../support/athena-wire';
import { writeSampleLake } from '../support/sample-lake';
import { caught } from '../support/caught';

/** Athena's API declares no AccessDeniedException; AWS sends one anyway, as a generic service error. */
function accessDenied(message: string): AthenaServiceException {
  return new AthenaServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message });
}

const QUERY_ID = '3f9a1c2e-0000-4000-8000-000000000001';
const FAST_POLL = { initialMs: 5, maxMs: 20 };

function settings(overrides: { outputLocation?: string | null; workgroup?: string } = {}): Settings {
  return settingsSchema.parse({
    athena: {
      enabled: true,
      database: 'follower_pulse',
      workgroup: overrides.workgroup ?? 'analytics',
      outputLocation: overrides.outputLocation === undefined ? 's3://acme-data/athena-results/' : overrides.outputLocation,
      region: 'eu-west-1',
    },
    s3: { enabled: true, bucket: 'acme-data', prefix: 'social/', region: 'eu-west-1' },
  });
}

function execution(state: QueryExecutionState, extra: { reason?: string; bytes?: number; statementType?: 'DML' | 'DDL' } = {}): GetQueryExecutionCommandOutput {
  return {
    $metadata: {},
    QueryExecution: {
      QueryExecutionId: QUERY_ID,
      StatementType: extra.statementType ?? 'DML',
      Status: { State: state, ...(extra.reason ? { StateChangeReason: extra.reason } : {}) },
      ...(state === 'SUCCEEDED' ? { Statistics: { DataScannedInBytes: extra.bytes ?? 0, EngineExecutionTimeInMillis: 321 } } : {}),
    },
  };
}


describe('openAthenaEngine', () => {
  let client: AthenaClient;
  let mock: AwsClientStub<AthenaClient>;

  beforeEach(() => {
    client = new AthenaClient({ region: 'eu-west-1' });
    mock = mockClient(client);
  });

  afterEach(() => {
    mock.restore();
  });

  function open(options: Partial<AthenaEngineOptions> = {}, s = settings()): Promise<QueryEngine> {
    return openAthenaEngine(s, { client, poll: FAST_POLL, ...options });
  }

  describe('gives the same rows as DuckDB for every preview query', () => {
    let root: string;
    let local: QueryEngine;

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'fp-athena-'));
      await writeSampleLake(join(root, 'lake'));
      local = await openLocalEngine(join(root, 'lake'));
    });

    afterAll(async () => {
      await local.close();
      await rm(root, { recursive: true, force: true });
    });

    it.each(previewQueries.map((q) => [q.id, q.sql]))('%s', async (_id, sql) => {
      const expected = await local.query(sql);
      const pageSize = Math.max(1, Math.ceil(expected.rows.length / 2));
      const pages = athenaPages(expected, pageSize);
      mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
      mock
        .on(GetQueryExecutionCommand, { QueryExecutionId: QUERY_ID })
        .resolvesOnce(execution('QUEUED'))
        .resolvesOnce(execution('RUNNING'))
        .resolves(execution('SUCCEEDED', { bytes: 12_345_678 }));
      mock.on(GetQueryResultsCommand).callsFake(servePages(pages));

      const engine = await open();
      const result = await engine.query(sql);

      expect(result.rows).toEqual(expected.rows);
      expect(result.columns).toEqual(expected.columns);
      expect(result).toMatchObject({ engine: 'athena', scannedBytes: 12_345_678 });
      expect(result.costUsd).toBeCloseTo((13_000_000 / 1e12) * 5, 12);
      expect(mock.commandCalls(GetQueryExecutionCommand)).toHaveLength(3);
      expect(mock.commandCalls(GetQueryResultsCommand)).toHaveLength(pages.length);
      expect(pages.length).toBe(expected.rows.length > 1 ? 2 : 1);
      expect(mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input).toEqual({
        QueryString: sql,
        WorkGroup: 'analytics',
        QueryExecutionContext: { Database: 'follower_pulse' },
        ResultConfiguration: { OutputLocation: 's3://acme-data/athena-results/' },
      });
    });
  });

  it('converts each Athena type: bigint, integer, double, decimal, boolean, date, timestamp, varchar, NULL', async () => {
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { bytes: 0 }));
    const columns = [
      ['b', 'bigint'],
      ['huge', 'bigint'],
      ['i', 'integer'],
      ['d', 'double'],
      ['dec', 'decimal(10,2)'],
      ['ok', 'boolean'],
      ['day', 'date'],
      ['ts', 'timestamp'],
      ['tz', 'timestamp with time zone'],
      ['s', 'varchar'],
      ['empty', 'varchar'],
      ['missing', 'bigint'],
    ] as const;
    const text = ['-7', '9007199254740993', '42', '1.5', '12.30', 'true', '2026-11-02', '2026-11-02 03:04:05.123', '2026-11-02 03:04:05.000 UTC', 'Acme, "the" company', '', undefined];
    mock.on(GetQueryResultsCommand).resolves({
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: columns.map(([Name, Type]) => ({ Name, Type })) },
        Rows: [{ Data: columns.map(([name]) => ({ VarCharValue: name })) }, { Data: text.map((t) => (t === undefined ? {} : { VarCharValue: t })) }],
      },
    });
    const result = await (await open()).query('SELECT 1; -- Athena takes no terminator');
    expect(mock.commandCalls(StartQueryExecutionCommand)[0]?.args[0].input.QueryString).toBe('SELECT 1');
    expect(result.rows).toEqual([
      {
        b: -7,
        huge: '9007199254740993',
        i: 42,
        d: 1.5,
        dec: 12.3,
        ok: true,
        day: '2026-11-02',
        ts: '2026-11-02T03:04:05.123Z',
        tz: '2026-11-02T03:04:05.000Z',
        s: 'Acme, "the" company',
        empty: '',
        missing: null,
      },
    ]);
    expect(result.costUsd).toBeCloseTo((10_000_000 / 1e12) * 5, 12);
  });

  it('stops paging at maxRows and says the result was cut', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ n: i }));
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED'));
    mock.on(GetQueryResultsCommand).callsFake(servePages(athenaPages({ columns: ['n'], rows }, 2)));
    const result = await (await open()).query('SELECT n FROM t', { maxRows: 3 });
    expect(result.rows).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
    expect(result.truncated).toBe(true);
    expect(mock.commandCalls(GetQueryResultsCommand)).toHaveLength(2);
  });

  it('reports a FAILED query with Athena’s reason as one line', async () => {
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolvesOnce(execution('RUNNING')).resolves(
      execution('FAILED', { reason: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.follower_pulse.follower_gains' does not exist" }),
    );
    const error = await caught((await open()).query('SELECT * FROM follower_gains'));
    expect(error.code).toBe('ATHENA_FAILED');
    expect(error.oneLine()).toBe(
      "Athena query failed: TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.follower_pulse.follower_gains' does not exist — create the database and tables: follower-pulse athena setup",
    );

    mock.reset();
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('FAILED', { reason: "SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved\nmore detail" }));
    const syntax = await caught((await open()).query('SELECT x FROM accounts'));
    expect(syntax.oneLine()).toBe(`Athena query failed: SYNTAX_ERROR: line 1:8: Column 'x' cannot be resolved — check the SQL; query ${QUERY_ID} in the Athena console has the details`);
  });

  it('stops the Athena query when the signal aborts (Ctrl-C)', async () => {
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    mock.on(StopQueryExecutionCommand).resolves({});
    const controller = new AbortController();
    const engine = await open({ poll: { initialMs: 1000, maxMs: 1000 } });
    const running = engine.query('SELECT * FROM follower_gains', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await caught(running);
    expect(error).toMatchObject({ code: 'ATHENA_FAILED', message: 'The Athena query was cancelled' });
    expect(mock.commandCalls(StopQueryExecutionCommand).map((c) => c.args[0].input)).toEqual([{ QueryExecutionId: QUERY_ID }]);
    expect(mock.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  it('stops the Athena query when it runs past the timeout', async () => {
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('RUNNING'));
    mock.on(StopQueryExecutionCommand).resolves({});
    const error = await caught((await open({ timeoutMs: 60 })).query('SELECT 1'));
    expect(error.message).toBe('The Athena query did not finish within 0 s and was stopped');
    expect(mock.commandCalls(StopQueryExecutionCommand)).toHaveLength(1);
  });

  it('explains a missing workgroup, a missing output location and denied access', async () => {
    mock.on(StartQueryExecutionCommand).rejects(new InvalidRequestException({ message: 'WorkGroup nope is not found.', $metadata: {} }));
    const workgroup = await caught((await open({}, settings({ workgroup: 'nope' }))).query('SELECT 1'));
    expect(workgroup.oneLine()).toBe(
      'Athena workgroup "nope" was not found or is disabled in eu-west-1 — create it in the Athena console, or set athena.workgroup to an existing one (e.g. primary)',
    );

    mock.reset();
    mock.on(StartQueryExecutionCommand).rejects(
      new InvalidRequestException({
        message: 'No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.',
        $metadata: {},
      }),
    );
    const output = await caught((await open({}, settings({ outputLocation: null }))).query('SELECT 1'));
    expect(output.oneLine()).toBe(
      'Athena has nowhere to write query results: athena.outputLocation is not set and workgroup "analytics" sets no result location — set athena.outputLocation to s3://acme-data/athena-results/',
    );
    expect(mock.commandCalls(StartQueryExecutionCommand).at(-1)!.args[0].input.ResultConfiguration).toBeUndefined();

    mock.reset();
    mock.on(StartQueryExecutionCommand).rejects(
      accessDenied('User: arn:aws:iam::123456789012:user/pulse is not authorized to perform: athena:StartQueryExecution'),
    );
    const denied = await caught((await open()).query('SELECT 1'));
    expect(denied.code).toBe('ATHENA_FAILED');
    expect(denied.message).toBe('AWS denied access to Athena: User: arn:aws:iam::123456789012:user/pulse is not authorized to perform: athena:StartQueryExecution');
    expect(denied.hint).toContain('athena:StartQueryExecution');
  });

  it('refuses non-read-only SQL before calling AWS, unless opened for setup', async () => {
    const error = await caught((await open()).query('DROP TABLE follower_pulse.follower_gains'));
    expect(error.code).toBe('QUERY_REFUSED');
    expect(mock.calls()).toHaveLength(0);

    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { statementType: 'DDL' }));
    mock.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [], ResultSetMetadata: { ColumnInfo: [] } } });
    const ddl = await (await open({ readOnly: false, database: null })).query('CREATE DATABASE IF NOT EXISTS `follower_pulse`');
    expect(ddl).toEqual({ columns: [], rows: [], engine: 'athena', scannedBytes: 0, costUsd: 0 });
    expect(mock.commandCalls(StartQueryExecutionCommand)[0].args[0].input.QueryExecutionContext).toBeUndefined();
  });
});

describe('runAthenaSetup', () => {
  const s = settings();
  const input = { database: 'follower_pulse', bucket: 'acme-data', prefix: 'social/', oldestMonth: '2025-12' };
  let client: AthenaClient;
  let mock: AwsClientStub<AthenaClient>;

  beforeEach(() => {
    client = new AthenaClient({ region: 'eu-west-1' });
    mock = mockClient(client);
    mock.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: QUERY_ID });
    mock.on(GetQueryExecutionCommand).resolves(execution('SUCCEEDED', { statementType: 'DDL' }));
    mock.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [], ResultSetMetadata: { ColumnInfo: [] } } });
  });

  afterEach(() => mock.restore());

  function statements(): string[] {
    return mock.commandCalls(StartQueryExecutionCommand).map((c) => c.args[0].input.QueryString!);
  }

  it('creates the database and every missing table', async () => {
    mock.on(GetTableMetadataCommand).rejects(new MetadataException({ message: 'Table not found: follower_gains', $metadata: {} }));
    const result = await runAthenaSetup(s, input, { client, poll: FAST_POLL });
    expect(result.tables.map((t) => `${t.name}:${t.action}`)).toEqual([
      'follower_gains:created',
      'follower_totals:created',
      'accounts:created',
      'company_events:created',
      'sync_runs:created',
    ]);
    expect(statements().map((sql) => sql.split('\n')[0])).toEqual([
      'CREATE DATABASE IF NOT EXISTS `follower_pulse`',
      ...result.tables.map((t) => `CREATE EXTERNAL TABLE IF NOT EXISTS \`follower_pulse\`.\`${t.name}\` (`),
    ]);
    expect(mock.commandCalls(GetTableMetadataCommand)[0].args[0].input).toEqual({ CatalogName: 'AwsDataCatalog', DatabaseName: 'follower_pulse', TableName: 'follower_gains' });
  });

  it('changes nothing when the tables match, and replaces only the one that differs', async () => {
    const definitions = athenaTableDefinitions(input);
    for (const table of definitions) {
      const stale = table.name === 'follower_totals' ? athenaTableDefinitions({ ...input, oldestMonth: '2026-06' }).find((t) => t.name === table.name)! : table;
      mock.on(GetTableMetadataCommand, { TableName: table.name }).resolves({
        TableMetadata: {
          Name: table.name,
          TableType: 'EXTERNAL_TABLE',
          Columns: stale.columns.map((c) => ({ Name: c.name, Type: c.type, Comment: c.comment })),
          PartitionKeys: stale.partition ? [{ Name: 'month', Type: 'string', Comment: stale.partition.comment }] : [],
          Parameters: { EXTERNAL: 'TRUE', location: stale.location, 'serde.serialization.lib': stale.serdeLibrary, ...stale.tableProperties },
        },
      });
    }
    const result = await runAthenaSetup(s, input, { client, poll: FAST_POLL });
    expect(result.tables.map((t) => `${t.name}:${t.action}`)).toEqual([
      'follower_gains:unchanged',
      'follower_totals:updated',
      'accounts:unchanged',
      'company_events:unchanged',
      'sync_runs:unchanged',
    ]);
    expect(result.tables[1].reasons).toEqual(['projection.month.range changed']);
    expect(statements().map((sql) => sql.split('\n')[0])).toEqual([
      'CREATE DATABASE IF NOT EXISTS `follower_pulse`',
      'DROP TABLE IF EXISTS `follower_pulse`.`follower_totals`',
      'CREATE EXTERNAL TABLE IF NOT EXISTS `follower_pulse`.`follower_totals` (',
    ]);
  });

  it('stops at the first Athena failure with its one-line explanation', async () => {
    mock.on(StartQueryExecutionCommand).rejects(accessDenied('not authorized to perform: glue:CreateDatabase'));
    const error = await caught(runAthenaSetup(s, input, { client, poll: FAST_POLL }));
    expect(error.message).toBe('AWS denied access to Athena: not authorized to perform: glue:CreateDatabase');
    expect(mock.commandCalls(GetTableMetadataCommand)).toHaveLength(0);
  });
});
