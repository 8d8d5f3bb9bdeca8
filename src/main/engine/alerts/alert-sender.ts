import type { RunAlert, RunError, RunRecord } from '../../../shared/run-record';
import type { SecretName } from '../../../shared/secret-names';
import { utcDay } from '../dates';
import { AppError, isAppError, toAppError } from '../errors';
import type { Logger } from '../log/logger';
import { Redactor } from '../log/redactor';
import type { SecretStore } from '../secrets/secret-store';
import { escapeHtml } from '../text';
import type { Settings } from '../../../shared/settings-schema';
import type { AppState } from '../settings/state-store';
import { decideAlerts, markAlertsSent, type PendingAlert, type TokenInfo } from './alert-decisions';
import { composeAlert, composeTestEmail, type ComposedMail } from './alert-messages';
import { createSmtpTransport, type MailTransport, type SmtpSettings, type SmtpTransportOptions } from './mail-transport';

export const APP_NAME = 'Follower Pulse';

export const ALERTS_NOT_SET_UP = 'Alert e-mail is not set up: fill alerts.smtp (host, from, to) in Settings';

/** The part of StateStore the sender uses, so a test can hand in a failing one. */
export interface AlertState {
  get(): Promise<AppState>;
  update(fn: (state: AppState) => AppState): Promise<AppState>;
}

export interface SendAlertsOptions {
  record: RunRecord;
  settings: Settings;
  secrets: SecretStore;
  state: AlertState;
  /** Default: SMTP from settings.alerts.smtp with the `smtp.password` secret. */
  transport?: MailTransport;
  /** For the default transport (e.g. a test server's certificate). */
  transportOptions?: SmtpTransportOptions;
  logger: Logger;
  now: () => Date;
  /** `${network}:${id}` → page name; default: the names in settings.accounts. */
  accountNames?: Record<string, string>;
  /** Default: what state.json knows about the stored LinkedIn token. */
  tokenInfo?: TokenInfo;
  appName?: string;
}

/** Every secret that could end up in a mail if some upstream message leaked it. */
const SCRUBBED_SECRETS: readonly SecretName[] = ['smtp.password', 'linkedin.accessToken', 'linkedin.refreshToken', 'linkedin.clientSecret'];

/**
 * Decides, composes and sends the alert e-mails for a finished run, one mail per alert, and
 * remembers what went out so the same condition is mailed at most once a day. Never throws:
 * alerts are a by-product of a run and must not fail its data part, so every problem comes
 * back as a RunAlert with `sent: false` and is logged.
 */
export async function sendAlerts(options: SendAlertsOptions): Promise<RunAlert[]> {
  const { record, settings, logger } = options;
  try {
    const today = utcDay(options.now());
    const state = await readState(options.state, logger);
    const pending = decideAlerts(record, {
      settings,
      accountNames: options.accountNames ?? namesFromSettings(settings),
      alertsSent: state.alertsSent ?? {},
      today,
      tokenInfo: options.tokenInfo ?? state.linkedinToken,
    });
    if (pending.length === 0) return [];

    if (!isSmtpConfigured(settings.alerts.smtp)) {
      logger.warn('alerts.not-set-up', { runId: record.runId, kinds: pending.map((a) => a.kind) });
      return failAll(pending, { code: 'SMTP_FAILED', message: ALERTS_NOT_SET_UP });
    }

    const secrets = await readSecrets(options.secrets);
    const redactor = scrubberFor(secrets.values);
    let transport: MailTransport;
    try {
      transport = options.transport ?? defaultTransport(settings.alerts.smtp, secrets, options.transportOptions);
    } catch (error) {
      const failure = runError(error, redactor);
      logger.error('alerts.transport-failed', { runId: record.runId, code: failure.code, message: failure.message });
      return failAll(pending, failure);
    }

    const results: RunAlert[] = [];
    const sentKeys: string[] = [];
    let smtpDown: RunError | null = null;
    for (const alert of pending) {
      // After one SMTP failure the next mail would meet the same server, login and
      // recipients; trying again would only add another timeout to the run.
      if (smtpDown) {
        results.push({ kind: alert.kind, sent: false, error: smtpDown });
        continue;
      }
      const mail = scrubMail(composeAlert(alert, { language: settings.language, appName: options.appName ?? APP_NAME }), redactor);
      try {
        await transport.send({ from: settings.alerts.smtp.from, to: settings.alerts.smtp.to, ...mail });
        results.push({ kind: alert.kind, sent: true });
        sentKeys.push(...alert.keys);
        logger.info('alerts.sent', { runId: record.runId, kind: alert.kind, recipients: settings.alerts.smtp.to.length });
      } catch (error) {
        smtpDown = { code: 'SMTP_FAILED', message: runError(error, redactor).message };
        logger.error('alerts.send-failed', { runId: record.runId, kind: alert.kind, code: smtpDown.code, message: smtpDown.message });
        results.push({ kind: alert.kind, sent: false, error: smtpDown });
      }
    }
    if (sentKeys.length > 0) await markSent(options.state, sentKeys, today, logger);
    return results;
  } catch (error) {
    // Only a bug gets here; the run record still says what happened to its alerts.
    const failure = runError(error, new Redactor());
    logger.error('alerts.failed', { runId: record.runId, code: failure.code, message: failure.message });
    return [{ kind: 'alerts', sent: false, error: failure }];
  }
}

