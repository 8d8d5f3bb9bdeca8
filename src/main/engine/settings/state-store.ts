import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from '../../../shared/zod';
import { runExclusive, writeJsonAtomic } from './settings-store';

export const STATE_FILE = 'state.json';

const isoInstant = z.iso.datetime({ offset: true });

const linkedinTokenSchema = z.object({
  storedAt: isoInstant,
  expiresAt: isoInstant.nullable().optional(),
  expiresAtIsEstimate: z.boolean().optional(),
});

const alertsSentSchema = z.record(z.string(), z.string());

const s3DeliverySchema = z.object({
  target: z.string(),
  pending: z.array(z.string()),
  lastFullReconcileAt: isoInstant.nullable(),
});

/**
 * What S3 delivery remembers between runs, so an ordinary run uploads only what it wrote:
 * which bucket/prefix (and compat layout) this describes, the objects whose upload failed, and
 * when the bucket was last compared with the whole lake.
 */
export type S3DeliveryState = z.infer<typeof s3DeliverySchema>;

/** Small non-secret app state: when the token was stored, which alerts already went out, S3 delivery. */
export interface AppState {
  linkedinToken?: z.infer<typeof linkedinTokenSchema>;
  /** Alert key (e.g. `no-data:linkedin:2414183`) → the day it was last sent, for de-duplication. */
  alertsSent?: Record<string, string>;
  s3Delivery?: S3DeliveryState;
}

/**
 * `<home>/state.json`. Losing it only means a repeated warning, so a missing or corrupt file
 * reads as empty (keeping whichever parts are still valid) and never stops a run.
 */
export class StateStore {
  readonly #file: string;

  constructor(home: string) {
    this.#file = path.join(home, STATE_FILE);
  }

  get path(): string {
    return this.#file;
  }

  async get(): Promise<AppState> {
    try {
      return parseState(await readFile(this.#file, 'utf8'));
    } catch {
      return {};
    }
  }

  async update(fn: (state: AppState) => AppState): Promise<AppState> {
    return runExclusive(this.#file, async () => {
      const next = fn(await this.get());
      await writeJsonAtomic(this.#file, next);
      return next;
    });
  }
}

/** Tolerant parse: each known key is kept when valid and dropped when not. */
export function parseState(text: string): AppState {
  const data = safeJson(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const state: AppState = {};
  const token = linkedinTokenSchema.safeParse(record.linkedinToken);
  if (token.success) state.linkedinToken = token.data;
  const alerts = alertsSentSchema.safeParse(record.alertsSent);
  if (alerts.success) state.alertsSent = alerts.data;
  const delivery = s3DeliverySchema.safeParse(record.s3Delivery);
  if (delivery.success) state.s3Delivery = delivery.data;
  return state;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
