import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as z from '../../../shared/zod';
import { isDay } from '../dates';
import { writeFileAtomic } from '../atomic-write';
import { AppError } from '../errors';
import { endpointIssues, tokenUrlProblem, unknownKeyIssues } from './settings-rules';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings-schema';

export const SETTINGS_FILE = 'settings.json';

type Env = Readonly<Record<string, string | undefined>>;

export interface SettingsIssue {
  /** Dotted key, e.g. `linkedin.lagDays` or `accounts.0.id`; empty for the whole document. */
  path: string;
  message: string;
}

/** settings.json (or settings about to be saved) breaks the schema; exit 2 in the CLI, a banner in the UI. */
export class SettingsInvalidError extends AppError {
  readonly issues: readonly SettingsIssue[];

  constructor(issues: readonly SettingsIssue[], options: { subject: string; hint: string; cause?: unknown }) {
    super('SETTINGS_INVALID', `${options.subject} is invalid: ${describeIssues(issues)}`, {
      hint: options.hint,
      cause: options.cause,
    });
    this.name = 'SettingsInvalidError';
    this.issues = issues;
  }
}

/**
 * Reads and writes `<home>/settings.json`. `load` never writes: a missing file means defaults,
 * an invalid one is reported key by key and left exactly as it is.
 */
export class SettingsStore {
  readonly #file: string;
  readonly #env: Env;

  /** `env` is only consulted so that `save` never persists an environment override. */
  constructor(home: string, env: Env = process.env) {
    this.#file = path.join(home, SETTINGS_FILE);
    this.#env = env;
  }

  get path(): string {
    return this.#file;
  }

