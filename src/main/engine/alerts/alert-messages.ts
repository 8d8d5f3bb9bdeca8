import { explainError } from '../../../shared/error-explanations';
import { t, type Language } from '../../../shared/i18n';
import { type Day, isDay } from '../dates';
import { escapeHtml, oneLine } from '../text';
import type {
  AlertPage,
  DamagedFileAlert,
  FailureAlert,
  FailureProblem,
  NoDataAlert,
  PendingAlert,
  TokenExpiryAlert,
  VersionSunsetAlert,
} from './alert-decisions';

/**
 * Alert e-mails as words (pure). Each mail is first built as one neutral structure and then
 * rendered to text and to HTML, so the two parts can never say different things. The words
 * come from the catalog (src/shared/i18n, `mail.*`), written for Brazilian marketing people
 * (glossary): what happened, what to do, the page and the day named.
 */

export interface ComposeOptions {
  language: Language;
  appName: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

type Tone = 'danger' | 'warning' | 'info' | 'ok';

type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'facts'; title?: string; rows: { label: string; value: string }[] };

interface MailContent {
  /** Subject without the `[app]` prefix; also the heading. */
  title: string;
  tone: Tone;
  blocks: Block[];
  footer: string[];
}

export function composeAlert(alert: PendingAlert, options: ComposeOptions): ComposedMail {
  const lang = options.language === 'en' ? 'en' : 'pt-BR';
  const content = contentFor(alert, lang);
  content.footer.push(...alertFooter(alert.runId, options.appName, lang));
  return render(content, options.appName, lang);
}

/** For `doctor --send-test` and the UI's "Send test e-mail". */
export function composeTestEmail(options: ComposeOptions & { sentAt: Date }): ComposedMail {
  const lang = options.language === 'en' ? 'en' : 'pt-BR';
  const day = formatDay(options.sentAt.toISOString().slice(0, 10), lang);
  const app = options.appName;
  const content: MailContent = {
    title: t(lang, 'mail.test.title'),
    tone: 'ok',
    blocks: [
      { type: 'paragraph', text: t(lang, 'mail.test.allSet', { app, day }) },
      { type: 'paragraph', text: t(lang, 'mail.test.whereAlertsGo') },
    ],
    footer: [t(lang, 'mail.test.footer', { app })],
  };
  return render(content, options.appName, lang);
}

function contentFor(alert: PendingAlert, lang: Language): MailContent {
  switch (alert.kind) {
    case 'no-data':
      return noDataContent(alert, lang);
    case 'failure':
      return failureContent(alert, lang);
    case 'token-expiry':
      return tokenExpiryContent(alert, lang);
    case 'version-sunset':
      return versionSunsetContent(alert, lang);
    case 'damaged-file':
      return damagedFileContent(alert, lang);
  }
}

// The engine's message names the file and the exact commands; it is kept as it is.
function damagedFileContent(alert: DamagedFileAlert, lang: Language): MailContent {
  const blocks: Block[] = [
    { type: 'paragraph', text: t(lang, 'mail.damagedFile.intro') },
    { type: 'list', items: alert.messages },
  ];
  return { title: t(lang, 'mail.damagedFile.title'), tone: 'warning', blocks, footer: [] };
}

// ---------------------------------------------------------------- no data

function noDataContent(alert: NoDataAlert, lang: Language): MailContent {
  const day = formatDay(alert.day, lang);
  const names = alert.pages.map((p) => pageName(p));
  const labels = alert.pages.map((p) => pageLabel(p));
  const suffix = names.length === 0 ? '' : ` — ${nameList(names, lang)}`;
  const blocks: Block[] = [];
  if (labels.length === 0) blocks.push({ type: 'paragraph', text: t(lang, 'mail.noData.noPage', { day }) });
  else if (labels.length === 1) blocks.push({ type: 'paragraph', text: t(lang, 'mail.noData.onePage', { day, page: labels[0] ?? '' }) });
  else blocks.push({ type: 'paragraph', text: t(lang, 'mail.noData.manyPages', { day }) }, { type: 'list', items: labels });
  blocks.push({ type: 'paragraph', text: t(lang, 'mail.noData.advice') });
  return { title: t(lang, 'mail.noData.title', { day, suffix }), tone: 'warning', blocks, footer: [] };
}

// ---------------------------------------------------------------- failure

function failureContent(alert: FailureAlert, lang: Language): MailContent {
  // decideAlerts never makes an empty failure, but a hand-built one must not crash the mail.
  const main = alert.problems[0] ?? { code: 'INTERNAL' as const, message: '', page: null };
  const pages = [...new Set(alert.problems.flatMap((p) => (p.page ? [pageName(p.page)] : [])))];
  const failed = alert.status === 'failed';
  const status = t(lang, failed ? 'mail.failure.failed' : 'mail.failure.partial');
  const pageSuffix = pages.length === 0 ? '' : ` (${nameList(pages, lang)})`;
  const day = formatDay(alert.runDay, lang);
  const intro = t(lang, failed ? 'mail.failure.introFailed' : 'mail.failure.introPartial', { day });
  return {
    title: t(lang, 'mail.failure.title', { status, reason: explainError(main.code, lang).title, pages: pageSuffix }),
    tone: 'danger',
    blocks: [{ type: 'paragraph', text: intro }, ...alert.problems.map((p) => problemFacts(p, lang))],
    footer: [],
  };
}

