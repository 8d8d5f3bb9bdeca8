import { join } from 'node:path';
import type { GoalStatus, GoalView } from '../../../shared/insights';
import type { RunAlert } from '../../../shared/run-record';
import type { Settings } from '../../../shared/settings-schema';
import { readListFile, writeListFile } from '../app/insights-json-file';
import { toAppError } from '../errors';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { escapeHtml } from '../text';
import { createSmtpTransport, type MailTransport, type SmtpTransportOptions } from './mail-transport';

export const GOAL_ALERTS_FILE = 'goal-alerts.json';
const WORRYING: readonly GoalStatus[] = ['at-risk', 'behind'];

interface NotifiedStatus {
  id: string;
  status: GoalStatus;
}

/**
 * Which goals to mail about: those now at-risk or behind whose status differs from the one last
 * recorded — once per goal per status change. `next` is what to record once the mail went out
 * (every goal's current status, so a goal that recovers and slips again is mailed again).
 */
export function decideGoalAlerts(goals: readonly GoalView[], notified: readonly NotifiedStatus[]): { due: GoalView[]; next: NotifiedStatus[] } {
  const last = new Map(notified.map((n) => [n.id, n.status]));
  const due = goals.filter((g) => WORRYING.includes(g.status) && last.get(g.id) !== g.status && g.asOf !== null);
  return { due, next: goals.map((g) => ({ id: g.id, status: g.status })) };
}

const TEXT = {
  en: {
    subject: (n: number) => (n === 1 ? 'Follower Pulse: a follower goal needs attention' : `Follower Pulse: ${n} follower goals need attention`),
    status: { 'at-risk': 'at risk', behind: 'behind' } as Record<string, string>,
    line: (g: GoalView, status: string, n: Intl.NumberFormat) =>
      `${g.name}: ${status}. ${n.format(g.current ?? 0)} of ${n.format(g.target)} followers on ${g.asOf}; needs ${g.neededPerDay === null ? '—' : n.format(g.neededPerDay)} a day until ${g.by}, the last 28 days gained ${g.pacePerDay === null ? '—' : n.format(g.pacePerDay)} a day${g.projectedDate ? `; at this pace the target is reached on ${g.projectedDate}` : ''}.`,
    footer: 'Open Follower Pulse › Goals for the details.',
    locale: 'en-US',
  },
  'pt-BR': {
    subject: (n: number) => (n === 1 ? 'Follower Pulse: uma meta de seguidores precisa de atenção' : `Follower Pulse: ${n} metas de seguidores precisam de atenção`),
    status: { 'at-risk': 'em risco', behind: 'atrasada' } as Record<string, string>,
    line: (g: GoalView, status: string, n: Intl.NumberFormat) =>
      `${g.name}: ${status}. ${n.format(g.current ?? 0)} de ${n.format(g.target)} seguidores em ${g.asOf}; precisa de ${g.neededPerDay === null ? '—' : n.format(g.neededPerDay)} por dia até ${g.by}, os últimos 28 dias ganharam ${g.pacePerDay === null ? '—' : n.format(g.pacePerDay)} por dia${g.projectedDate ? `; neste ritmo a meta é atingida em ${g.projectedDate}` : ''}.`,
    footer: 'Abra o Follower Pulse › Metas para os detalhes.',
    locale: 'pt-BR',
  },
} as const;

export function composeGoalAlert(goals: readonly GoalView[], language: Settings['language']): { subject: string; text: string; html: string } {
  const t = TEXT[language];
  const n = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 });
  const lines = goals.map((g) => t.line(g, t.status[g.status], n));
  return {
    subject: t.subject(goals.length),
    text: [...lines, '', t.footer].join('\n'),
    html: `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul><p>${escapeHtml(t.footer)}</p>`,
  };
}

export interface GoalAlertOptions {
  home: string;
  settings: Settings;
  secrets: SecretStore;
  goals: () => Promise<GoalView[]>;
  logger: Logger;
  transport?: MailTransport;
  transportOptions?: SmtpTransportOptions;
}

function smtpReady(settings: Settings): boolean {
  const { host, from, to } = settings.alerts.smtp;
  return host !== '' && from !== '' && to.length > 0;
}

/**
 * After a sync: one mail listing the goals that turned at-risk or behind. Never throws (a run's
 * data must not fail on its alerts); the recorded statuses only move on after a mail went out.
 */
export async function sendGoalAlerts(options: GoalAlertOptions): Promise<RunAlert[]> {
  const { settings, logger } = options;
  if (!settings.alerts.onGoalStatus) return [];
  try {
    const path = join(options.home, GOAL_ALERTS_FILE);
    const notified = (await readListFile<NotifiedStatus>(path, 'goals')) ?? [];
    const { due, next } = decideGoalAlerts(await options.goals(), notified);
    if (due.length === 0) {
      if (JSON.stringify(next) !== JSON.stringify(notified)) await writeListFile(path, 'goals', next);
      return [];
    }
    if (!smtpReady(settings)) return [{ kind: 'goal', sent: false, error: { code: 'SMTP_FAILED', message: 'Alert e-mail is not set up: fill alerts.smtp (host, from, to) in Settings' } }];
    const transport = options.transport ?? createSmtpTransport(settings.alerts.smtp, await options.secrets.get('smtp.password'), options.transportOptions);
    await transport.send({ from: settings.alerts.smtp.from, to: settings.alerts.smtp.to, ...composeGoalAlert(due, settings.language) });
    await writeListFile(path, 'goals', next);
    logger.info('alerts.sent', { kind: 'goal', goals: due.length });
    return [{ kind: 'goal', sent: true }];
  } catch (error) {
    const failure = toAppError(error, 'SMTP_FAILED');
    logger.error('alerts.goal-failed', { code: failure.code, message: failure.message });
    return [{ kind: 'goal', sent: false, error: { code: failure.code, message: failure.message } }];
  }
}
