import type { ConnectionOptions } from 'node:tls';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { AppError } from '../errors';
import type { Settings } from '../../../shared/settings-schema';

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Inline images referenced from the HTML as `cid:` (the weekly summary's chart). */
  attachments?: { filename: string; content: Buffer; cid: string; contentType: string }[];
}

/** The seam between alert logic and SMTP: tests and `doctor` may pass their own. */
export interface MailTransport {
  /** Rejects with AppError('SMTP_FAILED') saying what happened and what to do. */
  send(message: MailMessage): Promise<void>;
  /** Connects and logs in without sending anything (`doctor`). */
  verify(): Promise<void>;
}

export type SmtpSettings = Settings['alerts']['smtp'];

export interface SmtpTransportOptions {
  /** Extra TLS options, e.g. `{ ca }` for a test server's self-signed certificate. */
  tls?: ConnectionOptions;
  /** Connection, greeting and socket timeout; a dead server must not hold a run for long. */
  timeoutMs?: number;
}

export const SMTP_TIMEOUT_MS = 15_000;

/**
 * nodemailer over SMTP. Port 587 with `secure: false` is STARTTLS, made mandatory so the
 * password never crosses the network in clear; `secure: true` (465) is TLS from the first
 * byte. AUTH uses whatever the server offers (PLAIN or LOGIN on Outlook), never forced.
 */
export function createSmtpTransport(smtp: SmtpSettings, password: string | null, options: SmtpTransportOptions = {}): MailTransport {
  const timeout = options.timeoutMs ?? SMTP_TIMEOUT_MS;
  const user = smtp.user.trim();
  const pass = password ?? '';
  const config: SMTPTransport.Options = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // A relay without a login (an internal port-25 server) may lack STARTTLS; anything that
    // sends a password, or the submission port, must have it.
    requireTLS: !smtp.secure && (user !== '' || smtp.port === 587),
    auth: user === '' ? undefined : { user, pass },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // nodemailer derives the SNI server name from the host itself.
    ...(options.tls ? { tls: options.tls } : {}),
    // Our own content only: never let a message pull in local files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  };
  const transporter = nodemailer.createTransport(config);
  const guard = (action: SmtpAction): void => {
    if (user !== '' && pass === '') {
      throw new AppError('SMTP_FAILED', `${actionText(action, smtp)}: no SMTP password is stored`, {
        hint: 'set it in Settings › Alerts or run: follower-pulse secret set smtp.password',
      });
    }
  };
  return {
    async send(message) {
      guard('send');
      try {
        await transporter.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text, html: message.html, ...(message.attachments ? { attachments: message.attachments } : {}) });
      } catch (error) {
        throw smtpFailure(error, smtp, password, 'send');
      }
    },
    async verify() {
      guard('verify');
      try {
        await transporter.verify();
      } catch (error) {
        throw smtpFailure(error, smtp, password, 'verify');
      }
    },
  };
}

export type SmtpAction = 'send' | 'verify';

type FailureKind = 'auth' | 'tls' | 'timeout' | 'unreachable' | 'rejected' | 'other';

const HINTS: Record<FailureKind, string> = {
  auth:
    'check alerts.smtp.user and set the password again in Settings › Alerts or with: follower-pulse secret set smtp.password; ' +
    'Outlook / Microsoft 365 may need SMTP AUTH enabled for the mailbox or an app password',
  tls:
    "check alerts.smtp.port and alerts.smtp.secure (587 with secure false uses STARTTLS, 465 with secure true uses TLS) and that the server's certificate is trusted",
  timeout: 'check alerts.smtp.host and alerts.smtp.port and that the firewall allows outgoing connections to that port',
  unreachable: 'check alerts.smtp.host and alerts.smtp.port and that the firewall allows outgoing connections to that port',
  rejected: 'check alerts.smtp.from (Outlook only sends as the signed-in mailbox or its aliases) and alerts.smtp.to',
  other: 'check the alert settings with: follower-pulse doctor',
};

/**
 * A nodemailer error as one line, what happened — what to do. nodemailer overwrites socket
 * error codes with its own (ECONNREFUSED arrives as ESOCKET), so the message is read too.
 * The password is scrubbed from whatever the server or the library put in the text, and the
 * original error is not attached, so nothing downstream can serialise more than this line.
 */
export function smtpFailure(error: unknown, smtp: Pick<SmtpSettings, 'host' | 'port'>, password: string | null, action: SmtpAction = 'send'): AppError {
  const code = errorCode(error);
  const raw = scrub(singleLine(error instanceof Error ? error.message : String(error)), password);
  const kind = classify(code, raw);
  const reason = reasonText(kind, raw, error);
  return new AppError('SMTP_FAILED', `${actionText(action, smtp)}: ${scrub(reason, password)}`, {
    hint: HINTS[kind],
    retryable: kind === 'timeout' || kind === 'unreachable',
  });
}

function actionText(action: SmtpAction, smtp: Pick<SmtpSettings, 'host' | 'port'>): string {
  const where = `${smtp.host}:${smtp.port}`;
  return action === 'send' ? `Could not send the alert e-mail through ${where}` : `Could not log in to the e-mail server ${where}`;
}

function classify(code: string, message: string): FailureKind {
  if (code === 'EAUTH') return 'auth';
  if (code === 'ETLS' || /certificate|self[- ]signed|\bSSL\b|\bTLS\b|wrong version number|handshake|EPROTO/i.test(message)) return 'tls';
  if (code === 'ETIMEDOUT' || /\bETIMEDOUT\b|timeout|Greeting never received/i.test(message)) return 'timeout';
  if (
    ['ECONNECTION', 'EDNS', 'ESOCKET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(code) ||
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNRESET/.test(message)
  ) {
    return 'unreachable';
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE') return 'rejected';
  return 'other';
}

function reasonText(kind: FailureKind, message: string, error: unknown): string {
  const response = serverResponse(error);
  switch (kind) {
    case 'auth':
      return `the server refused the user name or password${response ? ` (${response})` : ''}`;
    case 'tls':
      return `the secure connection (TLS) failed (${message})`;
    case 'timeout':
      return 'the server did not answer in time';
    case 'unreachable':
      return `the server could not be reached (${message})`;
    case 'rejected':
      return `the server refused the message (${response || message})`;
    case 'other':
      return message;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function serverResponse(error: unknown): string {
  const response = (error as { response?: unknown } | null)?.response;
  return typeof response === 'string' ? singleLine(response).slice(0, 200) : '';
}

function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function scrub(text: string, password: string | null): string {
  if (!password) return text;
  let out = text;
  for (const form of [password, Buffer.from(password).toString('base64'), encodeURIComponent(password)]) out = out.split(form).join('***');
  return out;
}
