import { useTranslation } from 'react-i18next';
import type { RunRecord } from '../../../shared/run-record';
import { useApp } from '../../hooks/app-context';
import { useApiQuery } from '../../hooks/use-api-query';
import { useReloadAfterRuns } from '../../hooks/use-reload-after-runs';
import { routeHref } from '../../hooks/use-route';
import { formatDay } from '../../format/format';
import { relativeInstant } from './relative-instant';

/**
 * "Is the data fresh, did anything fail?" in one line: the newest day with data, when the last
 * sync ran and how it ended; a failure links to its run.
 */
export function Freshness({ newestDay }: { newestDay: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const runs = useApiQuery('runs.list', { limit: 1 });
  useReloadAfterRuns(runs.reload);
  const last: RunRecord | undefined = runs.result?.ok ? runs.result.value[0] : undefined;
  const failed = last && (last.status === 'failed' || last.status === 'partial');
  const tone = !last ? 'muted' : failed ? 'bad' : last.status === 'no-data' ? 'warn' : 'ok';
  return (
    <div className={`freshness freshness--${tone}`} data-testid="freshness" role="status">
      <span className="freshness__dot" aria-hidden="true" />
      <span>
        {newestDay ? t('dashboard.freshness.dataUntil', { day: formatDay(newestDay, language) }) : t('dashboard.freshness.noData')}
        {', '}
        {last ? t('dashboard.freshness.lastSync', { when: relativeInstant(last.finishedAt || last.startedAt, language, t) }) : t('dashboard.freshness.neverSynced')}
        {last ? ', ' : ''}
        {last && !failed ? <strong>{t(`dashboard.freshness.status.${last.status}`)}</strong> : null}
        {last && failed ? (
          <a href={routeHref({ view: 'runs', runId: last.runId })} data-testid="freshness-failure">
            {t(`dashboard.freshness.status.${last.status}`)}
            {last.error ? `: ${last.error.message}` : ''}
          </a>
        ) : null}
      </span>
    </div>
  );
}
