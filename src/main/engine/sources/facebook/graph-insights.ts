import { addDays, type Day, isDay } from '../../dates';
import { AppError } from '../../errors';
import type { GraphNetwork } from './graph-errors';

/*
 * Reading Graph `/insights` answers (social-apis.md §5–§6). A daily value's `end_time` is the
 * end of its day in Pacific time (e.g. 2018-01-02T08:00:00+0000 for 2018-01-01), so the day a
 * value belongs to is the calendar date of `end_time` minus one.
 */

export interface InsightSeries {
  name: string;
  /** Value per day; a day Meta left out is absent, never zero. */
  values: Map<Day, number>;
}

function badResponse(network: GraphNetwork, what: string): AppError {
  const display = network === 'facebook' ? 'Facebook' : 'Instagram';
  return new AppError(network === 'facebook' ? 'FACEBOOK_BAD_RESPONSE' : 'INSTAGRAM_BAD_RESPONSE', `${display} sent insights in an unexpected shape: ${what}`, {
    hint: `${display} may be having problems, so run the sync again later`,
  });
}

function dayOfEndTime(endTime: string): Day | null {
  const date = endTime.slice(0, 10);
  return isDay(date) ? addDays(date, -1) : null;
}

/** Every metric series in an insights answer, by metric name. */
export function parseInsights(network: GraphNetwork, body: unknown): Map<string, InsightSeries> {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw badResponse(network, 'no data list');
  const out = new Map<string, InsightSeries>();
  for (const item of data as unknown[]) {
    const { name, values } = (item ?? {}) as { name?: unknown; values?: unknown };
    if (typeof name !== 'string' || !Array.isArray(values)) throw badResponse(network, 'a metric without name or values');
    const series: InsightSeries = { name, values: new Map() };
    for (const entry of values as unknown[]) {
      const { value, end_time: endTime } = (entry ?? {}) as { value?: unknown; end_time?: unknown };
      const day = typeof endTime === 'string' ? dayOfEndTime(endTime) : null;
      if (day === null) throw badResponse(network, `a value without a readable end_time in ${name}`);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw badResponse(network, `${name} on ${day} is not a count`);
      series.values.set(day, value);
    }
    out.set(name, series);
  }
  return out;
}

/** A whole-number field of a Graph node (`followers_count`), or a bad-response error naming it. */
export function countField(network: GraphNetwork, body: unknown, field: string): number {
  const value = (body as Record<string, unknown> | null)?.[field];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw badResponse(network, `${field} is missing or not a count`);
}

export function stringField(body: unknown, field: string): string | null {
  const value = (body as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
