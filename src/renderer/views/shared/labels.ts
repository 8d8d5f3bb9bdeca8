import type { TFunction } from 'i18next';

/**
 * Labels for open-ended strings from run records (destinations, alert kinds, warning codes):
 * known values get words in the user's language, anything newer is shown as it is.
 */
export function destinationLabel(t: TFunction, destination: string): string {
  if (destination === 'local') return t('destination.local');
  if (destination === 's3') return t('destination.s3');
  return destination;
}

// Brand names, written the same in every language.
const NETWORK_NAMES: Record<string, string> = { facebook: 'Facebook', instagram: 'Instagram', x: 'X' };

export function networkLabel(t: TFunction, network: string): string {
  return network === 'linkedin' ? t('network.linkedin') : (NETWORK_NAMES[network] ?? network);
}

export function alertKindLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'no-data':
      return t('alertKind.noData');
    case 'failure':
      return t('alertKind.failure');
    case 'token-expiry':
      return t('alertKind.tokenExpiry');
    case 'version-sunset':
      return t('alertKind.versionSunset');
    case 'damaged-file':
      return t('alertKind.damagedFile');
    default:
      return kind;
  }
}

export function warningTitle(t: TFunction, code: string): string {
  switch (code) {
    case 'LINKEDIN_VERSION_SUNSET_SOON':
      return t('warning.versionSunsetSoon');
    case 'LINKEDIN_VERSION_FALLBACK':
      return t('warning.versionFallback');
    case 'LINKEDIN_TOKEN_EXPIRES_SOON':
      return t('warning.tokenExpiresSoon');
    case 'LAKE_FILE_DAMAGED':
      return t('warning.damagedFile');
    default:
      return t('warning.other');
  }
}

/** What a run warning means, in the reader's language (the engine's English line goes behind the technical detail). */
export function warningText(t: TFunction, code: string): string {
  switch (code) {
    case 'LINKEDIN_VERSION_SUNSET_SOON':
      return t('warning.versionSunsetSoonText');
    case 'LINKEDIN_VERSION_FALLBACK':
      return t('warning.versionFallbackText');
    case 'LINKEDIN_TOKEN_EXPIRES_SOON':
      return t('warning.tokenExpiresSoonText');
    case 'LAKE_FILE_DAMAGED':
      return t('warning.damagedFileText');
    default:
      return t('warning.otherText');
  }
}
