import { explainError, type Language } from '../../../shared/error-explanations';
import { type Day, isDay } from '../dates';
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
 * rendered to text and to HTML, so the two parts can never say different things. Portuguese
 * is written for Brazilian marketing people (glossary): what happened, what to do, the page
 * and the day named.
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
  const content: MailContent =
    lang === 'en'
      ? {
          title: 'Test e-mail',
          tone: 'ok',
          blocks: [
            { type: 'paragraph', text: `All set: ${options.appName} sent this test e-mail on ${day}.` },
            { type: 'paragraph', text: 'Alerts (no data, failed syncs, an access token about to expire) will arrive at this address.' },
          ],
          footer: [`${options.appName} · Settings › Alerts`],
        }
      : {
          title: 'E-mail de teste',
          tone: 'ok',
          blocks: [
            { type: 'paragraph', text: `Tudo certo: o ${options.appName} enviou este e-mail de teste em ${day}.` },
            { type: 'paragraph', text: 'Os alertas (sem dados, falhas na sincronização, token de acesso perto de expirar) vão chegar neste endereço.' },
          ],
          footer: [`${options.appName} · Configurações › Alertas`],
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
  const blocks: Block[] =
    lang === 'en'
      ? [
          { type: 'paragraph', text: 'A local data file is damaged. The new days were still saved, but the days in that file were left out until it is repaired:' },
          { type: 'list', items: alert.messages },
        ]
      : [
          { type: 'paragraph', text: 'Um arquivo de dados local está danificado. Os dias novos foram gravados, mas os dias desse arquivo ficaram de fora até ele ser consertado:' },
          { type: 'list', items: alert.messages },
        ];
  return { title: lang === 'en' ? 'A data file is damaged' : 'Arquivo de dados danificado', tone: 'warning', blocks, footer: [] };
}

// ---------------------------------------------------------------- no data

function noDataContent(alert: NoDataAlert, lang: Language): MailContent {
  const day = formatDay(alert.day, lang);
  const names = alert.pages.map((p) => pageName(p));
  const labels = alert.pages.map((p) => pageLabel(p));
  const suffix = names.length === 0 ? '' : ` — ${nameList(names, lang)}`;
  const blocks: Block[] = [];
  if (lang === 'en') {
    if (labels.length === 0) blocks.push({ type: 'paragraph', text: `LinkedIn returned no follower data for ${day}.` });
    else if (labels.length === 1) blocks.push({ type: 'paragraph', text: `LinkedIn returned no follower data for ${day} for the page ${labels[0]}.` });
    else blocks.push({ type: 'paragraph', text: `LinkedIn returned no follower data for ${day} for these pages:` }, { type: 'list', items: labels });
    blocks.push({
      type: 'paragraph',
      text: 'LinkedIn is usually just late: the next sync asks for this day again by itself; if it is still missing tomorrow, check the access to the page in Settings › LinkedIn.',
    });
    return { title: `No data for ${day}${suffix}`, tone: 'warning', blocks, footer: [] };
  }
  if (labels.length === 0) blocks.push({ type: 'paragraph', text: `O LinkedIn não entregou os dados de seguidores de ${day}.` });
  else if (labels.length === 1) blocks.push({ type: 'paragraph', text: `O LinkedIn não entregou os dados de seguidores de ${day} da página ${labels[0]}.` });
  else blocks.push({ type: 'paragraph', text: `O LinkedIn não entregou os dados de seguidores de ${day} destas páginas:` }, { type: 'list', items: labels });
  blocks.push({
    type: 'paragraph',
    text: 'Costuma ser só atraso do LinkedIn: a próxima sincronização pede esse dia de novo sozinha; se amanhã ele continuar faltando, confira o acesso à página em Configurações › LinkedIn.',
  });
  return { title: `Sem dados para ${day}${suffix}`, tone: 'warning', blocks, footer: [] };
}

// ---------------------------------------------------------------- failure

