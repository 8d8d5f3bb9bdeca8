/**
 * Rest.li 2.0 encoding (social-apis.md §1.2), mirroring LinkedIn's official Python client
 * (`linkedin_api/clients/restli/utils/encoder.py`): leaves are fully percent-encoded, the
 * structural `( ) : ,` of objects and lists stay literal, object keys are sorted.
 */

export type RestliValue = string | number | boolean | readonly RestliValue[] | { readonly [key: string]: RestliValue };

/**
 * Percent-encodes everything except `A-Z a-z 0-9 - _ . ~` (Python's `quote(v, safe="")`).
 * encodeURIComponent leaves `! ' ( ) *` alone, and a literal `(` inside a value would be read
 * by LinkedIn as Rest.li structure.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A resource key in the path (e.g. a URN) is encoded whole, structure included. */
export function encodePathKey(key: string): string {
  return percentEncode(key);
}

/** One query-parameter value in Rest.li 2.0 syntax. */
export function encodeQueryValue(value: RestliValue): string {
  if (typeof value === 'string') return percentEncode(value);
  if (typeof value === 'number' || typeof value === 'boolean') return percentEncode(String(value));
  if (isList(value)) return `List(${value.map(encodeQueryValue).join(',')})`;
  return encodeObject(value);
}

function isList(value: RestliValue): value is readonly RestliValue[] {
  return Array.isArray(value);
}

function encodeObject(value: { readonly [key: string]: RestliValue }): string {
  const fields = Object.keys(value)
    .sort()
    .map((key) => `${percentEncode(key)}:${encodeQueryValue(value[key])}`);
  return `(${fields.join(',')})`;
}

/** `k=v&k2=v2` in the given parameter order (LinkedIn's finders expect `q` first by convention). */
export function encodeQuery(params: ReadonlyArray<readonly [string, RestliValue]>): string {
  return params.map(([key, value]) => `${percentEncode(key)}=${encodeQueryValue(value)}`).join('&');
}

export function organizationUrn(orgId: string): string {
  return `urn:li:organization:${orgId}`;
}

/** `urn:li:organization:123` → `123`; null for any other URN type (brands, persons). */
export function organizationIdFromUrn(urn: string): string | null {
  const match = /^urn:li:organization:(\d+)$/.exec(urn);
  return match ? match[1] : null;
}

/**
 * The time-bound follower-statistics finder (social-apis.md §1.3) for DAY buckets in
 * [startMs, endMs), both at 00:00Z.
 */
export function followerStatisticsQuery(orgId: string, startMs: number, endMs: number): string {
  return encodeQuery([
    ['q', 'organizationalEntity'],
    ['organizationalEntity', organizationUrn(orgId)],
    ['timeIntervals', { timeGranularityType: 'DAY', timeRange: { start: startMs, end: endMs } }],
  ]);
}
