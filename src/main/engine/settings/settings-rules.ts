import * as z from '../../../shared/zod';
import { settingsSchema } from '../../../shared/settings-schema';

/**
 * Rules of contract §3–§4 that the settings schema alone does not enforce, pure. Each returns
 * issues as `{ path, message }` so a bad file is reported key by key and never rewritten.
 */
export interface RuleIssue {
  path: string;
  message: string;
}

/** Contract §3: a bearer token is never sent in clear text or to a host settings alone named. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Why `value` may not carry a token, or null when it may (https, or http to a loopback host). */
export function tokenUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'expected an https:// URL';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return null;
  return 'expected an https:// URL (plain http:// only to 127.0.0.1, ::1 or localhost): the access token would be sent in clear text';
}

const TOKEN_URL_KEYS = ['apiBaseUrl', 'oauthBaseUrl'] as const;

/** The LinkedIn endpoints of a settings document (raw or parsed) that may not carry the token. */
export function endpointIssues(data: unknown): RuleIssue[] {
  const linkedin = isRecord(data) ? data.linkedin : undefined;
  if (!isRecord(linkedin)) return [];
  const issues: RuleIssue[] = [];
  for (const key of TOKEN_URL_KEYS) {
    const value = linkedin[key];
    if (typeof value !== 'string') continue;
    const problem = tokenUrlProblem(value);
    if (problem) issues.push({ path: `linkedin.${key}`, message: problem });
  }
  return issues;
}

/**
 * Keys the schema does not know (contract §4: keys are fixed). The schema would drop them
 * silently and the next save would lose them, so a misspelt `linkedin.lagdays` must be named.
 * Derived from the schema, so keys other branches add are known automatically.
 */
export function unknownKeyIssues(data: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  walk(settingsSchema, data, [], issues);
  return issues;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
      inner = inner.unwrap();
    } else {
      return inner;
    }
  }
}

function walk(schema: z.core.$ZodType, value: unknown, path: string[], issues: RuleIssue[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isRecord(value)) {
    const shape: z.core.$ZodShape = inner.shape;
    for (const [key, item] of Object.entries(value)) {
      const child = Object.hasOwn(shape, key) ? shape[key] : undefined;
      if (child === undefined) issues.push({ path: [...path, key].join('.'), message: 'unknown key (misspelt, or from a newer version?)' });
      else walk(child, item, [...path, key], issues);
    }
  } else if (inner instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((item, index) => walk(inner.element, item, [...path, String(index)], issues));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