function failureContent(alert: FailureAlert, lang: Language): MailContent {
  // decideAlerts never makes an empty failure, but a hand-built one must not crash the mail.
  const main = alert.problems[0] ?? { code: 'INTERNAL' as const, message: '', page: null };
  const pages = [...new Set(alert.problems.flatMap((p) => (p.page ? [pageName(p.page)] : [])))];
  const en = lang === 'en';
  const status = alert.status === 'failed' ? (en ? 'Sync failed' : 'A sincronização falhou') : en ? 'Sync partly failed' : 'Sincronização com falhas';
  const pageSuffix = pages.length === 0 ? '' : ` (${nameList(pages, lang)})`;
  const day = formatDay(alert.runDay, lang);
  const intro = en
    ? alert.status === 'failed'
      ? `The sync of ${day} failed: nothing could be synced.`
      : `The sync of ${day} partly failed: the rest was synced, but what is listed below was not.`
    : alert.status === 'failed'
      ? `A sincronização de ${day} falhou: nada pôde ser sincronizado.`
      : `A sincronização de ${day} terminou com falhas: o resto foi sincronizado, mas o que está abaixo não.`;
  return {
    title: `${status} — ${explainError(main.code, lang).title}${pageSuffix}`,
    tone: 'danger',
    blocks: [{ type: 'paragraph', text: intro }, ...alert.problems.map((p) => problemFacts(p, lang))],
    footer: [],
  };
}

function problemFacts(problem: FailureProblem, lang: Language): Block {
  const explanation = explainError(problem.code, lang);
  const en = lang === 'en';
  return {
    type: 'facts',
    title: problem.page ? pageLabel(problem.page) : en ? 'The whole sync' : 'Sincronização inteira',
    rows: [
      { label: en ? 'What happened' : 'O que aconteceu', value: whatHappened(problem, lang) ?? explanation.what },
      { label: en ? 'What to do' : 'O que fazer', value: explanation.todo },
      { label: en ? 'Code' : 'Código', value: problem.code },
      { label: en ? 'Technical detail' : 'Detalhe técnico', value: oneLine(problem.message) },
    ],
  };
}

/** Sharper than the table where the engine's message carries the date (glossary example). */
function whatHappened(problem: FailureProblem, lang: Language): string | null {
  if (problem.code !== 'LINKEDIN_TOKEN_EXPIRED') return null;
  const day = /\b(\d{4}-\d{2}-\d{2})\b/.exec(problem.message)?.[1];
  if (!day || !isDay(day)) return null;
  return lang === 'en'
    ? `The LinkedIn access token expired on ${formatDay(day, lang)}.`
    : `O token de acesso do LinkedIn expirou em ${formatDay(day, lang)}.`;
}

// ---------------------------------------------------------------- token expiry

function tokenExpiryContent(alert: TokenExpiryAlert, lang: Language): MailContent {
  const en = lang === 'en';
  const on = alert.expiresOn === null ? null : formatDay(alert.expiresOn, lang);
  let title: string;
  let what: string;
  if (alert.expired) {
    title = on ? (en ? `The LinkedIn access token expired on ${on}` : `O token do LinkedIn expirou em ${on}`) : en ? 'The LinkedIn access token has expired' : 'O token do LinkedIn expirou';
    what = en
      ? `The LinkedIn access token expired${on ? ` on ${on}` : ''}, and syncs cannot fetch data without it.`
      : `O token de acesso do LinkedIn expirou${on ? ` em ${on}` : ''}, e a sincronização não consegue buscar dados sem ele.`;
  } else {
    title = on ? (en ? `The LinkedIn access token expires on ${on}` : `O token do LinkedIn expira em ${on}`) : en ? 'The LinkedIn access token expires soon' : 'O token do LinkedIn está perto de expirar';
    const when = alert.daysLeft === null ? '' : `, ${inDays(alert.daysLeft, lang)}`;
    what = en
      ? `The LinkedIn access token expires${on ? ` on ${on}` : ' soon'}${when}; after that, syncs stop.`
      : `O token de acesso do LinkedIn expira${on ? ` em ${on}` : ' em breve'}${when}; depois disso, a sincronização para.`;
  }
  const todo = en
    ? `Get a new one in Settings › LinkedIn (Sign in with LinkedIn)${alert.expired ? '' : ' before then'}.`
    : `Gere um novo em Configurações › LinkedIn (Entrar com o LinkedIn)${alert.expired ? '' : ' antes dessa data'}.`;
  const blocks: Block[] = [
    { type: 'paragraph', text: what },
    { type: 'paragraph', text: todo },
  ];
  if (alert.isEstimate) {
    const stored = alert.storedOn === null ? '' : ` (${formatDay(alert.storedOn, lang)})`;
    blocks.push({
      type: 'paragraph',
      text: en
        ? `This date is estimated: LinkedIn did not say when the token expires, so it is 60 days after the token was stored${stored}.`
        : `Essa data é estimada: o LinkedIn não informou a validade do token, então contamos 60 dias a partir de quando ele foi salvo${stored}.`,
    });
  }
  return { title, tone: alert.expired ? 'danger' : 'warning', blocks, footer: [] };
}

