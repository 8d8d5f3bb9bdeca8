import { AppError } from '../errors';

const NETWORK_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^ECONNREFUSED$/, 'connection refused'],
  [/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED)$/, 'connection reset'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'host name not found'],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/, 'connection timed out'],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/, 'TLS certificate not trusted'],
  [/^(ENETUNREACH|EHOSTUNREACH)$/, 'network unreachable'],
];

/** The errno-style code: on the error, or in its `cause` as `fetch` wraps it (or an AggregateError's first error). */
function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errors, cause } = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = Array.isArray(errors) && errors.length > 0 ? (errors[0] as unknown) : cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${formatSeconds(timeoutMs)}`;
  const code = networkErrorCode(error);
  const reason = code === undefined ? undefined : NETWORK_REASONS.find(([pattern]) => pattern.test(code))?.[1];
  return reason ?? (code ? `network error ${code}` : 'network error');
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

/**
 * A request that never got an answer (connection refused, host not found, untrusted
 * certificate, timeout), as NETWORK naming the service and the reason. The original error is
 * not kept as the cause: proxy agents have been known to echo request headers into their
 * messages.
 */
export function networkFailure(service: string, host: string, error: unknown, timeoutMs: number): AppError {
  const reason = networkReason(error, timeoutMs);
  const code = networkErrorCode(error);
  return new AppError('NETWORK', `Could not reach ${service} (${host}): ${reason}`, {
    hint: 'check the internet connection and any proxy or firewall settings, then run the sync again',
    retryable: true,
    cause: new Error(code ? `request failed: ${code}` : `request failed: ${reason}`),
  });
}
