import type { ColumnInfo, GetQueryResultsCommandOutput, Row } from '@aws-sdk/client-athena';
import type { QueryResult, QueryValue } from '../../src/main/engine/query/query-types';

/**
 * Serves a query result in Athena's wire format, as GetQueryResults returns it: every cell a
 * string (NULL an absent VarCharValue), types in ResultSetMetadata.ColumnInfo, the first row
 * of the first page the column names, and NextToken between pages.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The type Athena would report for a column holding these values. */
export function athenaTypeOf(values: readonly QueryValue[]): string {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'varchar';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number' && Number.isInteger(v))) return 'bigint';
  if (present.every((v) => typeof v === 'number')) return 'double';
  if (present.every((v) => typeof v === 'string' && DAY.test(v))) return 'date';
  return 'varchar';
}

function cell(value: QueryValue): { VarCharValue?: string } {
  return value === null ? {} : { VarCharValue: String(value) };
}

export function columnInfo(result: Pick<QueryResult, 'columns' | 'rows'>): ColumnInfo[] {
  return result.columns.map((name) => ({
    Name: name,
    Label: name,
    Type: athenaTypeOf(result.rows.map((r) => r[name] ?? null)),
    CatalogName: 'hive',
    SchemaName: '',
    TableName: '',
    Nullable: 'UNKNOWN',
    CaseSensitive: true,
    Precision: 0,
    Scale: 0,
  }));
}

/** GetQueryResults pages for `result`, `pageSize` data rows each (the header rides on page 1). */
export function athenaPages(result: Pick<QueryResult, 'columns' | 'rows'>, pageSize: number, info = columnInfo(result)): GetQueryResultsCommandOutput[] {
  const header: Row = { Data: result.columns.map((name) => ({ VarCharValue: name })) };
  const data: Row[] = result.rows.map((row) => ({ Data: result.columns.map((name) => cell(row[name] ?? null)) }));
  const pages: GetQueryResultsCommandOutput[] = [];
  for (let start = 0; start === 0 || start < data.length; start += pageSize) {
    const rows = data.slice(start, start + pageSize);
    const index = pages.length;
    pages.push({
      $metadata: {},
      UpdateCount: 0,
      ResultSet: { Rows: index === 0 ? [header, ...rows] : rows, ResultSetMetadata: { ColumnInfo: info } },
      NextToken: start + pageSize < data.length ? `page-${index + 1}` : undefined,
    });
  }
  return pages;
}

/** A callsFake handler serving `pages` by NextToken. */
export function servePages(pages: readonly GetQueryResultsCommandOutput[]): (input: { NextToken?: string }) => GetQueryResultsCommandOutput {
  return (input) => {
    const index = input.NextToken === undefined ? 0 : Number(input.NextToken.replace('page-', ''));
    const page = pages[index];
    if (!page) throw new Error(`no page for token ${String(input.NextToken)}`);
    return page;
  };
}
