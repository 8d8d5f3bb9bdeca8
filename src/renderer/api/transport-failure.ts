import { t, toLanguage, type TranslationKey } from '../../shared/i18n';
import type { ApiFailure } from '../../shared/ui-api';

/**
 * Failures that happen before the engine answers (server gone, session lost). The engine's own
 * failures arrive already worded; these are worded here, in the page's language, because the
 * transport runs before and outside React.
 */
type TransportProblem = 'unreachable' | 'unauthorized' | 'bad-reply';

const KEYS = {
  unreachable: { message: 'transport.unreachable.message', hint: 'transport.unreachable.hint' },
  unauthorized: { message: 'transport.unauthorized.message', hint: 'transport.unauthorized.hint' },
  'bad-reply': { message: 'transport.badReply.message', hint: 'transport.badReply.hint' },
} as const satisfies Record<TransportProblem, { message: TranslationKey; hint: TranslationKey }>;

// Marks failures worded here (already in the user's language) apart from the engine's own.
const transportFailures = new WeakSet<ApiFailure>();

export function transportFailure(problem: TransportProblem, detail?: string): ApiFailure {
  const language = toLanguage(document.documentElement.lang);
  const text = { message: t(language, KEYS[problem].message), hint: t(language, KEYS[problem].hint) };
  const failure: ApiFailure = {
    ok: false,
    code: problem === 'bad-reply' ? 'INTERNAL' : 'NETWORK',
    message: detail ? `${text.message} (${detail})` : text.message,
    hint: text.hint,
  };
  transportFailures.add(failure);
  return failure;
}

export function isTransportFailure(failure: object): boolean {
  return transportFailures.has(failure as ApiFailure);
}
