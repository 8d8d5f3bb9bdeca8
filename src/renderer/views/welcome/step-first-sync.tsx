import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSync } from '../../hooks/sync-context';
import { SyncProgressPanel } from '../shared/sync-progress-panel';
import { StepFooter, StepHeader } from './step-frame';

/** How long "100 %" stays on screen before the run history takes over. */
const LINGER_MS = 1500;

export function StepFirstSync({ onDone }: { onDone: (runId: string | null) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const sync = useSync();
  const { start, phase, finishedRun, failure } = sync;

  // Once per visit to this step, even if React re-runs the effect (StrictMode, new callbacks).
  const startedRef = useRef(false);
  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    void start({});
  }, [start]);

  useEffect(() => {
    if (phase !== 'finished' || !finishedRun) return;
    const timer = window.setTimeout(() => onDone(finishedRun.runId), LINGER_MS);
    return () => window.clearTimeout(timer);
  }, [phase, finishedRun, onDone]);

  return (
    <>
      <div className="card__body stack stack--loose">
        <StepHeader title={t('welcome.sync.title')} text={t('welcome.sync.text')} />
        <SyncProgressPanel dismissible={false} />
      </div>
      <StepFooter>
        {failure ? (
          <button type="button" className="btn" onClick={() => void start({})}>
            {t('common.retry')}
          </button>
        ) : null}
        <button type="button" className="btn btn--primary" onClick={() => onDone(finishedRun?.runId ?? null)} disabled={phase === 'starting' || phase === 'running'}>
          {t('welcome.sync.goToRuns')}
        </button>
      </StepFooter>
    </>
  );
}
