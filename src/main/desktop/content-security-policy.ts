/**
 * The renderer's Content-Security-Policy (architecture: strict CSP, `script-src 'self'`). No
 * inline or eval'd script: chart.js and React need neither, and both set styles through the
 * CSSOM, which `style-src 'self'` does not block. The <meta> policy in src/renderer/index.html
 * (what Chromium applies to a file:// page, which has no headers) is this same policy less the
 * directives a <meta> cannot carry; a unit test pins the two together. The header keeps the
 * rule in force for anything the session does receive headers for.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
  ['frame-src', "'none'"],
  ['worker-src', "'self'"],
];

export function contentSecurityPolicy(): string {
  return DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');
}

/** CSP 3 ignores these in a <meta> element (and Chromium logs an error for each). */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy as src/renderer/index.html's <meta> carries it. */
export function metaContentSecurityPolicy(): string {
  return DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * Response headers with our policy in place of any the response carried (compared
 * case-insensitively: two spellings of the header would both be enforced).
 */
export function withContentSecurityPolicy(headers: Readonly<ResponseHeaders> | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy()];
  return out;
}
