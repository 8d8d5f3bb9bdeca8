import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { RunRecord } from '../../shared/run-record';
import type { ApiFailure, SyncProgressEvent, SyncRequestDto } from '../../shared/ui-api';
import { useApi } from '../api/api-context';

export type SyncPhase = 'idle' | 'starting' | 'running' | 'finished';

export interface SyncState {
  phase: SyncPhase;
  progress: SyncProgressEvent | null;
  /** The run that just finished, for "done: success" and a link to its record. */
  finishedRun: RunRecord | null;
  failure: ApiFailure | null;
  /** The user asked for a sync while another (scheduled, CLI) was already running. */
  joinedRunning: boolean;
  /** Bumped whenever a run finishes, so run lists reload. */
  runsVersion: number;
  start: (request?: SyncRequestDto) => Promise<void>;
  dismiss: () => void;
}

const SyncContext = createContext<SyncState | null>(null);

const POLL_MS = 800;
/** Give up waiting for a run that never showed up (the engine refused it silently). */
const START_TIMEOUT_MS = 60_000;

/**
 * One source of truth for "is a sync running and how far is it". Progress arrives as pushed
 * events; polling sync.progress runs alongside while a sync is in flight because an event
 * stream can drop (laptop sleep, proxy), and the run record is the final word on how it ended.
 */
export function SyncProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const api = useApi();
  const [phase, setPhase] = useState<SyncPhase>('idle');
  const [progress, setProgress] = useState<SyncProgressEvent | null>(null);
  const [finishedRun, setFinishedRun] = useState<RunRecord | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [joinedRunning, setJoinedRunning] = useState(false);
  const [runsVersion, setRunsVersion] = useState(0);
  const phaseRef = useRef<SyncPhase>('idle');
  const baselineRef = useRef<string | null>(null);
  const startedAtRef = useRef(0);
  const checkingRef = useRef(false);
  /**
   * Bumped when a run starts or finishes. A poll answer issued before that describes the old
   * state: a "running" that arrives after "run-finished" would otherwise reopen the panel as
   * if a new sync had begun. Pushed events need no guard: the stream keeps their order.
   */
  const epochRef = useRef(0);

  const setPhaseBoth = useCallback((next: SyncPhase) => {
    phaseRef.current = next;
    setPhase(next);
  }, []);

  const finish = useCallback(
    (run: RunRecord) => {
      if (phaseRef.current === 'finished' && baselineRef.current === run.runId) return;
      epochRef.current += 1;
      baselineRef.current = run.runId;
      setFinishedRun(run);
      setProgress((p) => ({ runId: run.runId, running: false, message: p?.message ?? '', fraction: 1 }));
      setPhaseBoth('finished');
      setRunsVersion((v) => v + 1);
    },
    [setPhaseBoth],
  );

  const newestRunId = useCallback(async (): Promise<string | null> => {
    const runs = await api.call('runs.list', { limit: 1 });
    return runs.ok ? (runs.value[0]?.runId ?? null) : null;
  }, [api]);

  /** The engine says nothing is running: find the record of the run we were following. */
  const checkFinished = useCallback(async () => {
    if (checkingRef.current) return;
    checkingRef.current = true;
    try {
      const runs = await api.call('runs.list', { limit: 1 });
      const newest = runs.ok ? runs.value[0] : undefined;
      if (newest && newest.runId !== baselineRef.current) finish(newest);
      else if (Date.now() - startedAtRef.current > START_TIMEOUT_MS) setPhaseBoth('idle');
    } finally {
      checkingRef.current = false;
    }
  }, [api, finish, setPhaseBoth]);

  const onProgress = useCallback(
    (event: SyncProgressEvent) => {
      if (event.running) {
        setProgress(event);
        if (phaseRef.current !== 'running' && phaseRef.current !== 'starting') {
          // A run we did not start (schedule, CLI): follow it from its current state.
          startedAtRef.current = Date.now();
          setFinishedRun(null);
          setFailure(null);
        }
        if (phaseRef.current !== 'running') setPhaseBoth('running');
      } else if (phaseRef.current === 'running' || phaseRef.current === 'starting') {
        void checkFinished();
      }
    },
    [checkFinished, setPhaseBoth],
  );

  useEffect(() => {
    const offProgress = api.on('sync-progress', onProgress);
    const offFinished = api.on('run-finished', (run) => {
      if (phaseRef.current === 'running' || phaseRef.current === 'starting') finish(run);
      else setRunsVersion((v) => v + 1);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [api, onProgress, finish]);

  /** sync.progress, answered only if nothing started or finished while it was in flight. */
  const pollProgress = useCallback(async (): Promise<SyncProgressEvent | null> => {
    const epoch = epochRef.current;
    const result = await api.call('sync.progress');
    return result.ok && epoch === epochRef.current ? result.value : null;
  }, [api]);

  // On load, pick up a sync that is already running (the scheduler started it).
  useEffect(() => {
    void (async () => {
      const current = await pollProgress();
      if (current?.running) {
        baselineRef.current = await newestRunId();
        onProgress(current);
      }
    })();
  }, [pollProgress, newestRunId, onProgress]);

  useEffect(() => {
    if (phase !== 'starting' && phase !== 'running') return;
    const timer = window.setInterval(() => {
      void pollProgress().then((progress) => progress && onProgress(progress));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [pollProgress, phase, onProgress]);

  const start = useCallback(
    async (request: SyncRequestDto = {}) => {
      if (phaseRef.current === 'starting' || phaseRef.current === 'running') return;
      setFailure(null);
      setFinishedRun(null);
      setJoinedRunning(false);
      setProgress({ runId: null, running: true, message: '', fraction: null });
      setPhaseBoth('starting');
      epochRef.current += 1;
      startedAtRef.current = Date.now();
      baselineRef.current = await newestRunId();
      const result = await api.call('sync.start', request);
      if (!result.ok && result.code === 'LOCK_HELD') {
        // Already running in this app (schedule, tray): show that run rather than an error.
        const now = await pollProgress();
        if (now?.running) {
          setJoinedRunning(true);
          return onProgress(now);
        }
      }
      if (!result.ok) {
        setFailure(result);
        setProgress(null);
        setPhaseBoth('idle');
        return;
      }
      if (!result.value.started) setJoinedRunning(true);
      // The run may already be over (a fast sync, or a call that waits for the run).
      const now = await pollProgress();
      if (now) onProgress(now);
    },
    [api, newestRunId, onProgress, pollProgress, setPhaseBoth],
  );

  const dismiss = useCallback(() => {
    if (phaseRef.current === 'finished') setPhaseBoth('idle');
    setFailure(null);
    setFinishedRun(null);
    setProgress(null);
  }, [setPhaseBoth]);

  const value = useMemo<SyncState>(
    () => ({ phase, progress, finishedRun, failure, joinedRunning, runsVersion, start, dismiss }),
    [phase, progress, finishedRun, failure, joinedRunning, runsVersion, start, dismiss],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncState {
  const sync = useContext(SyncContext);
  if (!sync) throw new Error('useSync outside SyncProvider');
  return sync;
}
