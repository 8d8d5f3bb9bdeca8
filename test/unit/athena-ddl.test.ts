import { describe, expect, it } from 'vitest';
import {
  athenaDdl,
  athenaTableDefinitions,
  createTableSql,
  hiveString,
  lakeS3Url,
  planTableChange,
  type AthenaTableDefinition,
  type AthenaTableMetadata,
} from '../../src/main/engine/query/athena-ddl';
import { LAKE_TABLES } from '../../src/main/engine/lake/lake-layout';

const INPUT = { database: 'follower_pulse', bucket: 'acme-data', prefix: 'social/', oldestMonth: '2025-12' };

const FOLLOWER_GAINS_DDL = `CREATE EXTERNAL TABLE IF NOT EXISTS \`follower_pulse\`.\`follower_gains\` (
  \`day\` date COMMENT 'UTC calendar day the gains are for (YYYY-MM-DD), as LinkedIn buckets it',
  \`network\` string COMMENT 'Social network: linkedin, facebook, instagram or x',
  \`account_id\` string COMMENT 'Id of the page on its network (for LinkedIn the organization id)',
  \`organic_gain\` bigint COMMENT 'New followers that day not attributed to sponsored content (LinkedIn organicFollowerGain); may be negative',
  \`paid_gain\` bigint COMMENT 'New followers that day attributed to sponsored content (LinkedIn paidFollowerGain); NULL where the network has no organic/paid split',
  \`total_gain\` bigint COMMENT 'Net new followers that day: organic_gain + paid_gain; may be negative',
  \`source\` string COMMENT 'Where the row came from: api (read by the daily sync) or import (history imported from a file). Where both exist for a day the api row is the one to use',
  \`fetched_at\` string COMMENT 'When the numbers were read, ISO-8601 UTC such as 2026-11-28T07:00:01.000Z (text: Athena timestamps do not parse the Z)'
)
COMMENT 'Daily follower gains per page, one row per day, page and source (Follower Pulse)'
PARTITIONED BY (
  \`month\` string COMMENT 'Partition: the month of day, YYYY-MM. Filter on it to scan less data'
)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'
WITH SERDEPROPERTIES (
  'field.delim' = ',',
  'serialization.format' = ',',
  'serialization.null.format' = ''
)
STORED AS TEXTFILE
LOCATION 's3://acme-data/social/follower_gains/'
TBLPROPERTIES (
  'projection.enabled' = 'true',
  'projection.month.type' = 'date',
  'projection.month.format' = 'yyyy-MM',
  'projection.month.interval' = '1',
  'projection.month.interval.unit' = 'MONTHS',
  'projection.month.range' = '2025-12,NOW',
  'storage.location.template' = 's3://acme-data/social/follower_gains/month=\${month}/',
  'skip.header.line.count' = '1'
)`;

function definition(name: string, input = INPUT): AthenaTableDefinition {
  return athenaTableDefinitions(input).find((t) => t.name === name)!;
}

/** What Athena's GetTableMetadata reports for a table created from `table`. */
function metadataOf(table: AthenaTableDefinition): AthenaTableMetadata {
  const serdeParams = Object.fromEntries(Object.entries(table.serdeProperties).map(([k, v]) => [`serde.param.${k}`, v]));
  return {
    Columns: table.columns.map((c) => ({ Name: c.name, Type: c.type, Comment: c.comment })),
    PartitionKeys: table.partition ? [{ Name: 'month', Type: 'string', Comment: table.partition.comment }] : [],
    Parameters: {
      EXTERNAL: 'TRUE',
      comment: table.comment,
      inputformat: 'org.apache.hadoop.mapred.TextInputFormat',
      outputformat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      location: table.location.replace(/\/$/, ''),
      'serde.serialization.lib': table.serdeLibrary,
      ...serdeParams,
      ...table.tableProperties,
      transient_lastDdlTime: '1764313201',
    },
  };
}

