import { AppError } from '../errors';
import type { SecretName } from '../../../shared/secret-names';

/**
 * Secrets go into HTTP headers and SMTP commands, where a control character (a line break
 * pasted with a token, an escape sequence from a terminal) is at best a confusing network
 * fault after several retries. They are refused on input and on use, pure; the value itself
 * never appears in a message. Surrounding whitespace is left to the callers, which trim it.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value.trim());
}

const PROBLEM = 'contains a control character (a line break, tab or escape, perhaps pasted with it)';

/** For a value about to be stored: bad input, exit 2. */
export function invalidSecretInput(name: SecretName): AppError {
  return new AppError('USAGE', `The value given for ${name} ${PROBLEM}; nothing was stored`, {
    hint: `copy it again as one line and run: follower-pulse secret set ${name}`,
  });
}

/** For a stored value about to be used: no request is sent with it. */
export function invalidStoredSecret(name: SecretName): AppError {
  const code = name.startsWith('linkedin.') ? 'LINKEDIN_TOKEN_INVALID' : 'SETTINGS_INVALID';
  return new AppError(code, `The stored ${name} ${PROBLEM}, so it was not sent`, {
    hint: `store it again as one line: follower-pulse secret set ${name} (or fix the FOLLOWER_PULSE_SECRET_ variable that overrides it)`,
  });
}
