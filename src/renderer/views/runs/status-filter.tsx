import { useTranslation } from 'react-i18next';
import type { RunStatus } from '../../../shared/run-record';
import { Segmented } from '../../components/segmented';

const OPTIONS: (RunStatus | 'all')[] = ['all', 'success', 'up-to-date', 'no-data', 'partial', 'failed'];

export function StatusFilter({ value, onChange }: { value: RunStatus | 'all'; onChange: (v: RunStatus | 'all') => void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Segmented
      label={t('runs.filterLabel')}
      name="run-status"
      options={OPTIONS}
      value={value}
      onChange={onChange}
      text={(option) => (option === 'all' ? t('runs.filterAll') : t(`status.${option}`))}
    />
  );
}
