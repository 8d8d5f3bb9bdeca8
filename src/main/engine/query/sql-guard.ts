import { AppError } from '../errors';
import { LAKE_TABLES } from '../lake/lake-layout';
import { SqlLexError, tokenizeSql, type SqlToken } from './sql-tokens';

/**
 * The read-only guard in front of both query engines: one SELECT (or WITH … SELECT) over the
 * lake tables, and for DuckDB also DESCRIBE/SHOW of them. Anything that could write, change
 * settings, load code or read a file other than the lake's is refused before it reaches an
 * engine. Comments and string literals are tokenized away first, so `select 'drop'` passes
 * and `/* *\/ drop` does not. Pure.
 *
 * It is one layer of several: the local engine also checks DuckDB's own statement type and
 * runs with external access limited to the lake folder and its configuration locked.
 */

export type SqlDialect = 'duckdb' | 'athena';

export interface SqlGuardOptions {
  /** `duckdb` (default) also allows DESCRIBE and SHOW of the lake tables. */
  dialect?: SqlDialect;
}

const LAKE_TABLE_SET: ReadonlySet<string> = new Set(LAKE_TABLES);

const QUERY_STARTS = new Set(['select', 'with', 'values', '(']);

// Statement keywords that write, change settings or load code, wherever they appear.
const WRITE_KEYWORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'upsert', 'create', 'drop', 'alter', 'truncate', 'rename',
  'attach', 'detach', 'copy', 'export', 'import', 'install', 'load', 'force', 'set', 'reset',
  'pragma', 'call', 'checkpoint', 'vacuum', 'analyze', 'use', 'grant', 'revoke', 'comment',
  'unload', 'msck', 'optimize', 'execute', 'prepare', 'deallocate', 'begin', 'commit', 'rollback',
  'abort', 'transaction', 'savepoint', 'into',
]);

// Keywords that are also harmless function names (Trino's truncate(x) rounds toward zero).
const ALSO_FUNCTIONS = new Set(['truncate']);

// Table functions that read files, other databases or run SQL held in a string.
const FILE_FUNCTION = /^(read_\w*|\w+_scan|glob|sniff_csv|query|query_table|st_read|parquet_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|json_execute_serialized_sql|load_aws_credentials|duckdb_secrets|which_secret)$/;

// After these a string literal is a table: DuckDB reads `FROM 'x.csv'` as a file.
const TABLE_POSITION = new Set(['from', 'join', 'pivot', 'unpivot', 'describe', 'show', 'summarize']);

const CLAUSE_WORDS = new Set(['select', 'from', 'where', 'group', 'having', 'order', 'limit', 'offset', 'qualify', 'window', 'union', 'except', 'intersect', 'fetch']);

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

function show(token: SqlToken): string {
  if (token.kind === 'string') return `'${token.text}'`;
  if (token.kind === 'quoted') return `"${token.text}"`;
  return token.kind === 'word' ? token.text.toUpperCase() : token.text;
}

/** The one statement's tokens, or a problem when there is none or more than one. */
function singleStatement(tokens: readonly SqlToken[]): SqlToken[] | string {
  const end = tokens.findIndex((t) => t.kind === 'punct' && t.text === ';');
  const statement = end === -1 ? [...tokens] : tokens.slice(0, end);
  if (statement.length === 0) return 'an empty query';
  if (end !== -1 && tokens.slice(end).some((t) => !(t.kind === 'punct' && t.text === ';'))) return 'more than one statement';
  return statement;
}

function isLakeTable(token: SqlToken | undefined): boolean {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted') && LAKE_TABLE_SET.has(token.text);
}

/** DESCRIBE <table> | DESCRIBE <query> | SHOW TABLES | SHOW ALL TABLES | SHOW <table>. */
function describeProblem(tokens: readonly SqlToken[]): string | null {
  const [first, second] = tokens;
  const rest = tokens
    .slice(1)
    .map((t) => (t.kind === 'word' ? t.text : '?'))
    .join(' ');
  if (first?.text === 'describe') {
    if (tokens.length === 2 && isLakeTable(second)) return null;
    if (second !== undefined && QUERY_STARTS.has(second.text) && second.kind !== 'string') return null;
  } else if (rest === 'tables' || rest === 'all tables' || (tokens.length === 2 && isLakeTable(second))) {
    return null;
  }
  return `${first.text.toUpperCase()} of anything but the lake tables`;
}

/** Levenshtein distance, capped: only "is it within 2" matters. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

// Statement words of DuckDB or Trino that are refused below by name, never taken for a typo.
const KNOWN_STATEMENTS = new Set([...WRITE_KEYWORDS, 'describe', 'show', 'explain', 'summarize', 'pivot', 'unpivot', 'from', 'table', 'deny', 'refresh', 'start']);

/**
 * A misspelt SELECT/WITH/VALUES (`SELEC`, `slect`, `wiht`): no statement starts with such a
 * word, so the engine's parser rejects it, and its syntax message says more than "refused".
 */
export function isMisspeltQueryStart(token: SqlToken | undefined): boolean {
  if (token?.kind !== 'word' || KNOWN_STATEMENTS.has(token.text) || QUERY_STARTS.has(token.text)) return false;
  return token.text.length >= 3 && ['select', 'with', 'values'].some((word) => editDistance(token.text, word) <= 2);
}

