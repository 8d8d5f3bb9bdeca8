import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './free-port';
import { selfSignedCertificate } from './self-signed-certificate';

/**
 * A real SMTP server on 127.0.0.1 for tests, shaped like Outlook's submission port: plain
 * connection, STARTTLS with a self-signed certificate, AUTH only after TLS, and mail refused
 * on an unencrypted session. Connect with `tls: { ca: server.cert }`.
 */

export interface SmtpSessionInfo {
  /** Whether the session was encrypted (STARTTLS or implicit TLS) when the mail arrived. */
  secure: boolean;
  /** The AUTH mechanism the client used, or null without a login. */
  authMethod: string | null;
  user: string | null;
  tlsVersion: string | null;
}

export interface SmtpAuthAttempt {
  method: string;
  username: string;
  accepted: boolean;
}

export interface TestSmtpServer {
  host: string;
  port: number;
  /** PEM certificate, for the client's `tls.ca`. */
  cert: string;
  /** Every mail received, parsed. */
  messages: ParsedMail[];
  /** The raw RFC 5322 text of each mail (headers + body), in the same order. */
  raw: string[];
  /** One entry per mail received, in the same order. */
  sessions: SmtpSessionInfo[];
  authAttempts: SmtpAuthAttempt[];
  stop(): Promise<void>;
}

export interface StartSmtpServerOptions {
  user: string;
  password: string;
  /** Mechanisms offered after STARTTLS; default PLAIN and LOGIN. */
  authMethods?: ('PLAIN' | 'LOGIN')[];
  /** true: implicit TLS from the first byte (port 465 style). Default false (STARTTLS). */
  secure?: boolean;
}

export async function startSmtpServer(options: StartSmtpServerOptions): Promise<TestSmtpServer> {
  const { key, cert } = selfSignedCertificate();
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const sessions: SmtpSessionInfo[] = [];
  const authAttempts: SmtpAuthAttempt[] = [];
  const methods = new Map<string, SmtpSessionInfo['authMethod']>();

  const server = new SMTPServer({
    secure: options.secure ?? false,
    key,
    cert,
    authMethods: options.authMethods ?? ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, session, callback) {
      const accepted = auth.username === options.user && auth.password === options.password;
      authAttempts.push({ method: auth.method, username: auth.username ?? '', accepted });
      if (!accepted) return callback(new Error('Invalid username or password'));
      methods.set(session.id, auth.method);
      return callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      if (!session.secure) return callback(new Error('Must issue a STARTTLS command first'));
      if (!session.user) return callback(new Error('Authentication required'));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const source = Buffer.concat(chunks);
        simpleParser(source).then(
          (mail) => {
            raw.push(source.toString('utf8'));
            messages.push(mail);
            sessions.push({
              secure: session.secure,
              authMethod: methods.get(session.id) ?? null,
              user: typeof session.user === 'string' ? session.user : null,
              tlsVersion: tlsVersionOf(session.tlsOptions),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });
  // A client that goes away mid-session (a failed login) must not crash the test process.
  server.on('error', () => undefined);

  return {
    host: '127.0.0.1',
    port,
    cert,
    messages,
    raw,
    sessions,
    authAttempts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback port with no server: an SMTP server that is down. */
export const closedPort = freePort;

function tlsVersionOf(tlsOptions: unknown): string | null {
  const version = (tlsOptions as { version?: unknown } | undefined)?.version;
  return typeof version === 'string' ? version : null;
}
