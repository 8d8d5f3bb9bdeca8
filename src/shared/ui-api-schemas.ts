import * as z from './zod';
import { isDay } from './day';
import type { ErrorCode } from './error-codes';
import { IMPORT_FORMAT_NAMES, MAX_IMPORT_BASE64_CHARS } from './imports';
import { NETWORKS } from './networks';
import { SECRET_NAMES } from './secret-names';
import { settingsSchema, type Settings } from './settings-schema';
import type { ApiFailure, DeepPartial, UiMethod, UiRequest } from './ui-api';

/**
 * One request schema per UI method, used by both transports (the desktop's IPC handler and the
 * `serve` HTTP server) before a request reaches the engine. The map is typed over UiMethod, so
 * a method added to the contract without a schema does not compile. Every string is bounded:
 * the renderer is trusted code, but the HTTP transport is reachable by any local process.
 */
export const MAX_SECRET_CHARS = 4096;
export const MAX_SQL_CHARS = 20_000;
/** Any other free text the UI sends (ids, names, settings values). */
export const MAX_TEXT_CHARS = 2048;
export const MAX_QUERY_ROWS = 10_000;
export const MAX_RUNS_LIMIT = 1000;

const MAX_SETTINGS_ARRAY = 500;
const MAX_SETTINGS_DEPTH = 8;

const day = z.string().max(10).refine(isDay, 'expected a date YYYY-MM-DD');
const pageId = z.string().max(64).regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected the page id, e.g. 2414183');
// What an id looks like is the network's to say (its source validates and normalises it, e.g.
// LinkedIn's URN form), so the request only bounds its size.
const typedAccountId = z.string().trim().min(1, 'expected the page id').max(100);

/**
 * Methods without a request. The HTTP transport sends `{}` for them and IPC sends nothing, so
 * both are accepted; anything else is refused rather than silently ignored.
 */
const noRequest = z.union([z.undefined(), z.null(), z.strictObject({})]).transform((): void => undefined);

// ---------------------------------------------------------------- settings.update

/**
 * The patch schema is derived from the settings schema, so the two cannot drift: every object
 * becomes strict (a misspelt key is an error, not silently dropped) and partial, and defaults
 * are removed (a patch must never reset a key it does not mention). Arrays are replaced whole,
 * as DeepPartial<Settings> says, so their elements keep the full schema.
 */
function patchSchemaOf(schema: z.core.$ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault) inner = inner.unwrap();
  if (inner instanceof z.ZodObject) {
    const shape: Record<string, z.ZodType> = {};
    const fields: z.core.$ZodShape = inner.shape;
    for (const [key, value] of Object.entries(fields)) shape[key] = patchSchemaOf(value).optional();
    return z.strictObject(shape);
  }
  return inner instanceof z.ZodType ? inner : z.never();
}

/** Bounds that the settings schema itself does not state (free-text keys have no maximum). */
function checkBounds(value: unknown, ctx: z.RefinementCtx, path: PropertyKey[] = []): void {
  if (path.length > MAX_SETTINGS_DEPTH) {
    ctx.addIssue({ code: 'custom', message: 'nested too deeply', path });
  } else if (typeof value === 'string' && value.length > MAX_TEXT_CHARS) {
    ctx.addIssue({ code: 'custom', message: `expected ≤ ${MAX_TEXT_CHARS} characters`, path });
  } else if (Array.isArray(value)) {
    if (value.length > MAX_SETTINGS_ARRAY) ctx.addIssue({ code: 'custom', message: `expected ≤ ${MAX_SETTINGS_ARRAY} items`, path });
    else value.forEach((item, index) => checkBounds(item, ctx, [...path, index]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) checkBounds(item, ctx, [...path, key]);
  }
}

// The derived schema's static type is lost in the derivation; its runtime shape is exactly
// DeepPartial<Settings> (strict, defaults removed), which the unit test pins.
const settingsPatch = z
  .unknown()
  .superRefine((value, ctx) => checkBounds(value, ctx))
  .pipe(patchSchemaOf(settingsSchema)) as unknown as z.ZodType<DeepPartial<Settings>>;

// ---------------------------------------------------------------- import.preview / import.commit

function importUpload() {
  const column = z.string().trim().min(1).max(200).optional();
  return z.strictObject({
    fileName: z.string().trim().min(1, 'the file name is empty').max(255),
    contentBase64: z
      .string()
      .max(MAX_IMPORT_BASE64_CHARS, 'the file is larger than 10 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected the file as base64'),
    network: z.enum(NETWORKS),
    accountId: z.string().trim().max(200).optional(),
    format: z.enum(['auto', ...IMPORT_FORMAT_NAMES]).optional(),
    mapping: z.strictObject({ day: column, followers: column, organic: column, paid: column, gain: column }).optional(),
  });
}
// ---------------------------------------------------------------- insights (contract §8)

const MAX_SELECTED_ACCOUNTS = 1000;
const accountKey = z.string().max(80).regex(/^[a-z]+:[A-Za-z0-9_.-]{1,64}$/, 'expected NETWORK:ID, e.g. linkedin:2414183');
const accountKeys = z.array(accountKey).max(MAX_SELECTED_ACCOUNTS).optional();

const reportRequest = z
  .strictObject({
    accounts: accountKeys,
    from: day.optional(),
    to: day.optional(),
    period: z.enum(['7d', '30d', '90d', '365d', 'mtd', 'ytd']).optional(),
    granularity: z.enum(['day', 'week', 'month']).optional(),
  })
  .refine((r) => (r.from === undefined) === (r.to === undefined), { message: 'from and to go together', path: ['to'] })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'from is after to', path: ['from'] })
  .refine((r) => r.period === undefined || r.from === undefined, { message: 'give either from/to or a period', path: ['period'] });

