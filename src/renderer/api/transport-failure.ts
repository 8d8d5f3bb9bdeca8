import type { ApiFailure } from '../../shared/ui-api';

/**
 * Failures that happen before the engine answers (server gone, session lost). The engine's own
 * failures arrive already worded; these are worded here, in the page's language, because the
 * transport runs before and outside React.
 */
type TransportProblem = 'unreachable' | 'unauthorized' | 'bad-reply';

const TEXT: Record<TransportProblem, Record<'pt-BR' | 'en', { message: string; hint: string }>> = {
  unreachable: {
    'pt-BR': {
      message: 'O Follower Pulse não respondeu.',
      hint: 'Confira se o comando follower-pulse serve ainda está rodando e recarregue a página.',
    },
    en: {
      message: 'Follower Pulse did not answer.',
      hint: 'Check that follower-pulse serve is still running and reload the page.',
    },
  },
  unauthorized: {
    'pt-BR': {
      message: 'A sessão deste navegador não é mais válida.',
      hint: 'Abra de novo o endereço com ?token= que o follower-pulse serve mostrou ao iniciar.',
    },
    en: {
      message: 'This browser session is no longer valid.',
      hint: 'Open again the address with ?token= that follower-pulse serve printed when it started.',
    },
  },
  'bad-reply': {
    'pt-BR': {
      message: 'O Follower Pulse respondeu algo inesperado.',
      hint: 'Recarregue a página; se continuar, veja os logs.',
    },
    en: {
      message: 'Follower Pulse sent an unexpected answer.',
      hint: 'Reload the page; if it keeps happening, check the logs.',
    },
  },
};

// Marks failures worded here (already in the user's language) apart from the engine's own.
const transportFailures = new WeakSet<ApiFailure>();

export function transportFailure(problem: TransportProblem, detail?: string): ApiFailure {
  const language = document.documentElement.lang === 'en' ? 'en' : 'pt-BR';
  const text = TEXT[problem][language];
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
