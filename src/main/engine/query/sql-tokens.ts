/**
 * A small SQL tokenizer for the read-only guard: enough of DuckDB's and Trino's lexical rules
 * to tell keywords from the insides of comments, string literals and quoted names. Pure.
 */

export type SqlTokenKind = 'word' | 'quoted' | 'string' | 'number' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Words and quoted names lower-cased (SQL folds case); strings as written inside the quotes. */
  text: string;
  /** Offset in the source, for messages. */
  at: number;
}

/** The text cannot be tokenized (an unterminated comment, string or quoted name). */
export class SqlLexError extends Error {}

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

interface Cursor {
  sql: string;
  i: number;
  tokens: SqlToken[];
}

function skipLineComment(c: Cursor): void {
  const end = c.sql.indexOf('\n', c.i);
  c.i = end === -1 ? c.sql.length : end + 1;
}

// Not nested: in `/* /* */ drop */` the guard sees `drop`, which refuses a query DuckDB might
// accept; the safe side of the ambiguity.
function skipBlockComment(c: Cursor): void {
  const end = c.sql.indexOf('*/', c.i + 2);
  if (end === -1) throw new SqlLexError('an unterminated /* comment');
  c.i = end + 2;
}

/** A '…' literal with '' for a quote; in an E'…' literal a backslash also escapes. */
function readString(c: Cursor, backslashEscapes: boolean): void {
  const start = c.i;
  let text = '';
  let i = c.i + 1;
  for (;;) {
    const ch = c.sql[i];
    if (ch === undefined) throw new SqlLexError('an unterminated string literal');
    if (backslashEscapes && ch === '\\') {
      text += c.sql[i + 1] ?? '';
      i += 2;
    } else if (ch === "'") {
      if (c.sql[i + 1] !== "'") break;
      text += "'";
      i += 2;
    } else {
      text += ch;
      i += 1;
    }
  }
  c.tokens.push({ kind: 'string', text, at: start });
  c.i = i + 1;
}

function readDollarString(c: Cursor, tag: string): void {
  const end = c.sql.indexOf(tag, c.i + tag.length);
  if (end === -1) throw new SqlLexError('an unterminated $$ string');
  c.tokens.push({ kind: 'string', text: c.sql.slice(c.i + tag.length, end), at: c.i });
  c.i = end + tag.length;
}

/** "…" (SQL) or `…` (Hive) names, with a doubled quote standing for itself. */
function readQuoted(c: Cursor, quote: string): void {
  const start = c.i;
  let text = '';
  let i = c.i + 1;
  for (;;) {
    const ch = c.sql[i];
    if (ch === undefined) throw new SqlLexError('an unterminated quoted name');
    if (ch === quote) {
      if (c.sql[i + 1] !== quote) break;
      text += quote;
      i += 2;
    } else {
      text += ch;
      i += 1;
    }
  }
  c.tokens.push({ kind: 'quoted', text: text.toLowerCase(), at: start });
  c.i = i + 1;
}

function readWord(c: Cursor): void {
  const start = c.i;
  let i = c.i + 1;
  while (i < c.sql.length && WORD_PART.test(c.sql[i])) i++;
  const word = c.sql.slice(start, i);
  // E'…' is a string with backslash escapes; X'…', B'…', N'…' are ordinary quoting.
  if (c.sql[i] === "'" && /^[ebxnu]$/i.test(word)) {
    c.i = i;
    readString(c, word.toLowerCase() === 'e');
    return;
  }
  c.tokens.push({ kind: 'word', text: word.toLowerCase(), at: start });
  c.i = i;
}

function readNumber(c: Cursor): void {
  const match = /^\d[\d_]*(\.\d*)?([eE][+-]?\d+)?/.exec(c.sql.slice(c.i))!;
  c.tokens.push({ kind: 'number', text: match[0], at: c.i });
  c.i += match[0].length;
}

function readNext(c: Cursor): void {
  const ch = c.sql[c.i];
  const next = c.sql[c.i + 1];
  if (/\s/.test(ch)) c.i += 1;
  else if (ch === '-' && next === '-') skipLineComment(c);
  else if (ch === '/' && next === '*') skipBlockComment(c);
  else if (ch === "'") readString(c, false);
  else if (ch === '"' || ch === '`') readQuoted(c, ch);
  else if (ch === '$' && DOLLAR_TAG.test(c.sql.slice(c.i))) readDollarString(c, DOLLAR_TAG.exec(c.sql.slice(c.i))![0]);
  else if (WORD_START.test(ch)) readWord(c);
  else if (/\d/.test(ch)) readNumber(c);
  else {
    c.tokens.push({ kind: 'punct', text: ch, at: c.i });
    c.i += 1;
  }
}

/** Tokens of `sql` without comments or whitespace. @throws SqlLexError */
export function tokenizeSql(sql: string): SqlToken[] {
  const c: Cursor = { sql, i: 0, tokens: [] };
  while (c.i < sql.length) readNext(c);
  return c.tokens;
}