export const MAX_EVENTS_CSV_CHARS = 2_000_000;
const eventId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'expected an id');
// Deeper checks (dates in order, title not empty, account form) are the engine's, so the CLI and the UI say the same.
const eventInput = z.strictObject({
  day,
  endDay: day.nullable().optional(),
  title: z.string().max(MAX_TEXT_CHARS),
  category: z.string().max(MAX_TEXT_CHARS).optional(),
  network: z.enum(NETWORKS).nullable().optional(),
  accountId: z.string().trim().max(80).nullable().optional(),
  notes: z.string().max(MAX_TEXT_CHARS).optional(),
});

// ---------------------------------------------------------------- the map

type RequestSchemas = { readonly [M in UiMethod]: z.ZodType<UiRequest<M>, unknown> };

export const UI_REQUEST_SCHEMAS: RequestSchemas = {
  'app.info': noRequest,
  'settings.get': noRequest,
  'settings.update': settingsPatch,
  'secrets.status': noRequest,
  'secrets.set': z.strictObject({
    name: z.enum(SECRET_NAMES),
    // Pasted tokens often carry a trailing newline; the CLI trims too.
    value: z.string().max(MAX_SECRET_CHARS, `expected ≤ ${MAX_SECRET_CHARS} characters`).trim().min(1, 'the value is empty'),
  }),
  'secrets.clear': z.strictObject({ name: z.enum(SECRET_NAMES) }),
  'linkedin.checkToken': noRequest,
  'linkedin.discoverPages': noRequest,
  'linkedin.startSignIn': noRequest,
  'linkedin.signInState': noRequest,
  'accounts.list': noRequest,
  'accounts.add': z.strictObject({
    network: z.enum(NETWORKS),
    id: typedAccountId,
    name: z.string().trim().max(200).optional(),
  }),
  'accounts.remove': z.strictObject({ network: z.enum(NETWORKS), id: pageId }),
  'accounts.setEnabled': z.strictObject({ network: z.enum(NETWORKS), id: pageId, enabled: z.boolean() }),
  'sync.start': z
    .strictObject({ accountId: pageId.optional(), from: day.optional(), to: day.optional() })
    .refine((r) => (r.from === undefined) === (r.to === undefined), { message: 'from and to go together', path: ['to'] })
    .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'from is after to', path: ['from'] }),
  'sync.progress': noRequest,
  'scheduler.state': noRequest,
  'runs.list': z.strictObject({
    limit: z.number().int().min(1).max(MAX_RUNS_LIMIT).optional(),
    status: z.enum(['failed', 'partial', 'no-data', 'success', 'up-to-date']).optional(),
  }),
  'runs.get': z.strictObject({ runId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'expected a run id') }),
  'lake.coverage': noRequest,
  'data.previews': noRequest,
  'data.query': z.strictObject({
    sql: z.string().max(MAX_SQL_CHARS, `expected ≤ ${MAX_SQL_CHARS} characters`).refine((s) => s.trim() !== '', 'the query is empty'),
    engine: z.enum(['local', 'athena']),
    maxRows: z.number().int().min(1).max(MAX_QUERY_ROWS).optional(),
  }),
  'doctor.run': noRequest,
  'sources.testConnection': z.strictObject({ network: z.enum(NETWORKS), accountId: typedAccountId.optional() }),
  'alerts.sendTest': noRequest,
  'import.preview': importUpload(),
  'import.commit': importUpload(),
  'insights.report': reportRequest,
  'insights.forecast': z.strictObject({ accounts: accountKeys, horizon: z.number().int().min(1).max(730) }),
  'events.list': noRequest,
  'events.add': eventInput,
  'events.update': eventInput.extend({ id: eventId }),
  'events.remove': z.strictObject({ id: eventId }),
  'events.import': z.strictObject({ csv: z.string().max(MAX_EVENTS_CSV_CHARS, `expected ≤ ${MAX_EVENTS_CSV_CHARS} characters`) }),
  'goals.list': noRequest,
  'goals.add': z.strictObject({
    target: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    by: day,
    network: z.enum(NETWORKS).nullable().optional(),
    accountId: z.string().trim().max(80).nullable().optional(),
    name: z.string().trim().max(200).optional(),
  }),
  'goals.remove': z.strictObject({ id: eventId }),
};

export type ParsedRequest<M extends UiMethod> = { ok: true; value: UiRequest<M> } | ApiFailure;

/**
 * Validates a request for `method`. A failure is an ApiFailure naming every bad key (issues),
 * SETTINGS_INVALID for settings.update (so the Settings view can show inline errors) and USAGE
 * otherwise. Messages never echo the input, so a secret value cannot come back in one.
 */
export function parseUiRequest<M extends UiMethod>(method: M, request: unknown): ParsedRequest<M> {
  // Indexing a mapped type with a generic key widens it; the entry for M is the schema for M.
  const schema = UI_REQUEST_SCHEMAS[method] as z.ZodType<UiRequest<M>, unknown>;
  const result = schema.safeParse(request, { reportInput: false });
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const code: ErrorCode = method === 'settings.update' ? 'SETTINGS_INVALID' : 'USAGE';
  const listed = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return {
    ok: false,
    code,
    message: `The request for ${method} is invalid: ${listed}`,
    hint: code === 'SETTINGS_INVALID' ? 'nothing was saved; correct the values named above' : 'this is a bug in the app that sent it; reload the page and try again',
    issues,
  };
}
