import { explainError } from '../../shared/error-explanations';
import { t, toLanguage, type Language } from '../../shared/i18n';
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
  const lang = toLanguage(language);
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
  const title = t(lang, record.status === 'failed' ? 'desktop.syncFailed' : 'desktop.syncPartlyFailed');
  const failedAccount = record.accounts.find((a) => a.error !== null);
  const code = record.error?.code ?? failedAccount?.error?.code ?? 'INTERNAL';
  const explanation = explainError(code, lang);
  // A run-level error (no token, lock held) concerns every page; an account error names its page.
  const prefix = record.error === null && failedAccount ? `${name(failedAccount)}: ` : '';
  return { title, body: `${prefix}${explanation.what} ${explanation.todo}` };
}

function noData(record: RunRecord, lang: Language, name: (a: AccountRunResult) => string): Omit<DesktopNotification, 'runId'> {
  const missing = record.accounts.filter((a) => a.missingDays.length > 0);
  const latest = missing.flatMap((a) => a.missingDays).sort().at(-1);
  const again = t(lang, 'desktop.askAgain');
  if (latest === undefined) return { title: t(lang, 'desktop.noData'), body: t(lang, 'desktop.noDataBody', { again }) };
  const day = formatDay(latest, lang);
  const names = missing.filter((a) => a.missingDays.includes(latest)).map(name);
  const [page] = names;
  return {
    title: t(lang, 'desktop.noDataFor', { day }),
    body: names.length === 1 && page !== undefined ? t(lang, 'desktop.noDataForPageBody', { day, page, again }) : t(lang, 'desktop.noDataForBody', { day, again }),
  };
}

function nameOf(pages: readonly NamedPage[], account: AccountRunResult): string {
  return pages.find((p) => p.network === account.network && p.id === account.accountId)?.name ?? '';
}

/** "Sync now" refused to start (another run holds the lock, no token…): say why, from the code. */
export function startFailureNotification(code: string, language: Language): { title: string; body: string } {
  const explanation = explainError(code, toLanguage(language));
  return { title: explanation.title, body: `${explanation.what} ${explanation.todo}` };
}
