import type { DoctorCheck } from '../../../../shared/ui-api';
import { fail } from '../../doctor/failed-check';
import type { DoctorContext } from '../source';
import { LinkedInClient } from './linkedin-client';
import { tokenExpiryWarnings, versionWarnings } from './linkedin-warnings';

/** LinkedIn's doctor checks: does the token work and administer the tracked pages, is the API version current. */
export async function linkedInDoctorChecks(context: DoctorContext): Promise<DoctorCheck[]> {
  return [await checkLinkedInToken(context), checkLinkedInVersion(context)];
}

async function checkLinkedInToken({ settings, secrets, state, now }: DoctorContext): Promise<DoctorCheck> {
  const title = 'LinkedIn access token';
  try {
    const token = await secrets.get('linkedin.accessToken');
    if (!token) {
      return { id: 'linkedin-token', title, status: 'fail', detail: 'no token is stored', fix: 'open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken' };
    }
    const client = new LinkedInClient({ apiBaseUrl: settings.linkedin.apiBaseUrl, apiVersion: settings.linkedin.apiVersion, getAccessToken: () => Promise.resolve(token.trim()), maxRetries: 1 });
    const pages = await client.listAdministeredOrganizationIds();
    const tracked = settings.accounts.filter((a) => a.network === 'linkedin' && a.enabled).map((a) => a.id);
    const notAdmin = tracked.filter((id) => !pages.includes(id));
    const expiry = tokenExpiryWarnings((await state.get()).linkedinToken, settings.alerts.tokenExpiryWarningDays, now);
    if (notAdmin.length > 0) {
      return { id: 'linkedin-token', title, status: 'fail', detail: `the token works but does not administer page ${notAdmin.join(', ')}`, fix: 'sign in with a LinkedIn member who is an ADMINISTRATOR of the page' };
    }
    const detail = `valid; administers ${pages.length} page${pages.length === 1 ? '' : 's'}`;
    if (expiry.length > 0) return { id: 'linkedin-token', title, status: 'warn', detail: `${detail}. ${expiry[0].message}`, fix: 'renew it in Settings › LinkedIn' };
    return { id: 'linkedin-token', title, status: 'ok', detail };
  } catch (error) {
    return fail('linkedin-token', title, error);
  }
}

function checkLinkedInVersion({ settings, now }: DoctorContext): DoctorCheck {
  const title = 'LinkedIn API version';
  const warnings = versionWarnings(settings.linkedin.apiVersion, null, now);
  if (warnings.length === 0) return { id: 'linkedin-version', title, status: 'ok', detail: `${settings.linkedin.apiVersion} is current` };
  return { id: 'linkedin-version', title, status: 'warn', detail: warnings[0].message, fix: 'set Settings › LinkedIn › API version to a recent YYYYMM' };
}
