import { escapeHtml } from '../../text';

/**
 * The page the browser shows after LinkedIn redirects back to the loopback callback. Both
 * languages are shown, the app's own first: the browser is not the app and may be in either.
 */
export type CallbackOutcome = 'signed-in' | 'cancelled' | 'failed';
export type PageLanguage = 'pt-BR' | 'en';

const TEXT: Record<CallbackOutcome, Record<PageLanguage, { title: string; body: string }>> = {
  'signed-in': {
    'pt-BR': { title: 'Conectado ao LinkedIn', body: 'O Follower Pulse recebeu o acesso. Você já pode fechar esta aba.' },
    en: { title: 'Signed in to LinkedIn', body: 'Follower Pulse received access. You can close this tab.' },
  },
  cancelled: {
    'pt-BR': { title: 'Login cancelado', body: 'Nada foi alterado. Você pode fechar esta aba e entrar de novo pelo app quando quiser.' },
    en: { title: 'Sign-in cancelled', body: 'Nothing was changed. You can close this tab and sign in again from the app when ready.' },
  },
  failed: {
    'pt-BR': { title: 'Não foi possível entrar', body: 'Você pode fechar esta aba. O app mostra o que aconteceu e o que fazer.' },
    en: { title: 'Sign-in did not work', body: 'You can close this tab. The app shows what happened and what to do.' },
  },
};

/** No script, no external resources: the CSP sent with it allows inline style only. */
export const CALLBACK_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function callbackPage(outcome: CallbackOutcome, language: PageLanguage, detail?: string): string {
  const order: PageLanguage[] = language === 'en' ? ['en', 'pt-BR'] : ['pt-BR', 'en'];
  const sections = order
    .map((lang) => {
      const t = TEXT[outcome][lang];
      return `<section lang="${lang}"><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.body)}</p></section>`;
    })
    .join('\n');
  const extra = detail ? `<p class="detail">${escapeHtml(detail)}</p>` : '';
  return `<!doctype html>
<html lang="${order[0]}"><head><meta charset="utf-8"><title>Follower Pulse</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2226}h1{font-size:1.3rem}section+section{border-top:1px solid #ddd;margin-top:1.5rem;color:#555}.detail{font-family:monospace;color:#8a1c1c}</style>
</head><body>
${sections}
${extra}
</body></html>
`;
}
