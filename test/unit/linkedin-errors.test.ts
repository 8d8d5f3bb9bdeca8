import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import {
  checkSuccessBody,
  classifyLinkedInError,
  classifyNetworkError,
  readResponseBody,
  type ResponseBody,
} from '../../src/main/engine/sources/linkedin/linkedin-errors';
import {
  organizationIdsFromAcls,
  parseFollowerStatistics,
  parseNetworkSize,
  parseOrganization,
  parseOrganizationAcls,
} from '../../src/main/engine/sources/linkedin/linkedin-schemas';

const body = (value: unknown): ResponseBody => ({ kind: 'json', value });

function expectSentences(error: AppError): void {
  expect(error.message).not.toMatch(/\n/);
  expect(error.message.length).toBeGreaterThan(10);
  expect(error.hint ?? '').not.toMatch(/\n/);
  expect(error.hint?.length ?? 0).toBeGreaterThan(10);
}

describe('classifyLinkedInError: 401', () => {
  it('EXPIRED_ACCESS_TOKEN → LINKEDIN_TOKEN_EXPIRED with the documented wording', () => {
    const error = classifyLinkedInError(401, body({ status: 401, serviceErrorCode: 65602, code: 'EXPIRED_ACCESS_TOKEN', message: 'The token used in the request has expired' }));
    expect(error.code).toBe('LINKEDIN_TOKEN_EXPIRED');
    expect(error.message).toBe('LinkedIn access token expired');
    expect(error.hint).toBe('open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken');
    expect(error.retryable).toBe(false);
  });

  it('serviceErrorCode 65602 alone is enough', () => {
    expect(classifyLinkedInError(401, body({ serviceErrorCode: 65602 })).code).toBe('LINKEDIN_TOKEN_EXPIRED');
  });

  it('REVOKED_ACCESS_TOKEN or 65601 → LINKEDIN_TOKEN_REVOKED', () => {
    expect(classifyLinkedInError(401, body({ code: 'REVOKED_ACCESS_TOKEN', message: 'revoked' })).code).toBe('LINKEDIN_TOKEN_REVOKED');
    const error = classifyLinkedInError(401, body({ serviceErrorCode: 65601, status: 401 }));
    expect(error.code).toBe('LINKEDIN_TOKEN_REVOKED');
    expectSentences(error);
  });

  it('any other 401 → LINKEDIN_TOKEN_INVALID', () => {
    for (const value of [{ serviceErrorCode: 65600, message: 'Invalid access token', status: 401 }, { message: 'Empty oauth2_access_token', serviceErrorCode: 401 }, {}]) {
      const error = classifyLinkedInError(401, body(value));
      expect(error.code).toBe('LINKEDIN_TOKEN_INVALID');
      expectSentences(error);
    }
    expect(classifyLinkedInError(401, { kind: 'html' }).code).toBe('LINKEDIN_TOKEN_INVALID');
  });
});

