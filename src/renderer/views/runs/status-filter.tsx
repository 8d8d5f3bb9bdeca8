import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../../shared/run-record';

const OPTIONS: (RunStatus | 'all')[] = ['all', 'success', 'up-to-date', 'no-data', 'partial', 'failed'];

export function StatusFilter({ value, onChange }: { value: RunStatus | 'all'; onChange: (v: RunStatus | 'all') => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('runs.filterLabel')}>
      {OPTIONS.map((option) => (
        <label key={option}>
          <input type="radio" name="run-status" value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{option === 'all' ? t('runs.filterAll') : t(`status.${option}`)}</span>
        </label>
      ))}
    </div>
  );
}