/**
 * `doctor --send-test` and the UI's "Send test e-mail": a short mail in the configured
 * language. Throws AppError (SMTP_FAILED, or KEYCHAIN_UNAVAILABLE for the password) with a
 * one-line message and hint.
 */
export async function sendTestEmail(
  settings: Settings,
  secrets: SecretStore,
  transport?: MailTransport,
  options: { now?: () => Date; appName?: string; transportOptions?: SmtpTransportOptions } = {},
): Promise<void> {
  if (!isSmtpConfigured(settings.alerts.smtp)) throw new AppError('SMTP_FAILED', ALERTS_NOT_SET_UP);
  const stored = await readSecrets(secrets);
  const redactor = scrubberFor(stored.values);
  const sender = transport ?? defaultTransport(settings.alerts.smtp, stored, options.transportOptions);
  const mail = composeTestEmail({ language: settings.language, appName: options.appName ?? APP_NAME, sentAt: (options.now ?? (() => new Date()))() });
  try {
    await sender.send({ from: settings.alerts.smtp.from, to: settings.alerts.smtp.to, ...scrubMail(mail, redactor) });
  } catch (error) {
    const failure = isAppError(error) ? error : toAppError(error, 'SMTP_FAILED');
    throw new AppError(failure.code, redactor.redact(failure.message), {
      ...(failure.hint === undefined ? {} : { hint: redactor.redact(failure.hint) }),
      retryable: failure.retryable,
    });
  }
}

export function isSmtpConfigured(smtp: SmtpSettings): boolean {
  return smtp.host.trim() !== '' && smtp.from.trim() !== '' && smtp.to.length > 0;
}

// ---------------------------------------------------------------- helpers

interface StoredSecrets {
  values: string[];
  smtpPassword: string | null;
  /** Reading `smtp.password` failed (keychain locked); only matters when SMTP needs it. */
  smtpPasswordError: unknown;
}

async function readSecrets(store: SecretStore): Promise<StoredSecrets> {
  const out: StoredSecrets = { values: [], smtpPassword: null, smtpPasswordError: undefined };
  for (const name of SCRUBBED_SECRETS) {
    try {
      const value = await store.get(name);
      if (value) out.values.push(value, value.trim());
      if (name === 'smtp.password') out.smtpPassword = value;
    } catch (error) {
      if (name === 'smtp.password') out.smtpPasswordError = error;
    }
  }
  return out;
}

function defaultTransport(smtp: SmtpSettings, secrets: StoredSecrets, options?: SmtpTransportOptions): MailTransport {
  // Without a login the password is irrelevant, so a locked keychain need not stop the mail.
  if (smtp.user.trim() !== '' && secrets.smtpPasswordError !== undefined) throw toAppError(secrets.smtpPasswordError, 'KEYCHAIN_UNAVAILABLE');
  return createSmtpTransport(smtp, secrets.smtpPassword, options);
}

function scrubberFor(values: readonly string[]): Redactor {
  const redactor = new Redactor();
  for (const value of values) {
    redactor.register(value);
    redactor.register(escapeHtml(value));
  }
  return redactor;
}

function scrubMail(mail: ComposedMail, redactor: Redactor): ComposedMail {
  return { subject: redactor.redact(mail.subject), text: redactor.redact(mail.text), html: redactor.redact(mail.html) };
}

function runError(error: unknown, redactor: Redactor): RunError {
  const appError = toAppError(error, 'SMTP_FAILED');
  return { code: appError.code, message: redactor.redact(appError.oneLine()) };
}

function failAll(pending: readonly PendingAlert[], error: RunError): RunAlert[] {
  return pending.map((a) => ({ kind: a.kind, sent: false, error }));
}

async function readState(state: AlertState, logger: Logger): Promise<AppState> {
  try {
    return await state.get();
  } catch (error) {
    logger.warn('alerts.state-unreadable', { message: toAppError(error).message });
    return {};
  }
}

async function markSent(state: AlertState, keys: readonly string[], today: string, logger: Logger): Promise<void> {
  try {
    await state.update((s) => ({ ...s, alertsSent: markAlertsSent(s.alertsSent ?? {}, keys, today) }));
  } catch (error) {
    // The mails went out; the worst case is the same alert once more today.
    logger.warn('alerts.state-not-saved', { message: toAppError(error).message });
  }
}

function namesFromSettings(settings: Settings): Record<string, string> {
  const names: Record<string, string> = {};
  for (const account of settings.accounts) if (account.name) names[`${account.network}:${account.id}`] = account.name;
  return names;
}
