import { useTranslation } from 'react-i18next';
import type { GoalView } from '../../../shared/insights';
import { useApp } from '../../hooks/app-context';
import { formatDay, formatNumber } from '../../format/format';

export function GoalStatusBadge({ status }: { status: GoalView['status'] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className={`goal-status goal-status--${status}`} data-testid="goal-status">
      {t(`goals.status.${status}`)}
    </span>
  );
}

/** How far along: current against the target, as a bar with the figures under it. */
export function GoalProgress({ goal }: { goal: GoalView }): React.JSX.Element {
  const { t } = useTranslation();
  const { language } = useApp();
  const fraction = goal.current === null || goal.target <= 0 ? 0 : Math.max(0, Math.min(1, goal.current / goal.target));
  return (
    <div className="stack stack--tight">
      <div className={`progress goal-progress goal-progress--${goal.status}`} role="progressbar" aria-valuemin={0} aria-valuemax={goal.target} aria-valuenow={goal.current ?? 0} aria-label={goal.name}>
        <div className="progress__bar" style={{ width: `${fraction * 100}%` }} />
      </div>
      <div className="row row--between goal-figures">
        <span>
          {t('goals.progress', {
            current: goal.current === null ? '—' : formatNumber(goal.current, language),
            target: formatNumber(goal.target, language),
            by: formatDay(goal.by, language),
          })}
        </span>
        <span className="muted">{formatNumber(fraction * 100, language, 0)} %</span>
      </div>
    </div>
  );
}
