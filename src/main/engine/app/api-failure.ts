import type { ApiFailure } from '../../../shared/ui-api';
import { toAppError } from '../errors';
import type { Redactor } from '../log/redactor';
import { SettingsInvalidError } from '../settings/settings-store';

/**
 * Any error → the one-line ApiFailure the UI shows (what happened, what to do). Unexpected
 * errors become INTERNAL with a hint instead of a stack trace; the log gets the details.
 */
export function toApiFailure(error: unknown): ApiFailure {
  const appError = toAppError(error);
  const failure: ApiFailure = { ok: false, code: appError.code, message: appError.message };
  if (appError.hint !== undefined) failure.hint = appError.hint;
  else if (appError.code === 'INTERNAL') failure.hint = 'this is a bug in Follower Pulse; the log file has the details';
  if (appError instanceof SettingsInvalidError) failure.issues = appError.issues.map((i) => ({ path: i.path, message: i.message }));
  return failure;
}

/**
 * A copy of `value` with every string passed through the redactor. Applied to every response
 * and event, so a secret that slipped into an error message from a dependency never reaches
 * the renderer (which, over HTTP, may be any local process holding the token).
 */
export function redactDeep(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redactor));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, redactor);
    return out;
  }
  return value;
}
