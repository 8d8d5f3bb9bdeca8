import * as z from './zod';
import { NETWORKS } from './networks';

/**
 * Contract §4. Keys are fixed; new keys may be added with defaults, never renamed.
 * Sections default through `.prefault({})` (parse `{}` each time) rather than `.default(obj)`:
 * zod only shallow-clones a default value, so nested objects and arrays would be shared
 * between every parse and a mutation of one Settings would leak into the next.
 */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour local time)');
// Only http(s): these are API, OAuth and S3 endpoints, never file: or javascript: URLs.
const url = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const accountSchema = z.object({
  network: z.enum(NETWORKS),
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'expected the page id, e.g. 2414183'),
  name: z.string().default(''),
  enabled: z.boolean().default(true),
});

export const linkedinSettingsSchema = z.object({
  apiBaseUrl: url.default('https://api.linkedin.com/rest'),
  oauthBaseUrl: url.default('https://www.linkedin.com/oauth/v2'),
  apiVersion: z.string().regex(/^\d{6}(\.\d{2})?$/, 'expected YYYYMM, e.g. 202607').default('202607'),
  clientId: z.string().nullable().default(null),
  oauthRedirectPort: z.number().int().min(1).max(65535).default(8765),
  // LinkedIn serves a day at the earliest 2 days after it ends.
  lagDays: z.number().int().min(2).max(30).default(3),
  lookbackDays: z.number().int().min(1).max(90).default(7),
  backfillDays: z.number().int().min(1).max(365).default(365),
});

// The newer networks' API URLs: https, or plain http only on this machine (a test fake or a proxy).
const apiUrl = url.refine((value) => /^https:/i.test(value) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(value), {
  error: 'expected an https URL (http only for 127.0.0.1 or localhost)',
});

export const facebookSettingsSchema = z.object({
  apiBaseUrl: apiUrl.default('https://graph.facebook.com'),
  apiVersion: z.string().regex(/^v\d{1,3}\.\d$/, 'expected vNN.N, e.g. v27.0').default('v27.0'),
  // Page insights settle within a day; one more day of margin for the Pacific day boundary.
  lagDays: z.number().int().min(1).max(30).default(2),
  lookbackDays: z.number().int().min(1).max(90).default(7),
  // Meta keeps Page insights for 2 years.
  backfillDays: z.number().int().min(1).max(730).default(730),
});

export const instagramSettingsSchema = z.object({
  apiBaseUrl: apiUrl.default('https://graph.facebook.com'),
  apiVersion: z.string().regex(/^v\d{1,3}\.\d$/, 'expected vNN.N, e.g. v27.0').default('v27.0'),
  // Instagram reports up to 48 h late.
  lagDays: z.number().int().min(1).max(29).default(2),
  lookbackDays: z.number().int().min(1).max(30).default(7),
  // The follower_count insight serves 30 days only.
  backfillDays: z.number().int().min(1).max(30).default(30),
});

export const xSettingsSchema = z.object({
  apiBaseUrl: apiUrl.default('https://api.x.com/2'),
});

export const smtpSchema = z.object({
  host: z.string().default('smtp-mail.outlook.com'),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().default(''),
  from: z.string().default(''),
  to: z.array(z.string().email()).default([]),
});

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  accounts: z.array(accountSchema).default([]),
  linkedin: linkedinSettingsSchema.prefault({}),
  facebook: facebookSettingsSchema.prefault({}),
  instagram: instagramSettingsSchema.prefault({}),
  x: xSettingsSchema.prefault({}),
  language: z.enum(['pt-BR', 'en']).default('pt-BR'),
  schedule: z
    .object({
      enabled: z.boolean().default(true),
      dailyAt: time.default('07:00'),
      launchAtLogin: z.boolean().default(true),
    })
    .prefault({}),
  lake: z.object({ dir: z.string().nullable().default(null) }).prefault({}),
  s3: z
    .object({
      enabled: z.boolean().default(false),
      bucket: z.string().default(''),
      prefix: z.string().default(''),
      region: z.string().default(''),
      profile: z.string().nullable().default(null),
      endpoint: url.nullable().default(null),
      forcePathStyle: z.boolean().default(false),
      serverSideEncryption: z.enum(['bucket-default', 'AES256']).default('bucket-default'),
      prototypeCompat: z
        .object({ enabled: z.boolean().default(false), prefix: z.string().default('follower_stats/') })
        .prefault({}),
    })
    .prefault({}),
  athena: z
    .object({
      enabled: z.boolean().default(false),
      database: z.string().regex(/^[a-z0-9_]{1,255}$/, 'lower-case letters, digits and _ only').default('follower_pulse'),
      workgroup: z.string().default('primary'),
      outputLocation: z.string().nullable().default(null),
      region: z.string().nullable().default(null),
    })
    .prefault({}),
  // How many pages sync at once; each page's gains and total requests run in parallel too.
  sync: z.object({ concurrency: z.number().int().min(1).max(64).default(8) }).prefault({}),
  alerts: z
    .object({
      onNoData: z.boolean().default(true),
      onFailure: z.boolean().default(true),
      tokenExpiryWarningDays: z.number().int().min(0).max(60).default(10),
      // A mail when a follower goal turns at-risk or behind (once per goal per status change).
      onGoalStatus: z.boolean().default(true),
      // A weekly e-mail with the headline figures, the followers chart and the goals, sent by the daily sync.
      weeklySummary: z.boolean().default(false),
      smtp: smtpSchema.prefault({}),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export type AccountSettings = z.infer<typeof accountSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
