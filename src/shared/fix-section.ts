/** Which Settings section fixes an error: the Fix link under an explained error (renderer/components/fix-link.tsx). */

export type FixSection = 'linkedin' | 'pages' | 'email' | 'aws';

/** The Settings section holding a settings key the engine names ("athena.enabled is off"). */
const SECTION_OF_KEY: ReadonlyArray<readonly [RegExp, FixSection]> = [
  [/\b(athena|s3)\.[a-zA-Z]/, 'aws'],
  [/\b(smtp|alerts)\.[a-zA-Z]/, 'email'],
  [/\blinkedin\.[a-zA-Z]/, 'linkedin'],
  [/\baccounts\b/, 'pages'],
];

/**
 * Where in Settings the fix for an error is made: by its code, or, for SETTINGS_INVALID, by
 * the first settings key its message names.
 */
export function sectionFor(code: string, message = ''): FixSection | null {
  if (code === 'LINKEDIN_NOT_FOUND' || code === 'NO_ACCOUNTS') return 'pages';
  if (code.startsWith('LINKEDIN_TOKEN') || code === 'LINKEDIN_PERMISSION_DENIED' || code === 'LINKEDIN_VERSION_INACTIVE') return 'linkedin';
  if (code === 'SMTP_FAILED') return 'email';
  if (code.startsWith('S3_') || code === 'ATHENA_FAILED') return 'aws';
  if (code !== 'SETTINGS_INVALID') return null;
  const named = SECTION_OF_KEY.map(([pattern, section]) => ({ at: message.search(pattern), section })).filter((m) => m.at >= 0);
  return named.sort((a, b) => a.at - b.at)[0]?.section ?? null;
}
