import type { Language } from './error-explanations';

/** Runs started less than this apart read as the same time at minute precision. */
const CLOSE_MS = 5 * 60_000;

/**
 * The runs whose start must show seconds: those started within a few minutes of a neighbour
 * in the list (newest first), where "07:00" and "07:00" would look like the same run.
 */
export function runsNeedingSeconds(runs: readonly { runId: string; startedAt: string }[]): Set<string> {
  const out = new Set<string>();
  const times = runs.map((r) => Date.parse(r.startedAt));
  for (let i = 0; i < runs.length; i++) {
    const near = [times[i - 1], times[i + 1]].some((other) => other !== undefined && Number.isFinite(other) && Math.abs(other - times[i]) < CLOSE_MS);
    if (near) out.add(runs[i].runId);
  }
  return out;
}

/** formatInstant with seconds: 28/11/2026 07:00:12 · Nov 28, 2026, 07:00:12 AM. */
export function formatInstantWithSeconds(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions =
    language === 'en'
      ? { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' };
  const text = new Intl.DateTimeFormat(language, options).format(date);
  return language === 'en' ? text : text.replace(', ', ' ');
}
