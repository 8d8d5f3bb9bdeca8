import { useTranslation } from 'react-i18next';
import { RefreshIcon } from '../../components/icons';
import { Spinner } from '../../components/spinner';
import { useApp } from '../../hooks/app-context';
import { useSync } from '../../hooks/sync-context';

export function SyncNowButton(): React.JSX.Element {
  const { t } = useTranslation();
  const { info } = useApp();
  const sync = useSync();
  const running = sync.phase === 'starting' || sync.phase === 'running';
  return (
    <button type="button" className="btn btn--primary" onClick={() => void sync.start({})} disabled={running || info.settingsProblem !== null}>
      {running ? <Spinner /> : <RefreshIcon size={16} />}
      {running ? t('sync.runningShort') : t('sync.now')}
    </button>
  );
}