function problemFacts(problem: FailureProblem, lang: Language): Block {
  const explanation = explainError(problem.code, lang);
  return {
    type: 'facts',
    title: problem.page ? pageLabel(problem.page) : t(lang, 'mail.failure.wholeSync'),
    rows: [
      { label: t(lang, 'mail.failure.whatHappened'), value: whatHappened(problem, lang) ?? explanation.what },
      { label: t(lang, 'mail.failure.whatToDo'), value: explanation.todo },
      { label: t(lang, 'mail.failure.code'), value: problem.code },
      { label: t(lang, 'mail.failure.technicalDetail'), value: oneLine(problem.message) },
    ],
  };
}

/** Sharper than the table where the engine's message carries the date (glossary example). */
function whatHappened(problem: FailureProblem, lang: Language): string | null {
  if (problem.code !== 'LINKEDIN_TOKEN_EXPIRED') return null;
  const day = /\b(\d{4}-\d{2}-\d{2})\b/.exec(problem.message)?.[1];
  if (!day || !isDay(day)) return null;
  return t(lang, 'mail.failure.tokenExpiredOn', { day: formatDay(day, lang) });
}

// ---------------------------------------------------------------- token expiry

function tokenExpiryContent(alert: TokenExpiryAlert, lang: Language): MailContent {
  const day = alert.expiresOn === null ? null : formatDay(alert.expiresOn, lang);
  let title: string;
  let what: string;
  if (alert.expired) {
    title = day ? t(lang, 'mail.tokenExpiry.expiredOnTitle', { day }) : t(lang, 'mail.tokenExpiry.expiredTitle');
    what = day ? t(lang, 'mail.tokenExpiry.expiredOn', { day }) : t(lang, 'mail.tokenExpiry.expired');
  } else {
    title = day ? t(lang, 'mail.tokenExpiry.expiresOnTitle', { day }) : t(lang, 'mail.tokenExpiry.expiresSoonTitle');
    const when = alert.daysLeft === null ? '' : `, ${inDays(alert.daysLeft, lang)}`;
    what = day ? t(lang, 'mail.tokenExpiry.expiresOn', { day, when }) : t(lang, 'mail.tokenExpiry.expiresSoon', { when });
  }
  const todo = t(lang, alert.expired ? 'mail.tokenExpiry.todoExpired' : 'mail.tokenExpiry.todoBefore');
  const blocks: Block[] = [
    { type: 'paragraph', text: what },
    { type: 'paragraph', text: todo },
  ];
  if (alert.isEstimate) {
    const stored = alert.storedOn === null ? '' : ` (${formatDay(alert.storedOn, lang)})`;
    blocks.push({ type: 'paragraph', text: t(lang, 'mail.tokenExpiry.estimate', { stored }) });
  }
  return { title, tone: alert.expired ? 'danger' : 'warning', blocks, footer: [] };
}

function inDays(n: number, lang: Language): string {
  if (n === 0) return t(lang, 'mail.tokenExpiry.today');
  if (n === 1) return t(lang, 'mail.tokenExpiry.tomorrow');
  return t(lang, 'mail.tokenExpiry.inDays', { days: formatInteger(n, lang) });
}

// ---------------------------------------------------------------- API version

function versionSunsetContent(alert: VersionSunsetAlert, lang: Language): MailContent {
  const sunset = alert.sunsetOn === null ? null : formatDay(alert.sunsetOn, lang);
  const { configured, used } = alert;
  let title: string;
  let what: string;
  let todo: string;
  if (alert.fallback) {
    title = t(lang, 'mail.versionSunset.fallbackTitle', { configured });
    what = t(lang, 'mail.versionSunset.fallbackWhat', { configured, used });
    todo = t(lang, 'mail.versionSunset.fallbackTodo', { used });
  } else {
    const around = sunset ? t(lang, 'mail.versionSunset.around', { day: sunset }) : t(lang, 'mail.versionSunset.soon');
    title = t(lang, 'mail.versionSunset.title', { configured, around });
    what = t(lang, 'mail.versionSunset.what', { configured, around });
    todo = t(lang, 'mail.versionSunset.todo');
  }
  const rows = [
    { label: t(lang, 'mail.versionSunset.configured'), value: configured },
    { label: t(lang, 'mail.versionSunset.used'), value: used },
  ];
  if (sunset) rows.push({ label: t(lang, 'mail.versionSunset.retiredAround'), value: sunset });
  return {
    title,
    tone: alert.fallback ? 'danger' : 'info',
    blocks: [
      { type: 'paragraph', text: what },
      { type: 'paragraph', text: todo },
      { type: 'facts', rows },
    ],
    footer: [],
  };
}

