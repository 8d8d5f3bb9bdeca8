/** Text put into HTML (alert mail, the OAuth callback page): the five specials, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The same five are XML's predefined entities: text in the scheduler definitions (Task Scheduler XML, launchd plist). */
export const escapeXml = escapeHtml;

/** Someone else's wording for a subject or a one-line message: whitespace collapsed, optionally cut. */
export function oneLine(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > maxChars ? `${line.slice(0, maxChars)}…` : line;
}
