import * as z from '../../../../shared/zod';
import { DAY_MS, dayFromMs } from '../../dates';
import { AppError } from '../../errors';
import { organizationIdFromUrn } from './restli';
import type { DailyFollowerGain, OrganizationInfo } from './types';

/*
 * Response shapes from social-apis.md §1.3 and §2. Objects are not strict: LinkedIn adding a
 * field is a non-breaking change (breaking-change policy), a missing one is not.
 */

const pagingSchema = z.object({
  start: z.number().int().nonnegative().optional(),
  count: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
});

const timeRangeSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .refine((range) => range.start % DAY_MS === 0, { message: 'timeRange.start is not midnight UTC', path: ['start'] })
  .refine((range) => range.end - range.start === DAY_MS, { message: 'timeRange is not one whole day', path: ['end'] });

const followerStatisticsElementSchema = z.object({
  organizationalEntity: z.string(),
  timeRange: timeRangeSchema,
  // Signed: whether LinkedIn reports net of unfollows is unconfirmed, so negatives are kept.
  followerGains: z.object({ organicFollowerGain: z.number().int(), paidFollowerGain: z.number().int() }),
});

const followerStatisticsResponseSchema = z.object({
  paging: pagingSchema.optional(),
  elements: z.array(followerStatisticsElementSchema),
});

const networkSizeResponseSchema = z.object({ firstDegreeSize: z.number().int().nonnegative() });

const organizationResponseSchema = z.object({
  id: z.union([z.number().int(), z.string()]),
  localizedName: z.string(),
  vanityName: z.string().nullish(),
});

// The versioned API names the page `organization`; the legacy organizationalEntityAcls said `organizationalTarget`.
const organizationAclSchema = z
  .object({
    organization: z.string().optional(),
    organizationalTarget: z.string().optional(),
    role: z.string().optional(),
    state: z.string().optional(),
  })
  .refine((acl) => acl.organization !== undefined || acl.organizationalTarget !== undefined, {
    message: 'neither organization nor organizationalTarget is present',
  });

const organizationAclsResponseSchema = z.object({
  paging: pagingSchema.optional(),
  elements: z.array(organizationAclSchema),
});

/** LinkedIn's error body (§4.3); every field optional because proxies and old endpoints vary. */
export const linkedInErrorBodySchema = z.object({
  status: z.number().optional(),
  code: z.string().optional(),
  serviceErrorCode: z.number().optional(),
  message: z.string().optional(),
});

export type LinkedInErrorBody = z.infer<typeof linkedInErrorBodySchema>;
export type OrganizationAclsPage = z.infer<typeof organizationAclsResponseSchema>;

function validate<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  throw badShape(what, result.error);
}

function badShape(what: string, error: z.ZodError): AppError {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  const detail = issue ? `${issue.message}${where}` : 'unexpected shape';
  return new AppError('LINKEDIN_BAD_RESPONSE', `LinkedIn returned ${what} in an unexpected shape (${detail})`, {
    hint: 'run the sync again later, and if it keeps failing LinkedIn may have changed its API and Follower Pulse needs an update',
  });
}

/**
 * Validated daily gains sorted by day. Days LinkedIn omitted stay absent (contract §5: a
 * missing day is never a zero); elements outside [fromMs, toExclusiveMs) are dropped.
 */
export function parseFollowerStatistics(json: unknown, orgUrn: string, fromMs: number, toExclusiveMs: number): DailyFollowerGain[] {
  const body = validate(followerStatisticsResponseSchema, json, 'follower statistics');
  const byDay = new Map<string, DailyFollowerGain>();
  for (const element of body.elements) {
    if (element.organizationalEntity !== orgUrn) {
      throw new AppError('LINKEDIN_BAD_RESPONSE', `LinkedIn returned follower statistics for ${element.organizationalEntity} instead of ${orgUrn}`);
    }
    const { start } = element.timeRange;
    if (start < fromMs || start >= toExclusiveMs) continue;
    const day = dayFromMs(start);
    if (byDay.has(day)) throw new AppError('LINKEDIN_BAD_RESPONSE', `LinkedIn returned follower statistics for ${day} twice`);
    byDay.set(day, { day, organicGain: element.followerGains.organicFollowerGain, paidGain: element.followerGains.paidFollowerGain });
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export function parseNetworkSize(json: unknown): number {
  return validate(networkSizeResponseSchema, json, 'the follower count').firstDegreeSize;
}

export function parseOrganization(json: unknown): OrganizationInfo {
  const body = validate(organizationResponseSchema, json, 'the organization');
  return { id: String(body.id), name: body.localizedName, vanityName: body.vanityName ?? null };
}

export function parseOrganizationAcls(json: unknown): OrganizationAclsPage {
  return validate(organizationAclsResponseSchema, json, 'the administered pages');
}

/** Organization IDs of one ACL page, skipping non-organization targets (e.g. brands). */
export function organizationIdsFromAcls(page: OrganizationAclsPage): string[] {
  const ids: string[] = [];
  for (const acl of page.elements) {
    const id = organizationIdFromUrn(acl.organization ?? acl.organizationalTarget ?? '');
    if (id !== null) ids.push(id);
  }
  return ids;
}