// ---------------------------------------------------------------- words and numbers

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-25` → `25/11/2026` (pt-BR) or `25 Nov 2026` (en); not via Intl, whose output varies with the ICU data. */
export function formatDay(day: Day, language: Language): string {
  const [y, m, d] = day.split('-');
  if (!y || !m || !d) return day;
  if (language === 'en') return `${Number(d)} ${EN_MONTHS[Number(m) - 1] ?? m} ${y}`;
  return `${d}/${m}/${y}`;
}

/** 1234 → `1.234` (pt-BR) or `1,234` (en). */
export function formatInteger(n: number, language: Language): string {
  const sep = language === 'en' ? ',' : '.';
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const NETWORK_NAMES: Record<string, string> = { linkedin: 'LinkedIn', facebook: 'Facebook', instagram: 'Instagram', x: 'X' };

/** The page's name, or `LinkedIn 2414183` when it has none. */
export function pageName(page: AlertPage): string {
  const name = oneLine(page.name);
  return name || `${networkName(page.network)} ${page.accountId}`;
}

/** `Acme (LinkedIn 2414183)`: the name people know plus the id support needs. */
export function pageLabel(page: AlertPage): string {
  const name = oneLine(page.name);
  const id = `${networkName(page.network)} ${page.accountId}`;
  return name ? `${name} (${id})` : id;
}

function networkName(network: string): string {
  return NETWORK_NAMES[network] ?? network;
}

function nameList(names: string[], lang: Language): string {
  const MAX = 3;
  if (names.length <= MAX) return names.join(', ');
  const more = names.length - MAX;
  return t(lang, 'mail.andMore', { names: names.slice(0, MAX).join(', '), count: more });
}

function alertFooter(runId: string, appName: string, lang: Language): string[] {
  return [t(lang, 'mail.footerOncePerDay'), t(lang, 'mail.footerRun', { app: appName, runId })];
}

// ---------------------------------------------------------------- rendering

function render(content: MailContent, appName: string, lang: Language): ComposedMail {
  return {
    subject: `[${oneLine(appName)}] ${content.title}`,
    text: renderText(content),
    html: renderHtml(content, lang),
  };
}

function renderText(content: MailContent): string {
  const parts: string[] = [content.title];
  for (const block of content.blocks) {
    if (block.type === 'paragraph') parts.push(block.text);
    else if (block.type === 'list') parts.push(block.items.map((i) => `• ${i}`).join('\n'));
    else parts.push([...(block.title ? [block.title] : []), ...block.rows.map((r) => `${r.label}: ${r.value}`)].join('\n'));
  }
  parts.push(['-- ', ...content.footer].join('\n'));
  return `${parts.join('\n\n')}\n`;
}

const TONE_COLOURS: Record<Tone, string> = { danger: '#b42318', warning: '#b54708', info: '#175cd3', ok: '#067647' };
const FONT = "font-family:'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

// Inline styles only: Outlook and Gmail drop <style> blocks and ignore external CSS.
function renderHtml(content: MailContent, lang: Language): string {
  const body = content.blocks.map(renderBlock).join('\n');
  const footer = content.footer.map((line) => `<p style="margin:0 0 4px;font-size:12px;color:#667085">${escapeHtml(line)}</p>`).join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.title)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#f2f4f7;${FONT};color:#101828">`,
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #eaecf0;border-radius:8px;overflow:hidden">',
    `<div style="height:4px;background:${TONE_COLOURS[content.tone]}"></div>`,
    '<div style="padding:24px">',
    `<h1 style="margin:0 0 16px;font-size:18px;line-height:1.4;color:${TONE_COLOURS[content.tone]}">${escapeHtml(content.title)}</h1>`,
    body,
    '<div style="margin-top:24px;padding-top:12px;border-top:1px solid #eaecf0">',
    footer,
    '</div></div></div></body></html>',
    '',
  ].join('\n');
}

function renderBlock(block: Block): string {
  const p = 'margin:0 0 12px;font-size:14px;line-height:1.5';
  if (block.type === 'paragraph') return `<p style="${p}">${escapeHtml(block.text)}</p>`;
  if (block.type === 'list') {
    const items = block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('');
    return `<ul style="${p};padding-left:20px">${items}</ul>`;
  }
  const title = block.title ? `<p style="margin:16px 0 6px;font-size:14px;font-weight:600">${escapeHtml(block.title)}</p>` : '';
  const rows = block.rows
    .map(
      (r) =>
        `<tr><td style="padding:4px 12px 4px 0;color:#475467;vertical-align:top;white-space:nowrap">${escapeHtml(r.label)}:</td>` +
        `<td style="padding:4px 0;vertical-align:top">${escapeHtml(r.value)}</td></tr>`,
    )
    .join('');
  return `${title}<table role="presentation" style="margin:0 0 12px;border-collapse:collapse;font-size:14px;line-height:1.5">${rows}</table>`;
}

