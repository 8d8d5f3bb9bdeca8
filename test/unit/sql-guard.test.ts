import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import { checkReadOnlySql, readOnlyProblem, withoutTerminator } from '../../src/main/engine/query/sql-guard';
import { tokenizeSql } from '../../src/main/engine/query/sql-tokens';
import { previewQueries } from '../../src/main/engine/query/preview-queries';

describe('readOnlyProblem: allowed', () => {
  it.each([
    'SELECT * FROM follower_gains',
    'select day, total_gain from follower_gains where day >= DATE \'2026-01-01\' order by day;',
    'SELECT 1;;',
    'WITH g AS (SELECT * FROM follower_gains) SELECT count(*) AS n FROM g',
    'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r',
    '(SELECT 1) UNION (SELECT 2)',
    'VALUES (1, 2)',
    "SELECT 'drop table accounts; delete' AS text",
    "SELECT 'it''s; drop' AS text",
    'SELECT "drop" FROM (SELECT 1 AS "drop") t',
    'SELECT 1 -- ; drop table x',
    'SELECT /* ; drop */ 1',
    "SELECT replace(name, 'a', 'b') AS n FROM accounts",
    'SELECT truncate(2.5) AS t',
    "SELECT * FROM follower_gains WHERE source IN ('api', 'import') AND network = 'linkedin'",
    "SELECT a.name, 'x' AS tag FROM accounts a JOIN follower_gains g ON g.account_id = a.account_id AND g.source = 'api'",
    "SELECT * FROM unnest(['a.csv', 'b.csv']) AS t(x)",
    "SELECT $$a'b$$ AS s",
    "SELECT E'it\\'s' AS s",
    'SELECT "follower_gains"."day" FROM "follower_gains"',
    'DESCRIBE follower_gains',
    'describe "accounts"',
    'DESCRIBE SELECT * FROM follower_totals',
    'SHOW TABLES',
    'SHOW ALL TABLES',
    'SHOW sync_runs',
  ])('%s', (sql) => {
    expect(readOnlyProblem(sql)).toBeNull();
  });

  it('allows every preview query in both dialects', () => {
    for (const preview of previewQueries) {
      expect(readOnlyProblem(preview.sql), preview.id).toBeNull();
      expect(readOnlyProblem(preview.sql, { dialect: 'athena' }), preview.id).toBeNull();
    }
  });
});

describe('readOnlyProblem: refused', () => {
  it.each([
    ['', 'an empty query'],
    ['  -- nothing\n', 'an empty query'],
    ['SELECT 1; SELECT 2', 'more than one statement'],
    ['SELECT 1; DROP TABLE accounts', 'more than one statement'],
    ["SELECT ';' AS a; DELETE FROM accounts", 'more than one statement'],
    ['DROP TABLE follower_gains', 'DROP statements'],
    ['/* harmless */ drop table follower_gains', 'DROP statements'],
    ['/* SELECT */ DELETE FROM accounts', 'DELETE statements'],
    ['INSERT INTO accounts VALUES (1)', 'INSERT statements'],
    ['CREATE TABLE t AS SELECT 1', 'CREATE statements'],
    ["COPY (SELECT 1) TO '/tmp/x.csv'", 'COPY statements'],
    ["ATTACH '/tmp/x.db' AS x", 'ATTACH statements'],
    ['INSTALL httpfs', 'INSTALL statements'],
    ['LOAD httpfs', 'LOAD statements'],
    ['SET enable_external_access = true', 'SET statements'],
    ['PRAGMA enable_profiling', 'PRAGMA statements'],
    ["EXPORT DATABASE '/tmp/out'", 'EXPORT statements'],
    ['CALL pragma_version()', 'CALL statements'],
    ['EXPLAIN ANALYZE SELECT 1', 'EXPLAIN statements'],
    ["'select' FROM x", "'select' statements"],
    ['WITH x AS (SELECT 1) INSERT INTO accounts SELECT * FROM x', 'INSERT (it writes'],
    ['SELECT 1 INTO t', 'INTO (it writes'],
    ['SELECT * FROM follower_gains; /* */ ; UPDATE accounts SET name = 1', 'more than one statement'],
    ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv()'],
    ["SELECT * FROM read_csv_auto('x.csv')", 'read_csv_auto()'],
    ["SELECT * FROM READ_PARQUET('x.parquet')", 'read_parquet()'],
    ["SELECT * FROM read_json_auto('x.json')", 'read_json_auto()'],
    ["SELECT content FROM read_text('/etc/hosts')", 'read_text()'],
    ["SELECT * FROM read_blob('/etc/hosts')", 'read_blob()'],
    ["SELECT * FROM glob('/home/*')", 'glob()'],
    ["SELECT * FROM sqlite_scan('x.db', 't')", 'sqlite_scan()'],
    ["SELECT * FROM parquet_metadata('x.parquet')", 'parquet_metadata()'],
    ["SELECT * FROM query('SELECT 1')", 'query()'],
    ['SELECT * FROM "read_csv"(\'x.csv\')', 'read_csv()'],
    ["SELECT * FROM 'secrets.csv'", "'secrets.csv' (it reads a file directly)"],
    ["SELECT * FROM/**/'x.csv'", "'x.csv' (it reads a file directly)"],
    ["SELECT * FROM ('x.csv')", "'x.csv' (it reads a file directly)"],
    ["SELECT * FROM follower_gains g JOIN 'x.parquet' p USING (day)", "'x.parquet' (it reads a file directly)"],
    ["SELECT * FROM follower_gains, 'x.csv'", "'x.csv' (it reads a file directly)"],
    ["SELECT * FROM follower_gains g, accounts a, '/etc/passwd' p", "'/etc/passwd' (it reads a file directly)"],
    ['SELECT * FROM $$x.csv$$', "'x.csv' (it reads a file directly)"],
    ["SELECT * FROM (SELECT * FROM 'x.csv')", "'x.csv' (it reads a file directly)"],
    ['SELECT * FROM "data.csv"', '"data.csv" (a name that looks like a file path)'],
    ['SELECT * FROM "/etc/passwd"', '"/etc/passwd"'],
    ["DESCRIBE 'x.csv'", 'DESCRIBE of anything but the lake tables'],
    ['DESCRIBE duckdb_settings', 'DESCRIBE of anything but the lake tables'],
    ['SHOW databases', 'SHOW of anything but the lake tables'],
    ['SELECT 1 /* unterminated', 'an unterminated /* comment'],
    ["SELECT 'unterminated", 'an unterminated string literal'],
    ["SELECT E'it\\' ; drop table x", 'an unterminated string literal'],
    ['SELECT "unterminated', 'an unterminated quoted name'],
  ])('%s', (sql, expected) => {
    expect(readOnlyProblem(sql)).toContain(expected);
  });

  it('refuses DESCRIBE and SHOW on Athena, where the UI never needs them', () => {
    expect(readOnlyProblem('DESCRIBE follower_gains', { dialect: 'athena' })).toBe('DESCRIBE statements');
    expect(readOnlyProblem('SHOW TABLES', { dialect: 'athena' })).toBe('SHOW statements');
    expect(readOnlyProblem('UNLOAD (SELECT 1) TO \'s3://b/x\' WITH (format = \'CSV\')', { dialect: 'athena' })).toBe('UNLOAD statements');
  });
});

