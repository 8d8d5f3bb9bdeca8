import { NoSuchBucket, S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/main/engine/errors';
import { classifyS3Error, mostSevere } from '../../src/main/engine/lake/s3-errors';

const place = { bucket: 'acme-lake', prefix: 'pulse/', region: 'sa-east-1' };

function service(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: `${name} AKIAEXAMPLEKEY1234567` });
}

describe('classifyS3Error', () => {
  it.each(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken'])('%s → S3_ACCESS_DENIED', (name) => {
    const error = classifyS3Error(service(name, 403), place, 'upload');
    expect(error.code).toBe('S3_ACCESS_DENIED');
    expect(error.message).toContain('s3://acme-lake/pulse/');
    expect(error.oneLine()).not.toContain('AKIA');
  });

  it('a bare 403 (HEAD responses have no body) is access denied, with the IAM hint', () => {
    const error = classifyS3Error(service('Forbidden', 403), place, 'check');
    expect(error.code).toBe('S3_ACCESS_DENIED');
    expect(error.hint).toContain('s3:PutObject, s3:GetObject, s3:ListBucket and s3:DeleteObject');
    expect(error.hint).toContain('acme-lake');
  });

  it('NoSuchBucket → S3_NO_SUCH_BUCKET naming bucket and region', () => {
    const error = classifyS3Error(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } }), place, 'list');
    expect(error.code).toBe('S3_NO_SUCH_BUCKET');
    expect(error.oneLine()).toBe('The S3 bucket acme-lake does not exist in sa-east-1 — check s3.bucket and s3.region in Settings');
  });

  it('a bucket in another region is reported with the same hint', () => {
    expect(classifyS3Error(service('PermanentRedirect', 301), place, 'list')).toMatchObject({ code: 'S3_NO_SUCH_BUCKET' });
  });

  it('missing credentials → S3_ACCESS_DENIED with how to provide them', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const error = classifyS3Error(missing, place, 'upload');
    expect(error.code).toBe('S3_ACCESS_DENIED');
    expect(error.hint).toMatch(/aws configure.*aws sso login.*instance role/);
  });

  it.each([
    ['network reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'connection reset'],
    ['timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), 'no answer in time'],
    ['5xx', service('InternalError', 500), 'InternalError (HTTP 500)'],
    ['throttling', service('SlowDown', 503), 'SlowDown (HTTP 503)'],
  ])('%s → S3_WRITE_FAILED, retryable, next sync repairs', (_label, error, reason) => {
    const appError = classifyS3Error(error, place, 'upload');
    expect(appError.code).toBe('S3_WRITE_FAILED');
    expect(appError.retryable).toBe(true);
    expect(appError.message).toContain(reason);
    expect(appError.hint).toContain('the next sync uploads whatever is still missing');
  });

  it('download failures are S3_READ_FAILED and point at the next mirror', () => {
    const appError = classifyS3Error(service('InternalError', 500), place, 'download');
    expect(appError.code).toBe('S3_READ_FAILED');
    expect(appError.hint).toContain('next mirror');
  });

  it('mostSevere prefers what needs the user over what the next run repairs', () => {
    const worst = mostSevere([
      new AppError('S3_WRITE_FAILED', 'net'),
      new AppError('S3_ACCESS_DENIED', 'denied'),
      new AppError('S3_WRITE_FAILED', 'net'),
    ]);
    expect(worst?.code).toBe('S3_ACCESS_DENIED');
    expect(mostSevere([])).toBeUndefined();
  });
});
