import { describe, expect, it } from 'vitest';
import { smtpFailure } from '../../src/main/engine/alerts/mail-transport';

const outlook = { host: 'smtp-mail.outlook.com', port: 587 };
const PASSWORD = 'hunter2-canary-pw';

/** nodemailer's error shape: a message plus `code`, sometimes the server's `response`. */
function nodemailerError(code: string, message: string, response?: string): Error {
  return Object.assign(new Error(response ? `${message}: ${response}` : message), { code, ...(response ? { response } : {}) });
}

describe('smtpFailure: one line, what happened — what to do', () => {
  it('EAUTH → wrong user or password, with the keychain and Outlook SMTP AUTH hint', () => {
    const e = smtpFailure(nodemailerError('EAUTH', 'Invalid login', '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'), outlook, PASSWORD);
    expect(e.code).toBe('SMTP_FAILED');
    expect(e.oneLine()).toBe(
      'Could not send the alert e-mail through smtp-mail.outlook.com:587: the server refused the user name or password ' +
        '(535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.) — check alerts.smtp.user and set the password again ' +
        'in Settings › Alerts or with: follower-pulse secret set smtp.password; Outlook / Microsoft 365 may need SMTP AUTH enabled for the mailbox or an app password',
    );
    expect(e.retryable).toBe(false);
  });

  it.each([
    ['ESOCKET', 'connect ECONNREFUSED 127.0.0.1:587'],
    ['EDNS', 'getaddrinfo ENOTFOUND smtp-mail.outlook.com'],
    ['ECONNECTION', 'Connection closed unexpectedly'],
  ])('%s → server unreachable, check host/port/firewall', (code, message) => {
    const e = smtpFailure(nodemailerError(code, message), outlook, PASSWORD);
    expect(e.message).toBe(`Could not send the alert e-mail through smtp-mail.outlook.com:587: the server could not be reached (${message})`);
    expect(e.hint).toContain('check alerts.smtp.host and alerts.smtp.port');
    expect(e.hint).toContain('firewall');
    expect(e.retryable).toBe(true);
  });

  it('ETIMEDOUT → did not answer in time', () => {
    const e = smtpFailure(nodemailerError('ETIMEDOUT', 'Greeting never received'), outlook, PASSWORD);
    expect(e.message).toBe('Could not send the alert e-mail through smtp-mail.outlook.com:587: the server did not answer in time');
    expect(e.retryable).toBe(true);
  });

  it('TLS problems (also when nodemailer files them as ESOCKET) get the port/secure hint', () => {
    for (const error of [nodemailerError('ESOCKET', 'self-signed certificate'), nodemailerError('ETLS', 'Error initiating TLS - wrong version number')]) {
      const e = smtpFailure(error, outlook, PASSWORD);
      expect(e.message).toMatch(/: the secure connection \(TLS\) failed \(/);
      expect(e.hint).toContain('587 with secure false uses STARTTLS, 465 with secure true uses TLS');
    }
  });

  it('EENVELOPE → the sender or recipient was refused', () => {
    const e = smtpFailure(nodemailerError('EENVELOPE', 'Mail command failed', '554 5.2.252 SendAsDenied'), outlook, PASSWORD);
    expect(e.message).toContain('the server refused the message (554 5.2.252 SendAsDenied)');
    expect(e.hint).toContain('alerts.smtp.from');
  });

  it('verify says it could not log in', () => {
    expect(smtpFailure(nodemailerError('EAUTH', 'Invalid login'), outlook, null, 'verify').message).toBe(
      'Could not log in to the e-mail server smtp-mail.outlook.com:587: the server refused the user name or password',
    );
  });

  it('never repeats the password, plain or base64, even if the server echoed it; never spans lines', () => {
    const echoed = nodemailerError('EAUTH', 'Invalid login', `535 bad credentials ${PASSWORD} / ${Buffer.from(PASSWORD).toString('base64')}\r\n535 again`);
    const e = smtpFailure(echoed, outlook, PASSWORD);
    expect(e.oneLine()).not.toContain(PASSWORD);
    expect(e.oneLine()).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(e.oneLine()).not.toMatch(/[\r\n]/);
    expect(e.cause).toBeUndefined();
  });
});