describe('checkReadOnlySql', () => {
  it('throws QUERY_REFUSED with what was refused and the tables to use', () => {
    let error: unknown;
    try {
      checkReadOnlySql('/* */ drop table follower_gains');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('QUERY_REFUSED');
    expect(appError.message).toBe('Only read-only queries over the lake tables are allowed: DROP statements');
    expect(appError.hint).toContain('follower_gains, follower_totals, accounts, company_events, sync_runs');
    expect(appError.oneLine()).not.toContain('\n');
  });

  it('passes a read-only query', () => {
    expect(() => checkReadOnlySql('SELECT 1')).not.toThrow();
  });
});

describe('typos reach the engine, whose parser names the error', () => {
  it.each(['SELEC * FROM follower_gains', 'slect day FROM follower_gains', 'selectt 1', 'wiht g AS (SELECT 1) SELECT * FROM g', 'valuse (1)'])('%s', (sql) => {
    expect(readOnlyProblem(sql)).toBeNull();
    expect(readOnlyProblem(sql, { dialect: 'athena' })).toBeNull();
  });

  it('still refuses statements that are not typos, and writes after a typo', () => {
    expect(readOnlyProblem('SET x = 1')).toBe('SET statements');
    expect(readOnlyProblem('RESET x')).toBe('RESET statements');
    expect(readOnlyProblem('SELEC 1 INTO t')).toContain('INTO (it writes');
    expect(readOnlyProblem("SELEC * FROM 'x.csv'")).toContain('(it reads a file directly)');
  });

  it('reports text that cannot be tokenized as a syntax error, not as a refusal', () => {
    let error: unknown;
    try {
      checkReadOnlySql("SELECT 'unterminated FROM follower_gains");
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('QUERY_FAILED');
    expect((error as AppError).message).toBe('Syntax error: the query has an unterminated string literal');
  });
});

describe('withoutTerminator', () => {
  it('drops the semicolons ending the one statement, and what follows them', () => {
    expect(withoutTerminator('SELECT 1')).toBe('SELECT 1');
    expect(withoutTerminator('SELECT 1 ;; \n')).toBe('SELECT 1');
    expect(withoutTerminator("SELECT ';' AS s; -- done")).toBe("SELECT ';' AS s");
    expect(withoutTerminator('SELECT 1 -- no; terminator')).toBe('SELECT 1 -- no; terminator');
  });
});

describe('tokenizeSql', () => {
  it('drops comments, keeps string contents and folds words to lower case', () => {
    const tokens = tokenizeSql("SELECT /* x */ 'It''s' AS \"Col\" -- c\nFROM t");
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'select'],
      ['string', "It's"],
      ['word', 'as'],
      ['quoted', 'col'],
      ['word', 'from'],
      ['word', 't'],
    ]);
  });
});
