import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  AthenaClient,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  GetTableMetadataCommand,
  MetadataException,
  StartQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/main/cli/cli-io';
import { runCli } from '../../src/main/cli/run-cli';
import { athenaPages, servePages } from '../support/athena-wire';
import { ACME, NEWEST_DAY, writeSampleLake } from '../support/sample-lake';

interface Captured extends CliIo {
  lines: string[];
  errors: string[];
  documents: unknown[];
}

function captureIo(): Captured {
  const lines: string[] = [];
  const errors: string[] = [];
  const documents: unknown[] = [];
  return {
    lines,
    errors,
    documents,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    json: (value) => documents.push(JSON.parse(JSON.stringify(value))),
    stdin: new PassThrough(),
    isTTY: false,
  };
}

const ATHENA_SETTINGS = {
  version: 1,
  s3: { enabled: true, bucket: 'acme-data', prefix: 'social', region: 'eu-west-1' },
  athena: { enabled: true, database: 'follower_pulse', workgroup: 'primary', outputLocation: 's3://acme-data/athena-results/', region: 'eu-west-1' },
};

describe('follower-pulse query / athena through runCli', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'fp-query-cli-'));
    env = { FOLLOWER_PULSE_HOME: home, FOLLOWER_PULSE_NOW: '2026-11-28T07:00:00Z' };
    await writeSampleLake(join(home, 'lake'));
  });

  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; io: Captured }> {
    const io = captureIo();
    const code = await runCli(argv, env, io);
    return { code, io };
  }

  it('prints the contract JSON shape with --json', async () => {
    const { code, io } = await cli('query', `SELECT day, organic_gain, paid_gain FROM follower_gains WHERE account_id = '${ACME}' ORDER BY day DESC LIMIT 2`, '--json');
    expect(code).toBe(0);
    const [document] = io.documents as { columns: string[]; rows: Record<string, unknown>[]; engine: string; scannedBytes: null }[];
    expect(Object.keys(document)).toEqual(['columns', 'rows', 'engine', 'scannedBytes']);
    expect(document).toMatchObject({ columns: ['day', 'organic_gain', 'paid_gain'], engine: 'local', scannedBytes: null });
    expect(document.rows.map((r) => r.day)).toEqual([NEWEST_DAY, '2026-11-24']);
    expect(document.rows.every((r) => typeof r.organic_gain === 'number' && typeof r.paid_gain === 'number')).toBe(true);
    expect(io.lines).toEqual([]);
  });

  it('prints an aligned table and a row count', async () => {
    const { code, io } = await cli('query', 'SELECT', 'network, account_id, name FROM accounts ORDER BY account_id');
    expect(code).toBe(0);
    expect(io.lines).toEqual([
      'network   account_id  name',
      '--------  ----------  -------------------',
      'linkedin  2414183     Acme, "the" company',
      'linkedin  99          Beta',
      '2 rows',
    ]);
  });

  it('keeps --max-rows rows and says so', async () => {
    const { code, io } = await cli('query', 'SELECT day FROM follower_gains ORDER BY day', '--max-rows', '2', '--json');
    expect(code).toBe(0);
    expect(io.documents[0]).toMatchObject({ rows: [{ day: '2026-08-01' }, { day: '2026-08-02' }], truncated: true });
    expect(io.errors).toEqual(['Only the first 2 rows were kept; raise --max-rows for more.']);
  });

  it('refuses a write with one line and exit 1, also as JSON', async () => {
    const text = await cli('query', 'DELETE FROM follower_gains');
    expect(text.code).toBe(1);
    expect(text.io.errors).toHaveLength(1);
    expect(text.io.errors[0]).toMatch(/^Only read-only queries over the lake tables are allowed: DELETE statements — query the lake tables/);

    const json = await cli('query', "SELECT * FROM read_csv('/etc/passwd')", '--json');
    expect(json.code).toBe(1);
    const [refusal] = json.io.documents as { error: { code: string; message: string; hint: string } }[];
    expect(refusal.error.code).toBe('QUERY_REFUSED');
    expect(refusal.error.message).toContain('read_csv()');
    expect(refusal.error.hint).toContain('follower_gains');
  });

  it('cancels a running query on Ctrl-C (SIGINT) with one line and exit 1', async () => {
    const listenersBefore = process.listenerCount('SIGINT');
    // Until the command listens, a SIGINT emitted here reaches no one, so keep sending.
    const timer = setInterval(() => process.emit('SIGINT', 'SIGINT'), 100);
    try {
      const { code, io } = await cli('query', 'SELECT count(*) AS n FROM range(100000000000) a');
      expect(code).toBe(1);
      expect(io.errors).toEqual(['Cancelling the query…', 'The query was cancelled — run it again when you want the result']);
    } finally {
      clearInterval(timer);
    }
    expect(process.listenerCount('SIGINT')).toBe(listenersBefore);
  });

  it('explains bad usage and Athena settings left off with exit 2', async () => {
    const missing = await cli('query');
    expect(missing.code).toBe(2);
    const engine = await cli('query', 'SELECT 1', '--engine', 'bigquery');
    expect(engine.code).toBe(2);
    expect(engine.io.errors[0]).toContain('Unknown engine: bigquery');
    const rows = await cli('query', 'SELECT 1', '--max-rows', '0');
    expect(rows.code).toBe(2);

    const athena = await cli('query', 'SELECT 1', '--engine', 'athena');
    expect(athena.code).toBe(2);
    expect(athena.io.errors[0]).toMatch(/^Athena is not set up: athena.enabled is off — set athena.enabled to true/);

    const setup = await cli('athena', 'setup');
    expect(setup.code).toBe(2);
    expect(setup.io.errors[0]).toBe('Athena is not set up: athena.enabled is off, s3.bucket is empty — set athena.enabled to true and fill in s3.bucket (Settings or settings.json)');
  });

  it('prints the Athena DDL with --print, the projection starting at the lake’s oldest month', async () => {
    await writeFile(join(home, 'settings.json'), JSON.stringify({ ...ATHENA_SETTINGS, athena: { ...ATHENA_SETTINGS.athena, enabled: false } }));
    const { code, io } = await cli('athena', 'setup', '--print');
    expect(code).toBe(0);
    const text = io.lines.join('\n');
    expect(text.startsWith('CREATE DATABASE IF NOT EXISTS `follower_pulse`')).toBe(true);
    expect(text).toContain("LOCATION 's3://acme-data/social/follower_gains/'");
    expect(text).toContain("'projection.month.range' = '2026-08,NOW'");
    expect(text.match(/CREATE EXTERNAL TABLE/g)).toHaveLength(5);
  });

  describe('with AWS mocked', () => {
    const athena = mockClient(AthenaClient);

    beforeEach(async () => {
      athena.reset();
      await writeFile(join(home, 'settings.json'), JSON.stringify(ATHENA_SETTINGS));
    });

    afterEach(() => athena.reset());

    it('runs athena setup and says what it created', async () => {
      athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
      athena.on(GetQueryExecutionCommand).resolves({ QueryExecution: { StatementType: 'DDL', Status: { State: 'SUCCEEDED' } } });
      athena.on(GetQueryResultsCommand).resolves({ ResultSet: { Rows: [], ResultSetMetadata: { ColumnInfo: [] } } });
      athena.on(GetTableMetadataCommand).rejects(new MetadataException({ message: 'Table not found', $metadata: {} }));
      const { code, io } = await cli('athena', 'setup');
      expect(code).toBe(0);
      expect(io.lines).toEqual([
        'Athena database follower_pulse is ready:',
        '  follower_gains: created',
        '  follower_totals: created',
        '  accounts: created',
        '  company_events: created',
        '  sync_runs: created',
        'Months from 2026-08 to now are queryable. Try: follower-pulse query "SELECT * FROM follower_gains LIMIT 10" --engine athena',
      ]);
      expect(athena.commandCalls(StartQueryExecutionCommand)).toHaveLength(6);
    });

    it('queries Athena and reports rows, bytes scanned and cost', async () => {
      athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-2' });
      athena.on(GetQueryExecutionCommand).resolves({
        QueryExecution: { StatementType: 'DML', Status: { State: 'SUCCEEDED' }, Statistics: { DataScannedInBytes: 52_428_800 } },
      });
      athena.on(GetQueryResultsCommand).callsFake(servePages(athenaPages({ columns: ['n'], rows: [{ n: 1 }, { n: 2 }] }, 1)));

      const text = await cli('query', 'SELECT n FROM t', '--engine', 'athena');
      expect(text.code).toBe(0);
      expect(text.io.lines).toEqual(['n', '-', '1', '2', '2 rows · scanned 52 MB · ~$0.0003']);

      const json = await cli('query', 'SELECT n FROM t', '--engine', 'athena', '--json');
      expect(json.io.documents).toEqual([{ columns: ['n'], rows: [{ n: 1 }, { n: 2 }], engine: 'athena', scannedBytes: 52_428_800, costUsd: (53_000_000 / 1e12) * 5 }]);
    });
  });
});
