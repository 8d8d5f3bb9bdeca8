import { useEffect, useRef } from 'react';
import { useSync } from './sync-context';

/** Calls `reload` whenever a run finishes (ours, the scheduler's or the CLI's), so views show what it wrote. */
export function useReloadAfterRuns(reload: () => void): void {
  const { runsVersion } = useSync();
  const seenVersion = useRef(runsVersion);
  useEffect(() => {
    if (seenVersion.current === runsVersion) return;
    seenVersion.current = runsVersion;
    reload();
  }, [runsVersion, reload]);
}
