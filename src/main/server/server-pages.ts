/**
 * The two pages the server writes itself. Plain HTML without style or script: the CSP allows
 * neither inline, and these must work with nothing else served. Both languages, pt-BR first.
 */
function page(title: string, paragraphs: string[]): string {
  return `<!doctype html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>${title}</title></head>
<body>
<h1>${title}</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</body></html>
`;
}

export function unauthorizedPage(): string {
  return page('Follower Pulse', [
    'Abra o endereço que o comando <code>follower-pulse serve</code> mostrou: ele contém a chave de acesso (<code>?token=…</code>).',
    'Open the address that <code>follower-pulse serve</code> printed: it carries the access token (<code>?token=…</code>).',
  ]);
}

export function usedLinkPage(): string {
  return page('Follower Pulse', [
    'Este link de acesso já foi usado (ou a sessão foi encerrada). Rode <code>follower-pulse serve</code> de novo para obter um novo.',
    'This sign-in link was already used (or the session was signed out). Run <code>follower-pulse serve</code> again for a new one.',
  ]);
}

export function notBuiltPage(): string {
  return page('Follower Pulse', [
    'As páginas do app não foram compiladas. Rode <code>npm run build</code> e inicie <code>follower-pulse serve</code> de novo.',
    "The app's pages have not been built. Run <code>npm run build</code>, then start <code>follower-pulse serve</code> again.",
    'A API continua disponível em <code>/api/call/&lt;method&gt;</code>. / The API is still available at <code>/api/call/&lt;method&gt;</code>.',
  ]);
}
