import type { RunWarning } from '../../../../shared/run-record';
import { daysBetween, type Day, utcDay } from '../../dates';

/** LinkedIn supports each monthly version for at least 12 months after its release. */
export function versionSunsetDay(version: string): Day | null {
  const m = /^(\d{4})(\d{2})/.exec(version);
  if (!m) return null;
  const year = Number(m[1]) + 1;
  return `${year}-${m[2]}-15`;
}

const VERSION_SUNSET_WARNING_DAYS = 60;

export function versionWarnings(configured: string, used: string | null, now: Date): RunWarning[] {
  const warnings: RunWarning[] = [];
  if (used !== null && used !== configured) {
    warnings.push({
      code: 'LINKEDIN_VERSION_FALLBACK',
      message: `LinkedIn no longer accepts API version ${configured}; this run used ${used}. Update Settings › LinkedIn › API version to ${used} or newer.`,
    });
    return warnings;
  }
  const sunset = versionSunsetDay(configured);
  if (sunset === null) return warnings;
  const left = daysBetween(utcDay(now), sunset);
  if (left <= VERSION_SUNSET_WARNING_DAYS) {
    warnings.push({
      code: 'LINKEDIN_VERSION_SUNSET_SOON',
      message: `LinkedIn API version ${configured} is retired around ${sunset} (${Math.max(left, 0)} days). Update Settings › LinkedIn › API version to a newer YYYYMM.`,
    });
  }
  return warnings;
}

export function tokenExpiryWarnings(
  token: { expiresAt?: string | null; expiresAtIsEstimate?: boolean } | undefined,
  warningDays: number,
  now: Date,
): RunWarning[] {
  if (!token?.expiresAt) return [];
  const expiresDay = utcDay(new Date(token.expiresAt));
  const left = daysBetween(utcDay(now), expiresDay);
  if (left > warningDays) return [];
  const estimate = token.expiresAtIsEstimate ? ' (estimated: 60 days after it was stored)' : '';
  const message =
    left < 0
      ? `The LinkedIn access token expired on ${expiresDay}${estimate}.`
      : `The LinkedIn access token expires on ${expiresDay}${estimate}, in ${left} days.`;
  return [{ code: left < 0 ? 'LINKEDIN_TOKEN_EXPIRED' : 'LINKEDIN_TOKEN_EXPIRES_SOON', message: `${message} Renew it in Settings › LinkedIn.` }];
}