describe('athenaDdl', () => {
  it('creates the database first, then one external table per lake folder', () => {
    const statements = athenaDdl(INPUT);
    expect(statements).toHaveLength(1 + LAKE_TABLES.length);
    expect(statements[0]).toBe("CREATE DATABASE IF NOT EXISTS `follower_pulse`\nCOMMENT 'Follower Pulse: daily social follower statistics'");
    expect(statements.slice(1).map((s) => /`follower_pulse`\.`(\w+)`/.exec(s)?.[1])).toEqual([...LAKE_TABLES]);
  });

  it('writes the exact follower_gains DDL', () => {
    expect(athenaDdl(INPUT)[1]).toBe(FOLLOWER_GAINS_DDL);
  });

  it('puts an English comment on every column, partition keys included, and never an unescaped quote', () => {
    for (const table of athenaTableDefinitions(INPUT)) {
      for (const column of [...table.columns, ...(table.partition ? [table.partition] : [])]) {
        expect(column.comment.length, `${table.name}.${column.name}`).toBeGreaterThan(10);
      }
      const sql = createTableSql(table);
      const columnLines = sql.split('\n').filter((line) => /^ {2}`/.test(line));
      expect(columnLines.length).toBe(table.columns.length + (table.partition ? 1 : 0));
      for (const line of columnLines) expect(line, line).toMatch(/^ {2}`\w+` (date|bigint|string) COMMENT '[^']+',?$/);
    }
  });

  it('projects the month partitions from the oldest month to NOW for every partitioned table', () => {
    for (const name of ['follower_gains', 'follower_totals', 'sync_runs']) {
      const table = definition(name);
      expect(table.partition).toMatchObject({ name: 'month', type: 'string' });
      expect(table.tableProperties).toEqual({
        'projection.enabled': 'true',
        'projection.month.type': 'date',
        'projection.month.format': 'yyyy-MM',
        'projection.month.interval': '1',
        'projection.month.interval.unit': 'MONTHS',
        'projection.month.range': '2025-12,NOW',
        'storage.location.template': `s3://acme-data/social/${name}/month=\${month}/`,
        'skip.header.line.count': '1',
      });
      expect(table.serdeLibrary).toBe('org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe');
    }
  });

  it('reads the quoted tables with OpenCSVSerDe, all columns strings, header skipped, no partitions', () => {
    for (const name of ['accounts', 'company_events']) {
      const table = definition(name);
      const sql = createTableSql(table);
      expect(sql).toContain("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'");
      expect(sql).toContain("'separatorChar' = ',',\n  'quoteChar' = '\"',\n  'escapeChar' = '\\\\'");
      expect(sql).not.toContain('PARTITIONED BY');
      expect(sql).not.toContain('projection');
      expect(table.columns.every((c) => c.type === 'string')).toBe(true);
      expect(table.tableProperties).toEqual({ 'skip.header.line.count': '1' });
      expect(sql).toContain(`LOCATION 's3://acme-data/social/${name}/'`);
    }
  });

  it('company_events carries account_id last (contract §6), so files written before it still line up', () => {
    const table = definition('company_events');
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'day', 'end_day', 'network', 'category', 'title', 'notes', 'account_id']);
    expect(table.columns.at(-1)!.comment).toContain('every page');
  });

  it('normalises the prefix the way the S3 uploader does', () => {
    expect(lakeS3Url('acme-data', '')).toBe('s3://acme-data/');
    expect(lakeS3Url('acme-data', '/social/pulse')).toBe('s3://acme-data/social/pulse/');
    expect(lakeS3Url('acme-data', 'social//pulse/')).toBe('s3://acme-data/social/pulse/');
    expect(definition('accounts', { ...INPUT, prefix: '' }).location).toBe('s3://acme-data/accounts/');
  });

  it('escapes Hive string literals and refuses names that could break the DDL', () => {
    expect(hiveString("it's a \\ test")).toBe("'it\\'s a \\\\ test'");
    expect(() => athenaDdl({ ...INPUT, oldestMonth: '2025-13' })).toThrow(RangeError);
    expect(() => athenaDdl({ ...INPUT, bucket: "x'; DROP" })).toThrow(RangeError);
    expect(() => athenaDdl({ ...INPUT, database: 'Bad-Name' })).toThrow(RangeError);
  });
});

describe('planTableChange', () => {
  const gains = definition('follower_gains');

  it('creates a missing table', () => {
    expect(planTableChange(gains, null)).toEqual({ action: 'create' });
  });

  it('leaves a table that matches (a re-run changes nothing), whatever extra parameters Athena adds', () => {
    for (const table of athenaTableDefinitions(INPUT)) {
      expect(planTableChange(table, metadataOf(table)), table.name).toEqual({ action: 'unchanged' });
    }
  });

  it('tolerates a catalog that does not report the SerDe or a table comment', () => {
    const metadata = metadataOf(gains);
    const parameters = Object.fromEntries(Object.entries(metadata.Parameters!).filter(([k]) => !k.startsWith('serde') && k !== 'comment'));
    expect(planTableChange(gains, { ...metadata, Parameters: parameters })).toEqual({ action: 'unchanged' });
  });

  it('replaces a table whose projection range, location, columns or SerDe differ', () => {
    const older = definition('follower_gains', { ...INPUT, oldestMonth: '2026-03' });
    expect(planTableChange(gains, metadataOf(older))).toEqual({ action: 'replace', reasons: ['projection.month.range changed'] });

    const moved = definition('follower_gains', { ...INPUT, prefix: 'old/' });
    expect(planTableChange(gains, metadataOf(moved))).toEqual({
      action: 'replace',
      reasons: ['location changed', 'storage.location.template changed'],
    });

    const metadata = metadataOf(gains);
    const renamed = { ...metadata, Columns: metadata.Columns!.map((c) => (c.Name === 'paid_gain' ? { ...c, Comment: 'old text' } : c)) };
    expect(planTableChange(gains, renamed)).toEqual({ action: 'replace', reasons: ['columns changed'] });

    const retyped = { ...metadata, Columns: metadata.Columns!.map((c) => (c.Name === 'day' ? { ...c, Type: 'string' } : c)) };
    expect(planTableChange(gains, retyped)).toEqual({ action: 'replace', reasons: ['columns changed'] });

    const openCsv = { ...metadata, Parameters: { ...metadata.Parameters, 'serde.serialization.lib': 'org.apache.hadoop.hive.serde2.OpenCSVSerde' } };
    expect(planTableChange(gains, openCsv)).toEqual({ action: 'replace', reasons: ['SerDe changed'] });

    const noProjection = { ...metadata, Parameters: { ...metadata.Parameters, 'projection.enabled': 'false' } };
    expect(planTableChange(gains, noProjection)).toEqual({ action: 'replace', reasons: ['projection.enabled changed'] });

    const unpartitioned = { ...metadata, PartitionKeys: [] };
    expect(planTableChange(gains, unpartitioned)).toEqual({ action: 'replace', reasons: ['partitioning changed'] });
  });
});
