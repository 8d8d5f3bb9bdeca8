import type { ErrorCode } from '../../../../shared/error-codes';
import { AppError } from '../../errors';
import { oneLine } from '../../text';

/*
 * Pure classification of Graph API failures (social-apis.md §5–§6), shared by the Facebook
 * Page and Instagram sources. Graph's numeric `code` decides, never the message: 190 is a
 * dead token, 4/17/32/613/80001 are throttles, 10 and 200–299 are permissions, 100 is a bad
 * parameter — on an insights call, a metric Meta removed.
 */

export type GraphNetwork = 'facebook' | 'instagram';

const NAMES: Record<GraphNetwork, { display: string; tokenHint: string }> = {
  facebook: { display: 'Facebook', tokenHint: 'store a new Page token: follower-pulse secret set facebook.pageToken' },
  instagram: { display: 'Instagram', tokenHint: 'store a new token: follower-pulse secret set instagram.accessToken' },
};

const THROTTLE_CODES = new Set([4, 17, 32, 613, 80001]);
/** Meta's own estimate at or beyond this many minutes means "the quota for today", not a burst. */
const DAILY_LIMIT_MINUTES = 60;
const MAX_ECHO_CHARS = 200;

export interface GraphErrorFields {
  code: number | null;
  subcode: number | null;
  message: string;
}

/** The `error` object of a Graph error body, or null when the body is not one. */
function graphErrorFields(body: unknown): GraphErrorFields | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body).error;
  if (typeof error !== 'object' || error === null) return null;
  const e = error as Record<string, unknown>;
  return {
    code: typeof e.code === 'number' ? e.code : null,
    subcode: typeof e.error_subcode === 'number' ? e.error_subcode : null,
    message: typeof e.message === 'string' ? e.message : '',
  };
}

/**
 * Minutes until Meta lets the app call again, from `X-Business-Use-Case-Usage`
 * (`{"<id>":[{"type":"pages","call_count":..,"estimated_time_to_regain_access":N}]}`);
 * null when the header is absent or unreadable, the longest wait when several are given.
 */
export function regainAccessMinutes(header: string | null): number | null {
  if (!header) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  let longest: number | null = null;
  for (const entries of Object.values(parsed as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries as unknown[]) {
      const minutes = (entry as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access;
      if (typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0) longest = Math.max(longest ?? 0, minutes);
    }
  }
  return longest;
}

function code(network: GraphNetwork, suffix: string): ErrorCode {
  return `${network.toUpperCase()}_${suffix}` as ErrorCode;
}

export interface GraphFailure {
  status: number;
  body: unknown;
  /** The raw `X-Business-Use-Case-Usage` header. */
  usageHeader: string | null;
  now: Date;
  /** The request was an insights call, where #100 means a metric that no longer exists. */
  insights?: boolean;
}

/** A Graph metric Meta removed or never serves for this account: the run degrades, it does not fail. */
export class GraphMetricUnavailableError extends AppError {
  constructor(network: GraphNetwork, message: string) {
    super(code(network, 'BAD_REQUEST'), message, { hint: 'follower totals are still recorded; update Follower Pulse when a new version names the replacement metric' });
  }
}

export function classifyGraphFailure(network: GraphNetwork, failure: GraphFailure): AppError {
  const { display, tokenHint } = NAMES[network];
  const fields = graphErrorFields(failure.body);
  const said = fields ? ` (#${fields.code ?? '?'}${fields.subcode ? `/${fields.subcode}` : ''}: ${oneLine(fields.message, MAX_ECHO_CHARS)})` : '';
  const graphCode = fields?.code ?? null;

  if (graphCode === 190 || (failure.status === 401 && graphCode === null)) {
    const why = fields?.subcode === 463 ? 'has expired' : fields?.subcode === 460 ? 'was invalidated by a password change' : 'is expired or no longer valid';
    return new AppError(code(network, 'TOKEN_EXPIRED'), `The ${display} access token ${why}${said}`, { hint: tokenHint });
  }
  if (graphCode !== null && THROTTLE_CODES.has(graphCode)) {
    const minutes = regainAccessMinutes(failure.usageHeader);
    if (minutes !== null && minutes >= DAILY_LIMIT_MINUTES) {
      const at = new Date(failure.now.getTime() + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
      return new AppError(code(network, 'DAILY_LIMIT'), `${display}'s request limit is used up for about ${minutes} minutes${said}`, {
        hint: `the next sync after ${at} UTC catches up by itself`,
      });
    }
    const wait = minutes === null || minutes === 0 ? 'a few minutes' : `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
    // A wait Meta puts a number on is not worth retrying inside this run; a bare throttle is.
    return new AppError(code(network, 'THROTTLED'), `${display} asked to slow down${said}`, {
      hint: `run the sync again in ${wait}`,
      retryable: minutes === null || minutes === 0,
    });
  }
  if (graphCode === 10 || (graphCode !== null && graphCode >= 200 && graphCode <= 299) || failure.status === 403) {
    return new AppError(code(network, 'PERMISSION_DENIED'), `${display} refused access${said}`, {
      hint:
        network === 'facebook'
          ? 'the Page token needs pages_read_engagement and read_insights, from someone who can analyse the Page'
          : 'the token needs instagram_basic and instagram_manage_insights for a professional account',
    });
  }
  // #100 is Graph's generic "invalid parameter": only its invalid-metric form means a removed metric.
  if (failure.insights && ((graphCode === 100 && /metric/i.test(fields?.message ?? '')) || fields?.subcode === 2874008)) {
    return new GraphMetricUnavailableError(network, `${display} does not serve the daily follower metric for this account${said}`);
  }
  if (failure.status >= 500 || graphCode === 1 || graphCode === 2) {
    return new AppError(code(network, 'BAD_RESPONSE'), `${display} answered with an error (HTTP ${failure.status})${said}`, {
      hint: `${display} may be having problems, so run the sync again later`,
      retryable: true,
    });
  }
  if (fields === null) {
    return new AppError(code(network, 'BAD_RESPONSE'), `${display} answered HTTP ${failure.status} with an unreadable body`, {
      hint: `${display} may be having problems, so run the sync again later`,
      retryable: failure.status >= 500,
    });
  }
  return new AppError(code(network, 'BAD_REQUEST'), `${display} refused the request${said}`, {
    hint: 'check the account id and the apiVersion in settings',
  });
}
