import type { TFunction } from 'i18next';
import type { EventImpact } from '../../../shared/insights';
import type { Language } from '../../../shared/error-explanations';
import { formatNumber } from '../../format/format';

/** An action's effect in one plain sentence: "likely raised followers by ~12/day". */
export function verdictText(impact: EventImpact, language: Language, t: TFunction): string {
  const size = (value: number | null): string => formatNumber(Math.abs(value ?? 0), language, Math.abs(value ?? 0) < 10 ? 1 : 0);
  switch (impact.verdict) {
    case 'raised':
      return t('actions.verdict.raised', { value: size(impact.lift) });
    case 'lowered':
      return t('actions.verdict.lowered', { value: size(impact.lift) });
    case 'no-effect':
      return t('actions.verdict.noEffect');
    case 'too-little-data':
      return t('actions.verdict.tooLittleData');
  }
}

/** The figures behind the verdict, for the detail line. */
export function impactDetail(impact: EventImpact, language: Language, t: TFunction): string | null {
  if (impact.meanAfter === null || impact.meanBefore === null) return null;
  const n = (v: number | null): string => (v === null ? '—' : formatNumber(v, language, 1));
  return t('actions.impactDetail', {
    window: impact.windowDays,
    after: n(impact.meanAfter),
    baseline: impact.baselineDays,
    before: n(impact.meanBefore),
    low: n(impact.low),
    high: n(impact.high),
  });
}
