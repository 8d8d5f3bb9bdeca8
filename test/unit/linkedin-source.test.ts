import { describe, expect, it } from 'vitest';
import { linkedInSource } from '../../src/main/engine/sources/linkedin/linkedin-source';
import { sourceFor } from '../../src/main/engine/sources/registry';
import { defaultSettings } from '../../src/shared/settings-schema';
import { caught } from '../support/caught';

describe('the LinkedIn source description', () => {
  it('accepts an organization id as digits or as its URN, and nothing else', () => {
    expect(linkedInSource.normalizeAccountId('2414183')).toBe('2414183');
    expect(linkedInSource.normalizeAccountId(' urn:li:organization:2414183 ')).toBe('2414183');
    for (const bad of ['acme', 'urn:li:person:1', '12 34', '', '1'.repeat(21)]) {
      expect(() => linkedInSource.normalizeAccountId(bad)).toThrow(/is not a LinkedIn organization id/);
    }
  });

  it('plans from the contract §4 linkedin section and LinkedIn’s 12 months', () => {
    const settings = defaultSettings();
    settings.linkedin = { ...settings.linkedin, lagDays: 4, lookbackDays: 10, backfillDays: 200 };
    const plan = linkedInSource.planSettings(settings);
    expect(plan).toMatchObject({ lagDays: 4, lookbackDays: 10, backfillDays: 200 });
    expect(plan.oldestServedDay?.('2026-02-28')).toBe('2025-02-28');
    expect(linkedInSource.settings.schema.parse({})).toEqual(defaultSettings().linkedin);
  });

  it('names the page URL for accounts.csv and the access-token secret', () => {
    expect(linkedInSource.accountUrl('2414183')).toBe('https://www.linkedin.com/company/2414183/');
    expect(linkedInSource.token.accessSecret).toBe('linkedin.accessToken');
  });
});

describe('sourceFor', () => {
  it('finds a registered network and refuses others in one line', async () => {
    expect(sourceFor('linkedin')).toBe(linkedInSource);
    const later = await caught(Promise.resolve().then(() => sourceFor('facebook', [linkedInSource])));
    expect(later).toMatchObject({ code: 'USAGE', message: 'facebook pages cannot be synced yet (available: linkedin)' });
    const unknown = await caught(Promise.resolve().then(() => sourceFor('myspace')));
    expect(unknown).toMatchObject({ code: 'USAGE', message: '"myspace" is not a network (available: linkedin, facebook, instagram, x)' });
  });
});
