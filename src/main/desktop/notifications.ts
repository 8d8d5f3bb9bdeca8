import { explainError, type Language } from '../../shared/error-explanations';
import type { AccountRunResult, RunRecord } from '../../shared/run-record';
import { formatDay, pageName } from '../engine/alerts/alert-messages';

export interface DesktopNotification {
  title: string;
  body: string;
  /** Clicking opens this run in the Run history. */
  runId: string;
}

/** A tracked page as settings name it; used to name the page in the text. */
export interface NamedPage {
  network: string;
  id: string;
  name: string;
}

/**
 * The desktop notification for a finished run, or null when it went well (glossary tone: what
 * happened, what to do, the page and the day named). Partial runs notify too: some page did not
 * sync, which is worth a look as much as a failed run.
 */
export function notificationFor(record: RunRecord, language: Language, pages: readonly NamedPage[] = []): DesktopNotification | null {
  const lang: Language = language === 'en' ? 'en' : 'pt-BR';
  const name = (account: AccountRunResult): string => pageName({ network: account.network, accountId: account.accountId, name: nameOf(pages, account) });
  switch (record.status) {
    case 'failed':
    case 'partial':
      return { ...failure(record, lang, name), runId: record.runId };
    case 'no-data':
      return { ...noData(record, lang, name), runId: record.runId };
    default:
      return null;
  }
}

function failure(record: RunRecord, lang: Language, name: (a: AccountRunResult) => string): Omit<DesktopNotification, 'runId'> {
  const en = lang === 'en';
  const title = record.status === 'failed' ? (en ? 'Sync failed' : 'A sincronização falhou') : en ? 'Sync partly failed' : 'Sincronização com falhas';
  const failedAccount = record.accounts.find((a) => a.error !== null);
  const code = record.error?.code ?? failedAccount?.error?.code ?? 'INTERNAL';
  const explanation = explainError(code, lang);
  // A run-level error (no token, lock held) concerns every page; an account error names its page.
  const prefix = record.error === null && failedAccount ? `${name(failedAccount)}: ` : '';
  return { title, body: `${prefix}${explanation.what} ${explanation.todo}` };
}

function noData(record: RunRecord, lang: Language, name: (a: AccountRunResult) => string): Omit<DesktopNotification, 'runId'> {
  const en = lang === 'en';
  const missing = record.accounts.filter((a) => a.missingDays.length > 0);
  const latest = missing.flatMap((a) => a.missingDays).sort().at(-1);
  const again = en ? 'The next sync asks for it again by itself.' : 'A próxima sincronização pede esse dia de novo sozinha.';
  if (latest === undefined) {
    return { title: en ? 'No data' : 'Sem dados', body: en ? `LinkedIn returned no follower data. ${again}` : `O LinkedIn não entregou os dados de seguidores. ${again}` };
  }
  const day = formatDay(latest, lang);
  const names = missing.filter((a) => a.missingDays.includes(latest)).map(name);
  const pagesText = names.length === 1 ? (en ? ` for the page ${names[0]}` : ` da página ${names[0]}`) : '';
  return {
    title: en ? `No data for ${day}` : `Sem dados para ${day}`,
    body: en ? `LinkedIn returned no follower data for ${day}${pagesText}. ${again}` : `O LinkedIn não entregou os dados de seguidores de ${day}${pagesText}. ${again}`,
  };
}

function nameOf(pages: readonly NamedPage[], account: AccountRunResult): string {
  return pages.find((p) => p.network === account.network && p.id === account.accountId)?.name ?? '';
}

/** "Sync now" refused to start (another run holds the lock, no token…): say why, from the code. */
export function startFailureNotification(code: string, language: Language): { title: string; body: string } {
  const explanation = explainError(code, language === 'en' ? 'en' : 'pt-BR');
  return { title: explanation.title, body: `${explanation.what} ${explanation.todo}` };
}