function startProblem(tokens: readonly SqlToken[], dialect: SqlDialect): string | null {
  const first = tokens[0];
  if (QUERY_STARTS.has(first.text) && first.kind !== 'string' && first.kind !== 'quoted') return null;
  if (isMisspeltQueryStart(first)) return null;
  if (dialect === 'duckdb' && first.kind === 'word' && (first.text === 'describe' || first.text === 'show')) {
    return describeProblem(tokens);
  }
  return `${show(first)} statements`;
}

function keywordProblem(tokens: readonly SqlToken[]): string | null {
  for (const [index, token] of tokens.entries()) {
    if (token.kind !== 'word' || !WRITE_KEYWORDS.has(token.text)) continue;
    const next = tokens[index + 1];
    if (ALSO_FUNCTIONS.has(token.text) && next?.kind === 'punct' && next.text === '(') continue;
    return `${token.text.toUpperCase()} (it writes data, changes settings or loads code)`;
  }
  return null;
}

function fileFunctionProblem(tokens: readonly SqlToken[]): string | null {
  const hit = tokens.find((t) => (t.kind === 'word' || t.kind === 'quoted') && FILE_FUNCTION.test(t.text));
  return hit ? `${hit.text}() (it reads files or runs other SQL directly)` : null;
}

function previousWord(tokens: readonly SqlToken[], index: number): SqlToken | undefined {
  let i = index - 1;
  while (i >= 0 && tokens[i].kind === 'punct' && tokens[i].text === '(') i--;
  return tokens[i];
}

/**
 * A string literal where a table belongs (`FROM 'x.csv'`, `JOIN 'y.parquet'`, `FROM t, 'z.csv'`),
 * or a quoted name that looks like a path (`FROM "x.csv"`, which DuckDB also reads as a file).
 */
function fileReferenceProblem(tokens: readonly SqlToken[]): string | null {
  // The clause (FROM, WHERE, …) each bracket depth is in, innermost last.
  const clauses: string[] = ['none'];
  for (const [index, token] of tokens.entries()) {
    if (token.kind === 'punct' && OPEN.has(token.text)) {
      clauses.push('none');
    } else if (token.kind === 'punct' && CLOSE.has(token.text)) {
      if (clauses.length > 1) clauses.pop();
    } else if (token.kind === 'word' && CLAUSE_WORDS.has(token.text)) {
      clauses[clauses.length - 1] = token.text;
    } else if (token.kind === 'quoted' && /[./\\:]/.test(token.text)) {
      return `${show(token)} (a name that looks like a file path)`;
    } else if (token.kind === 'string' && readsAsTable(tokens, index, clauses[clauses.length - 1])) {
      return `${show(token)} (it reads a file directly)`;
    }
  }
  return null;
}

function readsAsTable(tokens: readonly SqlToken[], index: number, clause: string): boolean {
  const before = previousWord(tokens, index);
  if (before === undefined) return false;
  if (before.kind === 'word' && TABLE_POSITION.has(before.text)) return true;
  const previous = tokens[index - 1];
  return clause === 'from' && previous?.kind === 'punct' && previous.text === ',';
}

/** Why `sql` is refused, or null when it is a read-only query over the lake tables. */
export function readOnlyProblem(sql: string, options: SqlGuardOptions = {}): string | null {
  let tokens: SqlToken[];
  try {
    tokens = tokenizeSql(sql);
  } catch (error) {
    if (error instanceof SqlLexError) return error.message;
    throw error;
  }
  const statement = singleStatement(tokens);
  if (typeof statement === 'string') return statement;
  const dialect = options.dialect ?? 'duckdb';
  return startProblem(statement, dialect) ?? keywordProblem(statement) ?? fileFunctionProblem(statement) ?? fileReferenceProblem(statement);
}

/**
 * The statement without the semicolons (and comments after them) that may end it: Athena
 * takes one statement and no terminator. Text that cannot be tokenized is returned as is.
 */
export function withoutTerminator(sql: string): string {
  try {
    const end = tokenizeSql(sql).find((t) => t.kind === 'punct' && t.text === ';');
    return end === undefined ? sql : sql.slice(0, end.at).trimEnd();
  } catch (error) {
    if (error instanceof SqlLexError) return sql;
    throw error;
  }
}

export const QUERY_TABLES_HINT = `query the lake tables ${LAKE_TABLES.join(', ')} with one SELECT (or WITH … SELECT)`;

/**
 * @throws AppError QUERY_REFUSED naming what was refused and the tables that can be queried;
 * QUERY_FAILED (a syntax error) for text that cannot be tokenized.
 */
export function checkReadOnlySql(sql: string, options: SqlGuardOptions = {}): void {
  // Text that cannot even be tokenized is a typo (an unclosed quote or comment), not a write.
  try {
    tokenizeSql(sql);
  } catch (error) {
    if (error instanceof SqlLexError) {
      throw new AppError('QUERY_FAILED', `Syntax error: the query has ${error.message}`, { hint: 'close the quote or comment and run it again' });
    }
    throw error;
  }
  const problem = readOnlyProblem(sql, options);
  if (problem === null) return;
  throw new AppError('QUERY_REFUSED', `Only read-only queries over the lake tables are allowed: ${problem}`, {
    hint: options.dialect === 'athena' ? QUERY_TABLES_HINT : `${QUERY_TABLES_HINT}, DESCRIBE or SHOW TABLES`,
  });
}
