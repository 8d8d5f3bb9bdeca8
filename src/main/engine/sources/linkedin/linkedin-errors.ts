import { AppError } from '../../errors';
import { oneLine } from '../../text';
import { networkFailure } from '../network-failure';
import { linkedInErrorBodySchema, type LinkedInErrorBody } from './linkedin-schemas';

/*
 * Pure classification of LinkedIn failures (contract §7, social-apis.md §4). LinkedIn's
 * breaking-change policy lets message text change, so status, `code` and `serviceErrorCode`
 * decide — except for 429, where LinkedIn gives both kinds the same code and only the message
 * tells a daily quota from a short burst limit.
 */

const TOKEN_HINT = 'open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken';
const RETRY_LATER_HINT = 'LinkedIn may be having problems, so run the sync again later';
const MAX_ECHO_CHARS = 200;

/** What came back over HTTP, already read as text. */
export type ResponseBody = { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'invalid' };

export interface ErrorContext {
  /** LinkedIn-Version the request carried, named in the 426 message. */
  version?: string;
}

/** Reads a body without trusting Content-Type: gateways send HTML error pages as 200s too. */
export function readResponseBody(contentType: string | null, text: string): ResponseBody {
  const trimmed = text.trimStart();
  if (/text\/html/i.test(contentType ?? '') || trimmed.startsWith('<')) return { kind: 'html' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid' };
  }
}

/** One line of LinkedIn's own wording, short enough for a notification. */
function echo(message: string | undefined): string {
  return oneLine(message ?? '', MAX_ECHO_CHARS);
}

function errorBody(body: ResponseBody): LinkedInErrorBody {
  if (body.kind !== 'json') return {};
  const parsed = linkedInErrorBodySchema.safeParse(body.value);
  return parsed.success ? parsed.data : {};
}

/** Keeps LinkedIn's own details for logs without putting them in the user-facing sentence. */
function detailCause(status: number, details: LinkedInErrorBody): Error {
  const parts = [`HTTP ${status}`, details.code, details.serviceErrorCode?.toString(), echo(details.message)];
  return new Error(parts.filter((part) => part !== undefined && part !== '').join(' '));
}

export function classifyLinkedInError(status: number, body: ResponseBody, context: ErrorContext = {}): AppError {
  const details = errorBody(body);
  const cause = detailCause(status, details);
  switch (status) {
    case 401:
      return classifyUnauthorized(details, cause);
    case 403:
      return new AppError('LINKEDIN_PERMISSION_DENIED', "LinkedIn denied access to this page's data", {
        hint: 'the signed-in member must be an ADMINISTRATOR of the page and the LinkedIn app needs the rw_organization_admin permission',
        cause,
      });
    case 404:
      return new AppError('LINKEDIN_NOT_FOUND', 'LinkedIn found no such page or resource', {
        hint: 'check the organization ID in Settings › Accounts',
        cause,
      });
    case 426:
      return versionInactive(context.version, cause);
    case 429:
      return classifyTooManyRequests(details, cause);
    default:
      return classifyOther(status, body, details, cause);
  }
}

function classifyUnauthorized(details: LinkedInErrorBody, cause: Error): AppError {
  if (details.code === 'EXPIRED_ACCESS_TOKEN' || details.serviceErrorCode === 65602) {
    return new AppError('LINKEDIN_TOKEN_EXPIRED', 'LinkedIn access token expired', { hint: TOKEN_HINT, cause });
  }
  if (details.code === 'REVOKED_ACCESS_TOKEN' || details.serviceErrorCode === 65601) {
    return new AppError('LINKEDIN_TOKEN_REVOKED', 'LinkedIn access token was revoked', {
      hint: 'sign in to LinkedIn again: open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken',
      cause,
    });
  }
  return new AppError('LINKEDIN_TOKEN_INVALID', 'LinkedIn rejected the access token as invalid', { hint: TOKEN_HINT, cause });
}

export function versionInactive(version: string | undefined, cause?: Error): AppError {
  const which = version ? `API version ${version}` : 'the configured API version';
  return new AppError('LINKEDIN_VERSION_INACTIVE', `LinkedIn no longer accepts ${which}`, {
    hint: 'update Settings › LinkedIn › API version to a current YYYYMM',
    ...(cause ? { cause } : {}),
  });
}

function classifyTooManyRequests(details: LinkedInErrorBody, cause: Error): AppError {
  if (/DAY limit/i.test(details.message ?? '')) {
    return new AppError('LINKEDIN_DAILY_LIMIT', "LinkedIn's daily API limit for this app has been reached", {
      hint: 'the quota resets at 00:00 UTC, so run the sync again after that',
      cause,
    });
  }
  return new AppError('LINKEDIN_THROTTLED', 'LinkedIn is throttling requests', {
    hint: 'wait a few minutes and run the sync again',
    retryable: true,
    cause,
  });
}

function classifyOther(status: number, body: ResponseBody, details: LinkedInErrorBody, cause: Error): AppError {
  if (status === 400 && body.kind === 'json') {
    const said = echo(details.message);
    return new AppError('LINKEDIN_BAD_REQUEST', said ? `LinkedIn rejected the request: ${said}` : 'LinkedIn rejected the request', {
      hint: "check that the requested days lie within LinkedIn's last 12 months, and report it as a Follower Pulse bug if it persists",
      cause,
    });
  }
  return badResponse(status, body, cause);
}

/** 5xx, HTML pages and unreadable JSON: usually a gateway hiccup, so worth another try. */
export function badResponse(status: number, body: ResponseBody, cause?: Error): AppError {
  const what =
    body.kind === 'html'
      ? `an HTML page instead of data (HTTP ${status})`
      : body.kind === 'invalid'
        ? `unreadable or truncated JSON (HTTP ${status})`
        : status >= 500
          ? `a server error (HTTP ${status})`
          : `an unexpected status (HTTP ${status})`;
  return new AppError('LINKEDIN_BAD_RESPONSE', `LinkedIn answered with ${what}`, {
    hint: RETRY_LATER_HINT,
    retryable: status >= 500 || body.kind !== 'json',
    ...(cause ? { cause } : {}),
  });
}

/** A 2xx is only data when it parsed as JSON; otherwise it is a bad response like any other. */
export function checkSuccessBody(status: number, body: ResponseBody): unknown {
  if (body.kind === 'json') return body.value;
  throw badResponse(status, body);
}


/** Connection-level failure (the request threw), in LinkedIn's words. */
export function classifyNetworkError(error: unknown, host: string, timeoutMs: number): AppError {
  return networkFailure('LinkedIn', host, error, timeoutMs);
}
