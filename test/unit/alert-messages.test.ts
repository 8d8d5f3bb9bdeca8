import { describe, expect, it } from 'vitest';
import type { FailureAlert, NoDataAlert, TokenExpiryAlert, VersionSunsetAlert } from '../../src/main/engine/alerts/alert-decisions';
import { composeAlert, composeTestEmail, formatDay, formatInteger } from '../../src/main/engine/alerts/alert-messages';
import { escapeHtml } from '../../src/main/engine/text';
import { ERROR_CODES } from '../../src/shared/error-codes';
import { explainError, hasErrorExplanation } from '../../src/shared/error-explanations';

const pt = { language: 'pt-BR', appName: 'Follower Pulse' } as const;
const en = { language: 'en', appName: 'Follower Pulse' } as const;
const runId = '20261128T070001Z-3f9a';

const acme = { network: 'linkedin', accountId: '2414183', name: 'Acme' };
const noData: NoDataAlert = { kind: 'no-data', keys: ['k'], runId, day: '2026-11-25', pages: [acme] };

/** The words a reader sees in the HTML part, tags removed and entities decoded. */
function htmlWords(html: string): string {
  return html
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function textWords(text: string): string {
  return text.replace(/•|-- /g, ' ').replace(/\s+/g, ' ');
}

describe('formatting', () => {
  it('dates: dd/mm/yyyy in pt-BR, 25 Nov 2026 in English', () => {
    expect(formatDay('2026-11-25', 'pt-BR')).toBe('25/11/2026');
    expect(formatDay('2026-12-05', 'pt-BR')).toBe('05/12/2026');
    expect(formatDay('2026-11-25', 'en')).toBe('25 Nov 2026');
    expect(formatDay('2026-12-05', 'en')).toBe('5 Dec 2026');
  });

  it('numbers: 1.234 in pt-BR, 1,234 in English', () => {
    expect(formatInteger(1234567, 'pt-BR')).toBe('1.234.567');
    expect(formatInteger(-1234, 'en')).toBe('-1,234');
    expect(formatInteger(12, 'pt-BR')).toBe('12');
  });

  it('escapeHtml escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('composeAlert — no data', () => {
  it('pt-BR: subject, page and day in both parts', () => {
    const mail = composeAlert(noData, pt);
    expect(mail.subject).toBe('[Follower Pulse] Sem dados para 25/11/2026 — Acme');
    for (const part of [mail.text, htmlWords(mail.html)]) {
      expect(part).toContain('O LinkedIn não entregou os dados de seguidores de 25/11/2026 da página Acme (LinkedIn 2414183).');
      expect(part).toContain('Configurações › LinkedIn');
      expect(part).toContain(runId);
    }
    expect(mail.html).toContain('<html lang="pt-BR">');
  });

  it('English: subject, page and day in both parts', () => {
    const mail = composeAlert(noData, en);
    expect(mail.subject).toBe('[Follower Pulse] No data for 25 Nov 2026 — Acme');
    for (const part of [mail.text, htmlWords(mail.html)]) {
      expect(part).toContain('LinkedIn returned no follower data for 25 Nov 2026 for the page Acme (LinkedIn 2414183).');
      expect(part).toContain('Settings › LinkedIn');
    }
  });

  it('several pages are listed; a page without a name is called by its id', () => {
    const pages = [acme, { network: 'linkedin', accountId: '777', name: '' }, { ...acme, accountId: '3', name: 'C' }, { ...acme, accountId: '4', name: 'D' }];
    const mail = composeAlert({ ...noData, pages }, pt);
    expect(mail.subject).toBe('[Follower Pulse] Sem dados para 25/11/2026 — Acme, LinkedIn 777, C e mais 1');
    expect(mail.text).toContain('destas páginas:\n\n• Acme (LinkedIn 2414183)\n• LinkedIn 777\n• C (LinkedIn 3)\n• D (LinkedIn 4)');
    expect(composeAlert({ ...noData, pages }, en).subject).toBe('[Follower Pulse] No data for 25 Nov 2026 — Acme, LinkedIn 777, C and 1 more');
  });

  it('the HTML part says the same as the text part', () => {
    const mail = composeAlert(noData, pt);
    expect(htmlWords(mail.html).trim()).toBe(textWords(mail.text).trim());
  });

  it('escapes page names in HTML and keeps them literal in the text and subject', () => {
    const evil = { ...acme, name: '<script>alert("x")</script> & Co\nBcc: x@evil' };
    const mail = composeAlert({ ...noData, pages: [evil] }, en);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co Bcc: x@evil');
    expect(mail.text).toContain('<script>alert("x")</script> & Co Bcc: x@evil');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('composeAlert — failure', () => {
  const failure: FailureAlert = {
    kind: 'failure',
    keys: ['failure:LINKEDIN_TOKEN_EXPIRED'],
    runId,
    status: 'failed',
    runDay: '2026-11-28',
    problems: [
      {
        code: 'LINKEDIN_TOKEN_EXPIRED',
        message: 'Acme (LinkedIn 2414183): LinkedIn token expired on 2026-11-20 — open Settings › LinkedIn or run: follower-pulse secret set linkedin.accessToken',
        page: acme,
      },
    ],
  };

  it('pt-BR: what happened with the date, what to do, code and detail', () => {
    const mail = composeAlert(failure, pt);
    expect(mail.subject).toBe('[Follower Pulse] A sincronização falhou — Token do LinkedIn expirado (Acme)');
    for (const part of [mail.text, htmlWords(mail.html)]) {
      expect(part).toContain('A sincronização de 28/11/2026 falhou');
      expect(part).toContain('O que aconteceu: O token de acesso do LinkedIn expirou em 20/11/2026.');
      expect(part).toContain('O que fazer: Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn).');
      expect(part).toContain('Código: LINKEDIN_TOKEN_EXPIRED');
    }
    expect(htmlWords(mail.html).trim()).toBe(textWords(mail.text).trim());
  });

  it('English, partial, with a run-wide S3 problem', () => {
    const mail = composeAlert(
      { ...failure, status: 'partial', problems: [{ code: 'S3_ACCESS_DENIED', message: 'Access Denied', page: null }] },
      en,
    );
    expect(mail.subject).toBe('[Follower Pulse] Sync partly failed — S3 access denied');
    expect(mail.text).toContain('The whole sync\nWhat happened: AWS denied access to the S3 bucket.\nWhat to do: Check the AWS credentials');
  });
});

describe('composeAlert — token expiry', () => {
  const soon: TokenExpiryAlert = {
    kind: 'token-expiry',
    keys: ['k'],
    runId,
    expired: false,
    expiresOn: '2026-12-03',
    daysLeft: 5,
    isEstimate: true,
    storedOn: '2026-10-04',
  };

  it('says when the date is an estimate (pt-BR)', () => {
    const mail = composeAlert(soon, pt);
    expect(mail.subject).toBe('[Follower Pulse] O token do LinkedIn expira em 03/12/2026');
    expect(mail.text).toContain('O token de acesso do LinkedIn expira em 03/12/2026, daqui a 5 dias; depois disso, a sincronização para.');
    expect(mail.text).toContain('Essa data é estimada');
    expect(mail.text).toContain('60 dias a partir de quando ele foi salvo (04/10/2026)');
  });

  it('says when the date is an estimate (English), and not when it is not', () => {
    const mail = composeAlert(soon, en);
    expect(mail.subject).toBe('[Follower Pulse] The LinkedIn access token expires on 3 Dec 2026');
    expect(htmlWords(mail.html)).toContain('This date is estimated: LinkedIn did not say when the token expires, so it is 60 days after the token was stored (4 Oct 2026).');
    expect(composeAlert({ ...soon, isEstimate: false }, en).text).not.toMatch(/estimat/i);
  });

  it('an expired token, in the glossary’s words', () => {
    const mail = composeAlert({ ...soon, expired: true, expiresOn: '2026-11-20', daysLeft: -8, isEstimate: false }, pt);
    expect(mail.subject).toBe('[Follower Pulse] O token do LinkedIn expirou em 20/11/2026');
    expect(mail.text).toContain('Gere um novo em Configurações › LinkedIn');
  });
});

describe('composeAlert — API version', () => {
  const fallback: VersionSunsetAlert = { kind: 'version-sunset', keys: ['k'], runId, fallback: true, configured: '202511', used: '202602', sunsetOn: '2026-11-15' };

  it('names the configured version and the one used, and where to change it', () => {
    const ptMail = composeAlert(fallback, pt);
    expect(ptMail.text).toContain('Versão configurada: 202511');
    expect(ptMail.text).toContain('Versão usada nesta sincronização: 202602');
    expect(ptMail.text).toContain('Atualize Configurações › LinkedIn › Versão da API para 202602 ou mais nova.');
    const enMail = composeAlert(fallback, en);
    expect(enMail.subject).toBe('[Follower Pulse] Update the LinkedIn API version: 202511 is no longer accepted');
    expect(enMail.text).toContain('Update Settings › LinkedIn › API version to 202602 or newer.');
  });

  it('a version near its sunset gives the date', () => {
    const mail = composeAlert({ ...fallback, fallback: false, configured: '202512', used: '202512', sunsetOn: '2026-12-15' }, pt);
    expect(mail.subject).toBe('[Follower Pulse] A versão 202512 da API do LinkedIn será desativada por volta de 15/12/2026');
  });
});

describe('composeTestEmail', () => {
  it('is short and friendly in both languages', () => {
    const sentAt = new Date('2026-11-28T10:00:00Z');
    expect(composeTestEmail({ ...pt, sentAt }).subject).toBe('[Follower Pulse] E-mail de teste');
    expect(composeTestEmail({ ...pt, sentAt }).text).toContain('Tudo certo: o Follower Pulse enviou este e-mail de teste em 28/11/2026.');
    expect(composeTestEmail({ ...en, sentAt }).subject).toBe('[Follower Pulse] Test e-mail');
  });
});

describe('explainError', () => {
  it('has its own text for every error code, in both languages', () => {
    const missing = ERROR_CODES.filter((code) => !hasErrorExplanation(code));
    expect(missing).toEqual([]);
    for (const code of ERROR_CODES) {
      for (const language of ['pt-BR', 'en'] as const) {
        const e = explainError(code, language);
        expect(e.title && e.what && e.todo, `${code} ${language}`).toBeTruthy();
        expect(e.what).toMatch(/[.]$/);
        expect(e.todo).toMatch(/[.]$/);
      }
    }
  });

  it('gives a generic text for a code it does not know', () => {
    expect(explainError('SOMETHING_NEW', 'en').what).toBe('Something went wrong.');
    expect(explainError('toString', 'pt-BR').what).toBe('Ocorreu um erro.');
  });
});
