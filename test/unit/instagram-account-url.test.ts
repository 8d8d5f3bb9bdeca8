import { describe, expect, it } from 'vitest';
import { instagramAccountUrl, instagramSource } from '../../src/main/engine/sources/instagram';

const ID = '17841400008460056';

describe("Instagram account's address", () => {
  it('links the username the account is known by (as the API returned it when added)', () => {
    expect(instagramAccountUrl(ID, 'acme.brasil')).toBe('https://www.instagram.com/acme.brasil/');
    expect(instagramAccountUrl(ID, '@acme_br ')).toBe('https://www.instagram.com/acme_br/');
    expect(instagramSource.accountUrl(ID, 'acme.brasil')).toBe('https://www.instagram.com/acme.brasil/');
  });

  it('gives no link rather than a broken one when only the numeric id is known', () => {
    expect(instagramAccountUrl(ID)).toBeNull();
    expect(instagramAccountUrl(ID, ID)).toBeNull(); // the name falls back to the id when the API gave no username
    expect(instagramAccountUrl(ID, '')).toBeNull();
    expect(instagramAccountUrl(ID, 'Acme Brasil')).toBeNull(); // a display name, not a username
    expect(instagramAccountUrl(ID, 'a'.repeat(31))).toBeNull();
  });
});
