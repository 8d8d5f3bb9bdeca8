import { join } from 'node:path';
import type { GoalView, ReportDocument } from '../../../shared/insights';
import type { RunAlert } from '../../../shared/run-record';
import type { Settings } from '../../../shared/settings-schema';
import { readListFile, writeListFile } from '../app/insights-json-file';
import { daysBetween, utcDay, type Day } from '../dates';
import { toAppError } from '../errors';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { escapeHtml } from '../text';
import { formatDay } from './alert-messages';
import { createSmtpTransport, type MailMessage, type MailTransport, type SmtpTransportOptions } from './mail-transport';
import { drawFollowersChart } from './weekly-chart';

export const WEEKLY_SUMMARY_FILE = 'weekly-summary.json';
export const CHART_CID = 'followers-chart@follower-pulse';

/** Due when nothing went out in the last 7 days (a missed day never skips a week). */
export function isWeeklySummaryDue(lastSent: Day | null, today: Day): boolean {
  return lastSent === null || daysBetween(lastSent, today) >= 7;
}

const TEXT = {
  en: {
    locale: 'en-US',
    subject: (from: string, to: string) => `Follower Pulse: your week, ${from} to ${to}`,
    followers: 'Followers',
    net: 'Net gain',
    previous: 'previous 7 days',
    organic: 'Organic',
    paid: 'Sponsored',
    missing: (n: number) => `${n} day${n === 1 ? '' : 's'} without data`,
    goals: 'Goals',
    status: { met: 'met', 'on-track': 'on track', 'at-risk': 'at risk', behind: 'behind' },
    chart: 'Followers over the last 90 days',
  },
  'pt-BR': {
    locale: 'pt-BR',
    subject: (from: string, to: string) => `Follower Pulse: sua semana, de ${from} a ${to}`,
    followers: 'Seguidores',
    net: 'Ganho líquido',
    previous: '7 dias anteriores',
    organic: 'Orgânico',
    paid: 'Patrocinado',
    missing: (n: number) => `${n} dia${n === 1 ? '' : 's'} sem dados`,
    goals: 'Metas',
    status: { met: 'atingida', 'on-track': 'no ritmo', 'at-risk': 'em risco', behind: 'atrasada' },
    chart: 'Seguidores nos últimos 90 dias',
  },
} as const;

/** The summary mail: the week's headline, the 90-day followers chart inline, the goals. */
export function composeWeeklySummary(week: ReportDocument, chart: ReportDocument, goals: readonly GoalView[], language: Settings['language']): Omit<MailMessage, 'from' | 'to'> {
  const t = TEXT[language];
  const n = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 });
  const signed = (v: number): string => (v > 0 ? `+${n.format(v)}` : n.format(v));
  const h = week.headline;
  const lines = [
    `${t.followers}: ${h.followersEnd === null ? '—' : n.format(h.followersEnd)}`,
    `${t.net}: ${signed(h.netGain)} (${t.previous}: ${signed(h.previous.netGain)}${h.changePct === null ? '' : `, ${signed(h.changePct)}%`})`,
    `${t.organic}: ${signed(h.organicGain)} · ${t.paid}: ${signed(h.paidGain)}`,
    ...(h.missingDays.length > 0 ? [t.missing(h.missingDays.length)] : []),
  ];
  const goalLines = goals.map((g) => `${g.name}: ${g.current === null ? '—' : n.format(g.current)} / ${n.format(g.target)} — ${t.status[g.status]}`);
  const text = [...lines, '', ...(goalLines.length > 0 ? [`${t.goals}:`, ...goalLines] : [])].join('\n');
  const html = [
    `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(t.chart)}</p><img src="cid:${CHART_CID}" alt="${escapeHtml(t.chart)}" width="640" height="220">`,
    goalLines.length > 0 ? `<h3>${escapeHtml(t.goals)}</h3><ul>${goalLines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : '',
  ].join('');
  return {
    subject: t.subject(formatDay(week.from, language), formatDay(week.to, language)),
    text,
    html,
    attachments: [{ filename: 'followers.png', content: drawFollowersChart((chart.daily ?? []).map((d) => d.followers)), cid: CHART_CID, contentType: 'image/png' }],
  };
}

export interface WeeklySummaryOptions {
  home: string;
  settings: Settings;
  secrets: SecretStore;
  logger: Logger;
  now: () => Date;
  /** The last 7 and the last 90 days with data, all pages. */
  reports: () => Promise<{ week: ReportDocument; chart: ReportDocument }>;
  goals: () => Promise<GoalView[]>;
  transport?: MailTransport;
  transportOptions?: SmtpTransportOptions;
}

/** Sent by the daily sync once a week when alerts.weeklySummary is on. Never throws. */
export async function sendWeeklySummary(options: WeeklySummaryOptions): Promise<RunAlert[]> {
  const { settings } = options;
  if (!settings.alerts.weeklySummary) return [];
  try {
    const path = join(options.home, WEEKLY_SUMMARY_FILE);
    const today = utcDay(options.now());
    const [record] = (await readListFile<{ sentOn: Day }>(path, 'sent')) ?? [];
    if (!isWeeklySummaryDue(record?.sentOn ?? null, today)) return [];
    const { host, from, to } = settings.alerts.smtp;
    if (host === '' || from === '' || to.length === 0) return [{ kind: 'weekly-summary', sent: false, error: { code: 'SMTP_FAILED', message: 'Alert e-mail is not set up: fill alerts.smtp (host, from, to) in Settings' } }];
    const { week, chart } = await options.reports();
    const mail = composeWeeklySummary(week, chart, await options.goals(), settings.language);
    const transport = options.transport ?? createSmtpTransport(settings.alerts.smtp, await options.secrets.get('smtp.password'), options.transportOptions);
    await transport.send({ from, to, ...mail });
    await writeListFile(path, 'sent', [{ sentOn: today }]);
    options.logger.info('alerts.sent', { kind: 'weekly-summary' });
    return [{ kind: 'weekly-summary', sent: true }];
  } catch (error) {
    const failure = toAppError(error, 'SMTP_FAILED');
    options.logger.error('alerts.weekly-summary-failed', { code: failure.code, message: failure.message });
    return [{ kind: 'weekly-summary', sent: false, error: { code: failure.code, message: failure.message } }];
  }
}