function inDays(n: number, lang: Language): string {
  if (lang === 'en') return n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${formatInteger(n, lang)} days`;
  return n === 0 ? 'hoje' : n === 1 ? 'amanhã' : `daqui a ${formatInteger(n, lang)} dias`;
}

// ---------------------------------------------------------------- API version

function versionSunsetContent(alert: VersionSunsetAlert, lang: Language): MailContent {
  const en = lang === 'en';
  const sunset = alert.sunsetOn === null ? null : formatDay(alert.sunsetOn, lang);
  const { configured, used } = alert;
  let title: string;
  let what: string;
  let todo: string;
  if (alert.fallback) {
    title = en ? `Update the LinkedIn API version: ${configured} is no longer accepted` : `Atualize a versão da API do LinkedIn: a ${configured} não é mais aceita`;
    what = en
      ? `LinkedIn no longer accepts API version ${configured}, the one in your settings; this sync used ${used} so it would not stop.`
      : `O LinkedIn não aceita mais a versão ${configured} da API, a que está nas configurações; esta sincronização usou a ${used} para não parar.`;
    todo = en ? `Update Settings › LinkedIn › API version to ${used} or newer.` : `Atualize Configurações › LinkedIn › Versão da API para ${used} ou mais nova.`;
  } else {
    const around = sunset ? (en ? ` around ${sunset}` : ` por volta de ${sunset}`) : en ? ' soon' : ' em breve';
    title = en ? `LinkedIn API version ${configured} is retired${around}` : `A versão ${configured} da API do LinkedIn será desativada${around}`;
    what = en
      ? `LinkedIn retires API version ${configured}, the one in your settings and used by this sync,${around}.`
      : `O LinkedIn vai desativar a versão ${configured} da API, a que está nas configurações e foi usada nesta sincronização,${around}.`;
    todo = en
      ? 'Update Settings › LinkedIn › API version to a newer version (YYYYMM) before then.'
      : 'Atualize Configurações › LinkedIn › Versão da API para uma versão mais nova (AAAAMM) antes disso.';
  }
  const rows = [
    { label: en ? 'Configured version' : 'Versão configurada', value: configured },
    { label: en ? 'Version used by this sync' : 'Versão usada nesta sincronização', value: used },
  ];
  if (sunset) rows.push({ label: en ? 'Retired around' : 'Desativada por volta de', value: sunset });
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
  return `${names.slice(0, MAX).join(', ')} ${lang === 'en' ? `and ${more} more` : `e mais ${more}`}`;
}

/** Page names and engine messages go into subjects and single lines: no line breaks. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function alertFooter(runId: string, appName: string, lang: Language): string[] {
  return lang === 'en'
    ? ['You get this alert at most once a day per problem. To change alerts, go to Settings › Alerts.', `${appName} · run ${runId}`]
    : ['Você recebe este alerta no máximo uma vez por dia para cada problema. Para mudar os alertas, vá em Configurações › Alertas.', `${appName} · execução ${runId}`];
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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