describe('classifyLinkedInError: other statuses', () => {
  it('403 → LINKEDIN_PERMISSION_DENIED naming the role and the permission', () => {
    const error = classifyLinkedInError(403, body({ status: 403, serviceErrorCode: 100, code: 'ACCESS_DENIED', message: 'Not enough permissions to access: organizations.FINDER-emailDomain.20230801' }));
    expect(error.code).toBe('LINKEDIN_PERMISSION_DENIED');
    expect(error.hint).toContain('ADMINISTRATOR');
    expect(error.hint).toContain('rw_organization_admin');
    expect(error.retryable).toBe(false);
    expect((error.cause as Error).message).toContain('ACCESS_DENIED');
  });

  it('426 → LINKEDIN_VERSION_INACTIVE naming the version and asking for a current YYYYMM', () => {
    const error = classifyLinkedInError(426, body({ status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20240401 is not active' }), { version: '202404' });
    expect(error.code).toBe('LINKEDIN_VERSION_INACTIVE');
    expect(error.message).toContain('202404');
    expect(error.hint).toContain('YYYYMM');
    expectSentences(error);
  });

  it('429 with "DAY limit" → LINKEDIN_DAILY_LIMIT, not retryable, resets at 00:00 UTC', () => {
    const error = classifyLinkedInError(429, body({ status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' }));
    expect(error.code).toBe('LINKEDIN_DAILY_LIMIT');
    expect(error.retryable).toBe(false);
    expect(error.hint).toContain('00:00 UTC');
  });

  it('a member DAY limit is a daily limit too', () => {
    expect(classifyLinkedInError(429, body({ code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.' })).code).toBe('LINKEDIN_DAILY_LIMIT');
  });

  it('any other 429 → LINKEDIN_THROTTLED, retryable', () => {
    for (const value of [{ status: 429, serviceErrorCode: 101, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION limit for calls to this resource is reached.' }, {}]) {
      const error = classifyLinkedInError(429, body(value));
      expect(error.code).toBe('LINKEDIN_THROTTLED');
      expect(error.retryable).toBe(true);
      expectSentences(error);
    }
    expect(classifyLinkedInError(429, { kind: 'html' }).code).toBe('LINKEDIN_THROTTLED');
  });

  it("400 → LINKEDIN_BAD_REQUEST carrying LinkedIn's message on one line", () => {
    const error = classifyLinkedInError(400, body({ message: "Parameter 'timeIntervals' is invalid", status: 400 }));
    expect(error.code).toBe('LINKEDIN_BAD_REQUEST');
    expect(error.message).toBe("LinkedIn rejected the request: Parameter 'timeIntervals' is invalid");
    expect(error.retryable).toBe(false);
    expectSentences(error);
    const long = classifyLinkedInError(400, body({ message: `line one\nline two ${'x'.repeat(500)}` }));
    expect(long.message).not.toContain('\n');
    expect(long.message.length).toBeLessThan(260);
  });

  it('404 → LINKEDIN_NOT_FOUND', () => {
    const error = classifyLinkedInError(404, body({ status: 404, message: 'Organization 1 not found' }));
    expect(error.code).toBe('LINKEDIN_NOT_FOUND');
    expectSentences(error);
  });

  it('5xx → LINKEDIN_BAD_RESPONSE, retryable', () => {
    for (const status of [500, 502, 503, 504]) {
      const error = classifyLinkedInError(status, body({ message: 'Internal Server Error', status }));
      expect(error.code).toBe('LINKEDIN_BAD_RESPONSE');
      expect(error.retryable).toBe(true);
      expect(error.message).toContain(String(status));
      expectSentences(error);
    }
  });

  it('HTML and unparsable bodies → LINKEDIN_BAD_RESPONSE, retryable', () => {
    for (const [status, kind] of [[502, 'html'], [400, 'html'], [500, 'invalid']] as const) {
      const error = classifyLinkedInError(status, { kind });
      expect(error.code).toBe('LINKEDIN_BAD_RESPONSE');
      expect(error.retryable).toBe(true);
    }
  });

  it('an unexpected 4xx is a bad response that retrying will not fix', () => {
    const error = classifyLinkedInError(405, body({ message: 'Method not allowed' }));
    expect(error.code).toBe('LINKEDIN_BAD_RESPONSE');
    expect(error.retryable).toBe(false);
  });
});

describe('readResponseBody and checkSuccessBody', () => {
  it('parses JSON, spots HTML by content type or shape, and flags truncation', () => {
    expect(readResponseBody('application/json', '{"a":1}')).toEqual({ kind: 'json', value: { a: 1 } });
    expect(readResponseBody('text/html; charset=utf-8', '{"a":1}')).toEqual({ kind: 'html' });
    expect(readResponseBody('application/json', '  <!DOCTYPE html><html>')).toEqual({ kind: 'html' });
    expect(readResponseBody('application/json', '{"elements":[{"organiz')).toEqual({ kind: 'invalid' });
    expect(readResponseBody(null, '')).toEqual({ kind: 'invalid' });
  });

  it('a 2xx that is not JSON is a retryable bad response', () => {
    expect(checkSuccessBody(200, body({ ok: true }))).toEqual({ ok: true });
    for (const bad of [{ kind: 'html' }, { kind: 'invalid' }] as const) {
      let thrown: unknown;
      try {
        checkSuccessBody(200, bad);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('LINKEDIN_BAD_RESPONSE');
      expect((thrown as AppError).retryable).toBe(true);
    }
  });
});

describe('classifyNetworkError', () => {
  const fetchFailed = (cause: unknown): TypeError => new TypeError('fetch failed', { cause });
  const withCode = (code: string): Error => Object.assign(new Error(`connect ${code} 1.2.3.4:443`), { code });

  it('names the host and the reason, and is retryable', () => {
    const error = classifyNetworkError(fetchFailed(withCode('ECONNREFUSED')), 'api.linkedin.com', 30_000);
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('Could not reach LinkedIn (api.linkedin.com): connection refused');
    expect(error.hint).toMatch(/internet/);
    expect(error.hint).toMatch(/proxy/);
    expect(error.retryable).toBe(true);
  });

  it('knows resets, DNS failures, TLS trouble and timeouts', () => {
    const reason = (error: unknown): string => classifyNetworkError(error, 'h', 30_000).message.replace('Could not reach LinkedIn (h): ', '');
    expect(reason(fetchFailed(withCode('ECONNRESET')))).toBe('connection reset');
    expect(reason(fetchFailed(withCode('UND_ERR_SOCKET')))).toBe('connection reset');
    expect(reason(fetchFailed(withCode('ENOTFOUND')))).toBe('host name not found');
    expect(reason(fetchFailed(withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE')))).toBe('TLS certificate not trusted');
    expect(reason(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('no answer within 30 s');
    expect(reason(fetchFailed(new AggregateError([withCode('ECONNREFUSED')])))).toBe('connection refused');
    expect(reason(new TypeError('fetch failed'))).toBe('network error');
  });

  it('does not keep the original error, whose text it cannot vouch for', () => {
    const error = classifyNetworkError(fetchFailed(Object.assign(new Error('proxy said: Authorization: Bearer abc'), { code: 'ECONNRESET' })), 'h', 1000);
    expect(JSON.stringify(error)).not.toContain('abc');
    expect((error.cause as Error).message).toBe('request failed: ECONNRESET');
  });
});

describe('response validation → LINKEDIN_BAD_RESPONSE', () => {
  const URN = 'urn:li:organization:1';
  const DAY = Date.UTC(2026, 10, 1);
  const element = (start: number, gains: unknown = { organicFollowerGain: 3, paidFollowerGain: 1 }): unknown => ({
    organizationalEntity: URN,
    timeRange: { start, end: start + 86_400_000 },
    followerGains: gains,
  });
  const parse = (elements: unknown[]): unknown => parseFollowerStatistics({ paging: { start: 0, count: 10 }, elements }, URN, DAY, DAY + 5 * 86_400_000);
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return error instanceof AppError ? error.code : 'NOT_AN_APP_ERROR';
    }
    return undefined;
  };

  it('returns signed gains sorted by day, omitting nothing and inventing nothing', () => {
    const result = parse([element(DAY + 2 * 86_400_000, { organicFollowerGain: -4, paidFollowerGain: 0 }), element(DAY)]);
    expect(result).toEqual([
      { day: '2026-11-01', organicGain: 3, paidGain: 1 },
      { day: '2026-11-03', organicGain: -4, paidGain: 0 },
    ]);
  });

  it('rejects an element without followerGains instead of treating it as a missing day', () => {
    const { followerGains: _omit, ...withoutGains } = element(DAY) as Record<string, unknown>;
    expect(codeOf(() => parse([withoutGains]))).toBe('LINKEDIN_BAD_RESPONSE');
    try {
      parse([withoutGains]);
    } catch (error) {
      expect((error as AppError).message).toContain('followerGains');
    }
  });

  it('rejects non-midnight buckets, non-integer gains, duplicates and foreign organizations', () => {
    expect(codeOf(() => parse([element(DAY + 3_600_000)]))).toBe('LINKEDIN_BAD_RESPONSE');
    expect(codeOf(() => parse([element(DAY, { organicFollowerGain: 1.5, paidFollowerGain: 0 })]))).toBe('LINKEDIN_BAD_RESPONSE');
    expect(codeOf(() => parse([element(DAY), element(DAY)]))).toBe('LINKEDIN_BAD_RESPONSE');
    expect(codeOf(() => parse([{ ...(element(DAY) as object), organizationalEntity: 'urn:li:organization:2' }]))).toBe('LINKEDIN_BAD_RESPONSE');
    expect(codeOf(() => parseFollowerStatistics('<html>', URN, DAY, DAY + 86_400_000))).toBe('LINKEDIN_BAD_RESPONSE');
  });

  it('validates networkSizes, organizations and organizationAcls', () => {
    expect(parseNetworkSize({ firstDegreeSize: 219145 })).toBe(219145);
    expect(codeOf(() => parseNetworkSize({ firstDegreeSize: '12' }))).toBe('LINKEDIN_BAD_RESPONSE');
    expect(parseOrganization({ id: 123, localizedName: 'Acme', vanityName: 'acme', primaryOrganizationType: 'NONE' })).toEqual({ id: '123', name: 'Acme', vanityName: 'acme' });
    expect(parseOrganization({ id: 123, localizedName: 'Acme' })).toEqual({ id: '123', name: 'Acme', vanityName: null });
    expect(codeOf(() => parseOrganization({ id: 123 }))).toBe('LINKEDIN_BAD_RESPONSE');
    const acls = parseOrganizationAcls({
      elements: [
        { role: 'ADMINISTRATOR', state: 'APPROVED', organization: 'urn:li:organization:1' },
        { role: 'ADMINISTRATOR', state: 'APPROVED', organizationalTarget: 'urn:li:organization:2' },
        { role: 'ADMINISTRATOR', state: 'APPROVED', organization: 'urn:li:organizationBrand:3' },
      ],
    });
    expect(organizationIdsFromAcls(acls)).toEqual(['1', '2']);
    expect(codeOf(() => parseOrganizationAcls({ elements: [{ role: 'ADMINISTRATOR' }] }))).toBe('LINKEDIN_BAD_RESPONSE');
  });
});
