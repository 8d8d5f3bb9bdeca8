/**
 * Stable error codes (contract §7). UI text, e-mails and CLI lines are looked up from these,
 * so a code, once shipped, never changes meaning.
 */
export const ERROR_CODES = [
  'LINKEDIN_TOKEN_MISSING',
  'LINKEDIN_TOKEN_EXPIRED',
  'LINKEDIN_TOKEN_REVOKED',
  'LINKEDIN_TOKEN_INVALID',
  'LINKEDIN_PERMISSION_DENIED',
  'LINKEDIN_VERSION_INACTIVE',
  'LINKEDIN_DAILY_LIMIT',
  'LINKEDIN_THROTTLED',
  'LINKEDIN_BAD_REQUEST',
  'LINKEDIN_BAD_RESPONSE',
  'LINKEDIN_NOT_FOUND',
  'NETWORK',
  'S3_ACCESS_DENIED',
  'S3_NO_SUCH_BUCKET',
  'S3_WRITE_FAILED',
  'S3_READ_FAILED',
  'SMTP_FAILED',
  'KEYCHAIN_UNAVAILABLE',
  'SETTINGS_INVALID',
  'LAKE_WRITE_FAILED',
  'LOCK_HELD',
  'NO_ACCOUNTS',
  'ATHENA_FAILED',
  'QUERY_REFUSED',
  'QUERY_FAILED',
  'SCHEDULE_FAILED',
  'USAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
