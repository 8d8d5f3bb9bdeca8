import { AppError } from '../errors';

/**
 * Turns AWS SDK errors into the one-line AppErrors users see. Only the error's name, HTTP
 * status and errno code are read: SDK messages and attached responses can carry request
 * details, and credentials must never reach a message, log or run record.
 */

export type S3Action = 'list' | 'upload' | 'download' | 'check';

export interface S3Place {
  bucket: string;
  /** Normalised key prefix ('' = bucket root). */
  prefix: string;
  region?: string;
}

interface SdkErrorShape {
  name: string;
  status: number | undefined;
  errno: string | undefined;
}

const ACCESS_NAMES = new Set(['AccessDenied', 'Forbidden', 'AllAccessDisabled', 'AccountProblem']);
const CREDENTIAL_NAMES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'TokenRefreshRequired']);
const EXPIRED_NAMES = new Set(['ExpiredToken', 'ExpiredTokenException', 'TokenProviderError']);
const MISSING_CREDENTIAL_NAMES = new Set(['CredentialsProviderError']);
const REGION_NAMES = new Set(['PermanentRedirect', 'AuthorizationHeaderMalformed', 'IllegalLocationConstraintException']);

const NETWORK_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ECONNREFUSED$/, 'connection refused'],
  [/^(ECONNRESET|EPIPE|ECONNABORTED|ERR_STREAM_PREMATURE_CLOSE)$/, 'connection reset'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'host name not found'],
  [/^(ETIMEDOUT|ESOCKETTIMEDOUT)$/, 'connection timed out'],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/, 'TLS certificate not trusted'],
  [/^(ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/, 'network unreachable'],
];

/** The errno-style code, also when it is wrapped in `cause` or an AggregateError. */
function errnoOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = Array.isArray(errors) && errors.length > 0 ? (errors[0] as unknown) : cause;
  }
  return undefined;
}

function shapeOf(error: unknown): SdkErrorShape {
  const value = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = value.$metadata?.httpStatusCode;
  return {
    name: typeof value.name === 'string' ? value.name : 'Error',
    status: typeof status === 'number' ? status : undefined,
    errno: errnoOf(error),
  };
}

export function s3Url(place: S3Place, key = ''): string {
  return `s3://${place.bucket}/${place.prefix}${key}`;
}

function verb(action: S3Action): string {
  switch (action) {
    case 'list':
      return 'listing';
    case 'upload':
      return 'uploading to';
    case 'download':
      return 'downloading from';
    case 'check':
      return 'checking';
  }
}

function reasonOf(shape: SdkErrorShape): string {
  if (shape.name === 'TimeoutError' || shape.name === 'RequestTimeout' || shape.name === 'AbortError') return 'no answer in time';
  if (shape.errno) return NETWORK_REASONS.find(([re]) => re.test(shape.errno ?? ''))?.[1] ?? `network error ${shape.errno}`;
  if (shape.status !== undefined) return `${shape.name} (HTTP ${shape.status})`;
  return shape.name;
}

function accessHint(place: S3Place): string {
  return (
    `check that the IAM policy allows s3:PutObject, s3:GetObject, s3:ListBucket and s3:DeleteObject on bucket ${place.bucket}` +
    `${place.prefix ? ` and prefix ${place.prefix}` : ''}, and which credentials the AWS SDK found (s3.profile, SSO, environment or EC2 instance role)`
  );
}

const CREDENTIALS_HINT =
  'run aws configure, or aws sso login (with s3.profile set to that profile), or run on a machine with an EC2 instance role';

function retryHint(action: S3Action): string {
  if (action === 'download') return 'check the connection; the next mirror downloads whatever is still missing';
  return 'check the connection; the next sync uploads whatever is still missing';
}

/** Classifies an SDK error met while `action`-ing `place`. */
export function classifyS3Error(error: unknown, place: S3Place, action: S3Action): AppError {
  if (error instanceof AppError) return error;
  const shape = shapeOf(error);
  const where = s3Url(place);
  const cause = new Error(`S3 ${shape.name}${shape.status ? ` HTTP ${shape.status}` : ''}${shape.errno ? ` ${shape.errno}` : ''}`);
  if (MISSING_CREDENTIAL_NAMES.has(shape.name)) {
    return new AppError('S3_ACCESS_DENIED', `No usable AWS credentials were found for ${where}`, { hint: CREDENTIALS_HINT, cause });
  }
  if (EXPIRED_NAMES.has(shape.name)) {
    return new AppError('S3_ACCESS_DENIED', `The AWS credentials for ${where} have expired (${shape.name})`, {
      hint: 'sign in again (aws sso login) or renew the credentials the AWS SDK uses',
      cause,
    });
  }
  if (shape.name === 'RequestTimeTooSkewed') {
    return new AppError('S3_ACCESS_DENIED', `S3 refused ${where}: this computer's clock is wrong (RequestTimeTooSkewed)`, {
      hint: 'set the clock to synchronise automatically, then try again',
      cause,
    });
  }
  if (CREDENTIAL_NAMES.has(shape.name)) {
    return new AppError('S3_ACCESS_DENIED', `S3 rejected the AWS credentials while ${verb(action)} ${where} (${shape.name})`, {
      hint: `${CREDENTIALS_HINT}; then ${accessHint(place)}`,
      cause,
    });
  }
  if (ACCESS_NAMES.has(shape.name) || shape.status === 403) {
    return new AppError('S3_ACCESS_DENIED', `Access denied while ${verb(action)} ${where} (${shape.name})`, { hint: accessHint(place), cause });
  }
  if (shape.name === 'NoSuchBucket') {
    return new AppError('S3_NO_SUCH_BUCKET', `The S3 bucket ${place.bucket} does not exist${place.region ? ` in ${place.region}` : ''}`, {
      hint: 'check s3.bucket and s3.region in Settings',
      cause,
    });
  }
  if (REGION_NAMES.has(shape.name) || shape.status === 301) {
    return new AppError('S3_NO_SUCH_BUCKET', `The S3 bucket ${place.bucket} is not in ${place.region || 'the configured region'} (${shape.name})`, {
      hint: 'check s3.bucket and s3.region in Settings',
      cause,
    });
  }
  const code = action === 'download' ? 'S3_READ_FAILED' : 'S3_WRITE_FAILED';
  return new AppError(code, `S3 failed while ${verb(action)} ${where}: ${reasonOf(shape)}`, {
    hint: retryHint(action),
    retryable: true,
    cause,
  });
}

/** Worst first: a wrong bucket or missing permission needs the user, a network blip does not. */
const SEVERITY: readonly string[] = ['S3_NO_SUCH_BUCKET', 'S3_ACCESS_DENIED', 'S3_WRITE_FAILED', 'S3_READ_FAILED'];

export function mostSevere(errors: readonly AppError[]): AppError | undefined {
  const rank = (e: AppError): number => {
    const index = SEVERITY.indexOf(e.code);
    return index === -1 ? SEVERITY.length : index;
  };
  return [...errors].sort((a, b) => rank(a) - rank(b))[0];
}
