import { describe, expect, it } from 'vitest';
import { Redactor, redactor } from '../../src/main/engine/log/redactor';

describe('Redactor: registered values', () => {
  it('replaces every occurrence of every registered value', () => {
    const r = new Redactor();
    r.register('AQX-secret-token-1');
    r.register('hunter22');
    expect(r.redact('a AQX-secret-token-1 b AQX-secret-token-1 c hunter22')).toBe('a *** b *** c ***');
  });

  it('ignores values shorter than 4 characters, which would mask ordinary text', () => {
    const r = new Redactor();
    r.register('abc');
    r.register('');
    expect(r.redact('abc def')).toBe('abc def');
  });

  it('masks the longer of two overlapping secrets whole', () => {
    const r = new Redactor();
    r.register('token');
    r.register('token-and-more');
    expect(r.redact('x token-and-more y token')).toBe('x *** y ***');
  });

  it('also catches the JSON-escaped and URL-encoded forms a value takes in a log line', () => {
    const r = new Redactor();
    const secret = 'pa"ss\\word+/=';
    r.register(secret);
    expect(r.redact(JSON.stringify({ value: secret }))).toBe('{"value":"***"}');
    expect(r.redact(`https://x/?t=${encodeURIComponent(secret)}`)).toBe('https://x/?t=***');
  });

  it('treats regex metacharacters in a value literally', () => {
    const r = new Redactor();
    r.register('a.b*c(d)');
    expect(r.redact('a.b*c(d) axbbbc(d)')).toBe('*** axbbbc(d)');
  });
});

describe('Redactor: credential patterns (no registration needed)', () => {
  const r = new Redactor();

  it.each([
    ['Authorization: Bearer AQWxyz-._~+/abc==', 'Authorization: Bearer ***'],
    ['GET /x?access_token=abc123&count=1', 'GET /x?access_token=***&count=1'],
    ['grant_type=refresh_token&refresh_token=r3fr3sh&client_secret=s3cr3t', 'grant_type=refresh_token&refresh_token=***&client_secret=***'],
    ['smtp login password=p4ss w0rd', 'smtp login password=*** w0rd'],
    ['{"access_token":"AQV123","expires_in":5184000}', '{"access_token":"***","expires_in":5184000}'],
    ['{"refresh_token" : "r1", "client_secret":"c2", "password":"p3"}', '{"refresh_token" : "***", "client_secret":"***", "password":"***"}'],
    ['{"body":"{\\"access_token\\":\\"AQV123\\"}"}', '{"body":"{\\"access_token\\":\\"***\\"}"}'],
  ])('%s', (input, expected) => {
    expect(r.redact(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = '2026-11-28T07:00:01.123Z INFO sync.start {"accounts":1,"token":"set","days":7}';
    expect(r.redact(text)).toBe(text);
  });
});

describe('redactor (process-wide)', () => {
  it('is a shared Redactor instance', () => {
    expect(redactor).toBeInstanceOf(Redactor);
  });
});
