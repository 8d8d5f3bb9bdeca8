import { useTranslation } from 'react-i18next';
import type { ForecastDocument } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { formatDay, formatNumber } from '../../format/format';

export const HORIZONS = [0, 30, 90, 180, 365] as const;

/** The projection's end figure and, plainly, how much to trust it (MASE against naive). */
export function ProjectionNote({ forecast }: { forecast: ForecastDocument }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const end = forecast.points.at(-1);
  const accuracy =
    forecast.mase === null
      ? t('dashboard.projection.accuracyUnknown')
      : forecast.beatsNaive
        ? t('dashboard.projection.beatsNaive', { mase: formatNumber(forecast.mase, language, 2) })
        : t('dashboard.projection.notBetter', { mase: formatNumber(forecast.mase, language, 2) });
  const baseline = forecast.baselineMase === null ? '' : t('dashboard.projection.baseline', { mase: formatNumber(forecast.baselineMase, language, 2) });
  return (
    <div className="projection-note" data-testid="projection-note">
      {end ? (
        <p>
          {t('dashboard.projection.end', {
            day: formatDay(end.day, language),
            followers: formatNumber(end.followers, language),
            low: formatNumber(end.low80, language),
            high: formatNumber(end.high80, language),
            low95: formatNumber(end.low95, language),
            high95: formatNumber(end.high95, language),
          })}
        </p>
      ) : (
        <p>{t('dashboard.projection.none')}</p>
      )}
      <p className={forecast.beatsNaive === false ? 'projection-note__warn' : 'muted'}>
        {accuracy} {baseline}
      </p>
    </div>
  );
}
