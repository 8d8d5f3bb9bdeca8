/** Contract §4: the only secret names. Values live in the OS keychain or the environment. */
export const SECRET_NAMES = [
  'linkedin.accessToken',
  'linkedin.refreshToken',
  'linkedin.clientSecret',
  'smtp.password',
  'facebook.pageToken',
  'instagram.accessToken',
  'x.bearerToken',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

export function isSecretName(value: unknown): value is SecretName {
  return typeof value === 'string' && (SECRET_NAMES as readonly string[]).includes(value);
}

/** `linkedin.accessToken` → `FOLLOWER_PULSE_SECRET_LINKEDIN_ACCESS_TOKEN` (contract §3). */
export function secretEnvVar(name: SecretName): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\./g, '_')
    .toUpperCase();
  return `FOLLOWER_PULSE_SECRET_${snake}`;
}
