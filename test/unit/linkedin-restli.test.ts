import { describe, expect, it } from 'vitest';
import {
  encodePathKey,
  encodeQuery,
  encodeQueryValue,
  followerStatisticsQuery,
  organizationIdFromUrn,
  organizationUrn,
  percentEncode,
} from '../../src/main/engine/sources/linkedin/restli';

describe('percentEncode', () => {
  it('encodes everything but unreserved characters, like Python quote(safe="")', () => {
    expect(percentEncode("a-z_0.9~ !'()*:,=&/?#")).toBe("a-z_0.9~%20%21%27%28%29%2A%3A%2C%3D%26%2F%3F%23");
  });

  it('encodes non-ASCII as UTF-8', () => {
    expect(percentEncode('São Paulo')).toBe('S%C3%A3o%20Paulo');
  });
});

describe('encodePathKey', () => {
  it('encodes a whole URN, parentheses and commas included (the documented endorsement example)', () => {
    expect(encodePathKey('urn:li:endorsement:(urn:li:person:2qXA98-mVk,65761962366)')).toBe(
      'urn%3Ali%3Aendorsement%3A%28urn%3Ali%3Aperson%3A2qXA98-mVk%2C65761962366%29',
    );
  });

  it('encodes an organization URN', () => {
    expect(encodePathKey(organizationUrn('2414183'))).toBe('urn%3Ali%3Aorganization%3A2414183');
  });
});

describe('encodeQueryValue', () => {
  it('percent-encodes a string leaf completely, so its own ( ) : , cannot be read as structure', () => {
    expect(encodeQueryValue('urn:li:sponsoredCreative:(urn:li:a:1,2)')).toBe('urn%3Ali%3AsponsoredCreative%3A%28urn%3Ali%3Aa%3A1%2C2%29');
  });

  it('writes numbers and booleans as plain leaves', () => {
    expect(encodeQueryValue(1451606400000)).toBe('1451606400000');
    expect(encodeQueryValue(-5)).toBe('-5');
    expect(encodeQueryValue(true)).toBe('true');
  });

  it('writes objects with sorted keys and literal structure', () => {
    expect(encodeQueryValue({ timeRange: { start: 1, end: 2 }, timeGranularityType: 'DAY' })).toBe(
      '(timeGranularityType:DAY,timeRange:(end:2,start:1))',
    );
  });

  it('sorts keys the same whatever order they were given in', () => {
    const a = encodeQueryValue({ b: '1', a: '2', c: { z: '1', y: '2' } });
    const b = encodeQueryValue({ c: { y: '2', z: '1' }, a: '2', b: '1' });
    expect(a).toBe(b);
    expect(a).toBe('(a:2,b:1,c:(y:2,z:1))');
  });

  it('writes lists as List(...) with encoded members (the documented ugcPosts example)', () => {
    expect(encodeQueryValue(['urn:li:organization:12345'])).toBe('List(urn%3Ali%3Aorganization%3A12345)');
    expect(encodeQueryValue([1, 2, 3])).toBe('List(1,2,3)');
  });

  it('nests lists and objects, and writes empty ones', () => {
    expect(encodeQueryValue({ ids: ['a,b', 'c'], range: {} })).toBe('(ids:List(a%2Cb,c),range:())');
    expect(encodeQueryValue([])).toBe('List()');
    expect(encodeQueryValue([{ k: 'v' }, ['x']])).toBe('List((k:v),List(x))');
  });

  it('encodes object keys too', () => {
    expect(encodeQueryValue({ 'a b': 'c' })).toBe('(a%20b:c)');
  });
});

describe('encodeQuery', () => {
  it('keeps parameter order and encodes names', () => {
    expect(
      encodeQuery([
        ['q', 'authors'],
        ['authors', ['urn:li:organization:12345']],
        ['odd name', 'x'],
      ]),
    ).toBe('q=authors&authors=List(urn%3Ali%3Aorganization%3A12345)&odd%20name=x');
  });
});

describe('followerStatisticsQuery', () => {
  it('builds the canonical time-bound finder query (social-apis.md §1.2)', () => {
    expect(followerStatisticsQuery('2414183', 1451606400000, 1452211200000)).toBe(
      'q=organizationalEntity&organizationalEntity=urn%3Ali%3Aorganization%3A2414183' +
        '&timeIntervals=(timeGranularityType:DAY,timeRange:(end:1452211200000,start:1451606400000))',
    );
  });
});

describe('organizationIdFromUrn', () => {
  it('strips the organization prefix', () => {
    expect(organizationIdFromUrn('urn:li:organization:2414183')).toBe('2414183');
  });

  it('returns null for other URN types and malformed ids', () => {
    expect(organizationIdFromUrn('urn:li:organizationBrand:5')).toBeNull();
    expect(organizationIdFromUrn('urn:li:person:abc')).toBeNull();
    expect(organizationIdFromUrn('urn:li:organization:12x')).toBeNull();
  });
});
