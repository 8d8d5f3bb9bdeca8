import { describe, expect, it } from 'vitest';
import {
  isHiddenKey,
  md5Hex,
  normalizeEtag,
  normalizePrefix,
  planDownloads,
  planUploads,
  relativeKey,
  sameContent,
  sizeOnlyMatches,
} from '../../src/main/engine/lake/s3-plan';

const A = 'day,network\n2026-11-01,linkedin\n';
const B = 'day,network\n2026-11-02,linkedin\n';

function local(key: string, text: string): { key: string; size: number; md5: string } {
  return { key, size: Buffer.byteLength(text), md5: md5Hex(text) };
}

function remote(key: string, text: string): { key: string; size: number; etag: string } {
  return { key, size: Buffer.byteLength(text), etag: `"${md5Hex(text)}"` };
}

describe('planUploads', () => {
  it('uploads what is missing, skips what is identical', () => {
    expect(planUploads([local('p/a.csv', A), local('p/b.csv', B)], [remote('p/a.csv', A)])).toEqual(['p/b.csv']);
  });

  it('uploads everything into an empty bucket and nothing into an identical one', () => {
    const files = [local('a', A), local('b', B)];
    expect(planUploads(files, [])).toEqual(['a', 'b']);
    expect(planUploads(files, [remote('a', A), remote('b', B)])).toEqual([]);
  });

  it('re-uploads a file whose size differs (a partial object) or whose ETag differs at equal size', () => {
    expect(planUploads([local('a', A)], [{ key: 'a', size: 5, etag: `"${md5Hex(A)}"` }])).toEqual(['a']);
    expect(A.length).toBe(B.length);
    expect(planUploads([local('a', A)], [remote('a', B)])).toEqual(['a']);
  });

  it('never plans anything for remote-only objects (nothing is ever deleted)', () => {
    expect(planUploads([], [remote('old.csv', A)])).toEqual([]);
  });

  it('compares ETags without quotes and case', () => {
    expect(planUploads([local('a', A)], [{ key: 'a', size: A.length, etag: `"${md5Hex(A).toUpperCase()}"` }])).toEqual([]);
    expect(normalizeEtag('W/"ABC"')).toBe('abc');
  });

  it('treats a multipart ETag as different content', () => {
    expect(sameContent(local('a', A), { size: A.length, etag: `"${md5Hex(A)}-2"` })).toBe(false);
  });
});

describe('planDownloads', () => {
  it('downloads what is missing locally or differs, skips identical files', () => {
    const objects = [remote('a', A), remote('b', B), remote('c', A)];
    expect(planDownloads(objects, [local('a', A), local('b', A)])).toEqual(['b', 'c']);
  });
});

describe('sizeOnlyMatches', () => {
  it('names planned keys whose sizes agree, which only a stored MD5 can settle', () => {
    const files = [local('a', A), local('b', 'longer content'), local('c', A)];
    const objects = [remote('a', B), remote('b', A)];
    expect(sizeOnlyMatches(['a', 'b', 'c'], files, objects)).toEqual(['a']);
  });
});

describe('normalizePrefix', () => {
  it.each([
    ['', ''],
    ['/', ''],
    ['  ', ''],
    ['lake', 'lake/'],
    ['lake/', 'lake/'],
    ['/lake', 'lake/'],
    ['//a//b', 'a/b/'],
    ['a\\b', 'a/b/'],
    [' follower_stats/ ', 'follower_stats/'],
  ])('%j → %j', (input, expected) => {
    expect(normalizePrefix(input)).toBe(expected);
  });
});

describe('keys', () => {
  it('relativeKey strips the prefix or refuses keys outside it', () => {
    expect(relativeKey('p/', 'p/accounts/accounts.csv')).toBe('accounts/accounts.csv');
    expect(relativeKey('p/', 'q/accounts/accounts.csv')).toBeNull();
    expect(relativeKey('', 'accounts/accounts.csv')).toBe('accounts/accounts.csv');
  });

  it('isHiddenKey spots dot-files and dot-folders anywhere in the key', () => {
    expect(isHiddenKey('follower_gains/month=2026-11/.x.csv.1.ab.tmp')).toBe(true);
    expect(isHiddenKey('.hidden/a.csv')).toBe(true);
    expect(isHiddenKey('follower_gains/month=2026-11/linkedin-1-api.csv')).toBe(false);
  });

  it('md5Hex is the hex MD5 S3 uses as a single-part ETag', () => {
    expect(md5Hex('The quick brown fox jumps over the lazy dog')).toBe('9e107d9d372bb6826bd81d3542a419d6');
  });
});
