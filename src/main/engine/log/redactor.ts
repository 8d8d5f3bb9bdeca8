export const REDACTED = '***';

/** Shorter values would turn ordinary words and numbers into `***` everywhere. */
const MIN_SECRET_LENGTH = 4;

const CREDENTIAL_KEYS = 'access_token|refresh_token|id_token|client_secret|password';

/** Credentials recognisable by shape, redacted even when nobody registered the value. */
const PATTERNS: readonly { re: RegExp; replace: string }[] = [
  { re: /\b(Bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, replace: `$1${REDACTED}` },
  // Query strings and form bodies: access_token=…&
  { re: new RegExp(`\\b(${CREDENTIAL_KEYS})=[^&\\s"'\\\\]+`, 'gi'), replace: `$1=${REDACTED}` },
  // JSON, also when it is itself embedded in a JSON string (\"access_token\":\"…\")
  { re: new RegExp(`(\\\\*"(?:${CREDENTIAL_KEYS})\\\\*"\\s*:\\s*\\\\*")[^"\\\\]*`, 'gi'), replace: `$1${REDACTED}` },
];

/**
 * Removes secrets from text bound for logs, run history and error messages: every value
 * registered (as written, JSON-escaped and URL-encoded, the forms it takes in a log line),
 * plus credential-shaped patterns.
 */
export class Redactor {
  readonly #values = new Set<string>();
  #ordered: string[] = [];

  register(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return;
    const before = this.#values.size;
    for (const form of encodedForms(secret)) this.#values.add(form);
    // Longest first, so a secret that contains another is not left half visible.
    if (this.#values.size !== before) this.#ordered = [...this.#values].sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.#ordered) out = out.split(value).join(REDACTED);
    for (const { re, replace } of PATTERNS) out = out.replace(re, replace);
    return out;
  }
}

function encodedForms(secret: string): string[] {
  return [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)];
}

/** The process-wide redactor: the secret store registers into it, loggers redact through it. */
export const redactor = new Redactor();
