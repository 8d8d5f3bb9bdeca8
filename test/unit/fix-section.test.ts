import { describe, expect, it } from 'vitest';
import { sectionFor } from '../../src/shared/fix-section';

describe('the Settings section an error links to', () => {
  it('follows the error code', () => {
    expect(sectionFor('NO_ACCOUNTS')).toBe('pages');
    expect(sectionFor('LINKEDIN_TOKEN_EXPIRED')).toBe('linkedin');
    expect(sectionFor('SMTP_FAILED')).toBe('email');
    expect(sectionFor('S3_ACCESS_DENIED')).toBe('aws');
    expect(sectionFor('NETWORK', 'Could not reach LinkedIn')).toBeNull();
  });

  it('for SETTINGS_INVALID, opens the section of the first settings key the message names', () => {
    // The engine's own sentences (use-cases/query.ts, query/athena-setup.ts, lake/s3-client.ts,
    // settings-store's "<file> is invalid: <key path>: <problem>").
    expect(sectionFor('SETTINGS_INVALID', 'Athena is not set up: athena.enabled is off')).toBe('aws');
    expect(sectionFor('SETTINGS_INVALID', 'Athena is not set up: s3.bucket is empty')).toBe('aws');
    expect(sectionFor('SETTINGS_INVALID', 'smtp.host is empty, athena.workgroup is empty')).toBe('email');
    expect(sectionFor('SETTINGS_INVALID', 'S3 is not set up: s3.bucket is empty')).toBe('aws');
    expect(sectionFor('SETTINGS_INVALID', 'settings.json is invalid: linkedin.apiVersion: expected YYYYMM')).toBe('linkedin');
    expect(sectionFor('SETTINGS_INVALID', 'settings.json is invalid: accounts.2.id: expected digits')).toBe('pages');
  });

  it('gives no link when the message names no key', () => {
    expect(sectionFor('SETTINGS_INVALID', '/home/ana/.follower-pulse/goals.json is damaged: Unexpected token')).toBeNull();
    expect(sectionFor('SETTINGS_INVALID')).toBeNull();
  });
});