  async load(): Promise<Settings> {
    const text = await readTextIfExists(this.#file);
    if (text === null) return defaultSettings();
    return parseSettingsText(text, this.#file);
  }

  async save(settings: Settings): Promise<Settings> {
    return runExclusive(this.#file, () => this.#write(settings));
  }

  /** Read-modify-write of the FILE settings (never the environment-applied ones). */
  async update(fn: (settings: Settings) => Settings): Promise<Settings> {
    return runExclusive(this.#file, async () => this.#write(fn(await this.load())));
  }

  async #write(settings: Settings): Promise<Settings> {
    const valid = validateForSave(settings);
    const persisted = await this.#withoutEnvironment(valid);
    await writeJsonAtomic(this.#file, persisted);
    return persisted;
  }

  // A caller that edits the effective settings (e.g. a Settings window) must not turn a
  // temporary FOLLOWER_PULSE_LINKEDIN_API_URL into a permanent setting.
  async #withoutEnvironment(settings: Settings): Promise<Settings> {
    const override = rawApiUrlOverride(this.#env);
    if (override === undefined || settings.linkedin.apiBaseUrl !== override) return settings;
    const onFile = await this.load().catch(() => defaultSettings());
    return { ...settings, linkedin: { ...settings.linkedin, apiBaseUrl: onFile.linkedin.apiBaseUrl } };
  }
}

/** Parses settings.json text; throws SettingsInvalidError naming every bad key. */
export function parseSettingsText(text: string, file: string): Settings {
  const hint = `fix the file at ${file} (it was left untouched) or open Settings`;
  let data: unknown;
  try {
    // Notepad writes a BOM, which JSON.parse rejects.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = `not valid JSON (${jsonErrorReason(error, text)})`;
    throw new SettingsInvalidError([{ path: '', message }], { subject: SETTINGS_FILE, hint, cause: error });
  }
  const result = settingsSchema.safeParse(data, { error: issueMessage });
  const issues = allIssues(result.success ? [] : toIssues(result.error), data);
  if (!result.success || issues.length > 0) throw new SettingsInvalidError(issues, { subject: SETTINGS_FILE, hint });
  return result.data;
}

// V8 reports a character offset; people editing the file by hand think in lines.
function jsonErrorReason(error: unknown, text: string): string {
  const reason = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(reason);
  if (!position) return reason;
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(position[1])).split('\n');
  return `${reason}; line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** The schema's issues plus contract §3–§4 rules it cannot state; one issue per key. */
function allIssues(schemaIssues: SettingsIssue[], data: unknown): SettingsIssue[] {
  const named = new Set(schemaIssues.map((i) => i.path));
  return [...schemaIssues, ...[...unknownKeyIssues(data), ...endpointIssues(data)].filter((i) => !named.has(i.path))];
}

function validateForSave(settings: Settings): Settings {
  const result = settingsSchema.safeParse(settings, { error: issueMessage });
  const issues = allIssues(result.success ? [] : toIssues(result.error), settings);
  if (result.success && issues.length === 0) return result.data;
  throw new SettingsInvalidError(issues, {
    subject: 'The settings',
    hint: 'nothing was saved; correct the values named above',
  });
}

/** Effective settings: the file's settings with the environment overrides of contract §3 applied. */
export function applyEnvironment(settings: Settings, env: Env): Settings {
  const apiBaseUrl = linkedinApiUrlOverride(env);
  if (apiBaseUrl === undefined) return settings;
  return { ...settings, linkedin: { ...settings.linkedin, apiBaseUrl } };
}

function rawApiUrlOverride(env: Env): string | undefined {
  return env.FOLLOWER_PULSE_LINKEDIN_API_URL?.trim() || undefined;
}

function linkedinApiUrlOverride(env: Env): string | undefined {
  const value = rawApiUrlOverride(env);
  if (value === undefined) return undefined;
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) {
    throw new AppError('USAGE', `FOLLOWER_PULSE_LINKEDIN_API_URL is not an http(s) URL: ${value}`, {
      hint: 'set it to a URL such as http://127.0.0.1:8080/rest, or unset it',
    });
  }
  const problem = tokenUrlProblem(value);
  if (problem) {
    throw new AppError('USAGE', `FOLLOWER_PULSE_LINKEDIN_API_URL is refused: ${problem}`, {
      hint: 'use an https:// URL or a proxy on 127.0.0.1, or unset it',
    });
  }
  return value;
}

// An instant needs a zone: a local-time value would plan different days on different machines.
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** "Now" for planning: FOLLOWER_PULSE_NOW (reproducible backfills and tests) or the clock. */
export function nowFromEnv(env: Env): Date {
  const raw = env.FOLLOWER_PULSE_NOW?.trim();
  if (!raw) return new Date();
  const date = parseIsoInstant(raw);
  if (date === null) {
    throw new AppError('USAGE', `FOLLOWER_PULSE_NOW is not an ISO-8601 instant: ${raw}`, {
      hint: 'use e.g. 2026-11-28T07:00:00Z or 2026-11-28, or unset it to use the clock',
    });
  }
  return date;
}

function parseIsoInstant(raw: string): Date | null {
  const day = isDay(raw) ? raw : ISO_INSTANT.exec(raw)?.[1];
  // Date.parse rolls 2026-02-30 over to March; refuse it instead.
  if (day === undefined || !isDay(day)) return null;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms);
}

// ---- issue formatting -------------------------------------------------------------------

type Issue = z.core.$ZodRawIssue;

/** Plain-language messages for zod issues that carry no message of their own. */
function issueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return boundMessage(issue.origin, '≥', '>', issue.minimum, issue.inclusive);
    case 'too_big':
      return boundMessage(issue.origin, '≤', '<', issue.maximum, issue.inclusive);
    case 'invalid_type':
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'expected a whole number';
      return `expected ${article(issue.expected)}, got ${describeInput(issue.input)}`;
    case 'invalid_value':
      return expectedValues(issue.values);
    case 'invalid_format':
      return issue.format === 'regex' ? `expected text matching ${issue.pattern}` : `expected ${article(issue.format)}`;
    default:
      return undefined;
  }
}

function boundMessage(origin: string, incl: string, excl: string, bound: number | bigint, inclusive?: boolean): string {
  const op = inclusive === false ? excl : incl;
  if (origin === 'number' || origin === 'int' || origin === 'bigint') return `expected a number ${op} ${bound}`;
  if (origin === 'string') return `expected ${op} ${bound} characters`;
  return `expected ${op} ${bound} items`;
}

function expectedValues(values: readonly unknown[]): string {
  const listed = values.map((v) => JSON.stringify(v));
  return listed.length > 2 ? `expected one of ${listed.join(', ')}` : `expected ${listed.join(' or ')}`;
}

const NOUNS: Readonly<Record<string, string>> = { string: 'text', email: 'e-mail address', array: 'list', int: 'whole number' };

function article(noun: string): string {
  const name = NOUNS[noun] ?? noun;
  return /^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (input === undefined) return 'nothing';
  return article(typeof input);
}

function toIssues(error: z.ZodError): SettingsIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function describeIssues(issues: readonly SettingsIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

// ---- atomic files (shared with the state store) -------------------------------------------

async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoCode(error, 'ENOENT')) return null;
    if (isErrnoCode(error, 'EISDIR')) {
      throw new SettingsInvalidError([{ path: '', message: `${file} is a folder, not a file` }], {
        subject: SETTINGS_FILE,
        hint: 'move that folder away; the app then starts from default settings',
        cause: error,
      });
    }
    throw error;
  }
}

/** Pretty JSON, written so the file is either the old or the new document, never half of one. */
export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

const queues = new Map<string, Promise<void>>();

/**
 * Runs tasks for one key one after another within this process: two saves from the same pid
 * would otherwise share a temp file name, and a read-modify-write could lose an update.
 */
export async function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, tail);
  try {
    return await run;
  } finally {
    // Forget the key once nothing is queued behind this task, so the map cannot grow.
    if (queues.get(key) === tail) queues.delete(key);
  }
}

export function isErrnoCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
