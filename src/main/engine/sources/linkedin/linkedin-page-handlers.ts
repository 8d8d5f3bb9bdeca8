import type { ErrorCode } from '../../../../shared/error-codes';
import type { LinkedInPage, TokenCheck } from '../../../../shared/ui-api';
import { toAppError } from '../../errors';
import { forEachLimited } from '../../lake/for-each-limited';
import type { AppContext } from '../../app/app-context';
import type { MethodGroup } from '../../app/method-table';
import { linkedInClientFor } from './linkedin-source';

/** Codes that answer "is the token good?" with no; anything else (network, keychain) is a failure to check. */
const TOKEN_PROBLEMS: ReadonlySet<ErrorCode> = new Set([
  'LINKEDIN_TOKEN_MISSING',
  'LINKEDIN_TOKEN_EXPIRED',
  'LINKEDIN_TOKEN_REVOKED',
  'LINKEDIN_TOKEN_INVALID',
  'LINKEDIN_PERMISSION_DENIED',
]);
/** Names are looked up one call each; a member administering hundreds of pages gets the first ones named. */
const MAX_NAMED_PAGES = 50;
const NAME_CONCURRENCY = 4;

export function createLinkedInHandlers(ctx: AppContext): MethodGroup<'linkedin.checkToken' | 'linkedin.discoverPages'> {
  return {
    'linkedin.discoverPages': () => discoverPages(ctx),
    'linkedin.checkToken': async (): Promise<TokenCheck> => {
      const stored = (await ctx.state.get()).linkedinToken;
      const expiry = { expiresAt: stored?.expiresAt ?? null, expiresAtIsEstimate: stored?.expiresAtIsEstimate ?? false };
      try {
        return { valid: true, ...expiry, pages: await discoverPages(ctx) };
      } catch (error) {
        const appError = toAppError(error);
        if (!TOKEN_PROBLEMS.has(appError.code)) throw appError;
        const problem = { code: appError.code, message: appError.message, ...(appError.hint === undefined ? {} : { hint: appError.hint }) };
        return { valid: false, ...expiry, pages: [], problem };
      }
    },
  };
}

/** The pages the token's member administers (organizationAcls), named through `organizations`. */
async function discoverPages(ctx: AppContext): Promise<LinkedInPage[]> {
  const client = linkedInClientFor({ settings: await ctx.settings(), secrets: ctx.deps.secrets, now: ctx.deps.now, interactive: true }).api;
  const ids = await client.listAdministeredOrganizationIds();
  const pages: LinkedInPage[] = ids.map((id) => ({ id, name: '', vanityName: null }));
  await forEachLimited(pages.slice(0, MAX_NAMED_PAGES), NAME_CONCURRENCY, async (page) => {
    try {
      const org = await client.fetchOrganization(page.id);
      page.name = org.name;
      page.vanityName = org.vanityName;
    } catch (error) {
      // One unnamed page is no reason to hide the others; the UI shows its id.
      ctx.deps.logger.warn('linkedin.page-name-failed', { id: page.id, code: toAppError(error).code });
    }
  });
  return pages;
}
