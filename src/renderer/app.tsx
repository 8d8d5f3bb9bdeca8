import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../shared/error-explanations';
import type { Settings } from '../shared/settings-schema';
import type { ApiFailure, AppInfo } from '../shared/ui-api';
import { useApi } from './api/api-context';
import { AppShell } from './components/app-shell';
import { FailureAlert } from './components/failure-alert';
import { Spinner } from './components/spinner';
import { AppContext, type AppState } from './hooks/app-context';
import { SyncProvider } from './hooks/sync-context';
import { navigate, useRoute } from './hooks/use-route';
import { applyLanguage } from './i18n/i18n';
import { EventsView } from './views/events/events-view';
import { GoalsView } from './views/goals/goals-view';
import { RunsView } from './views/runs/runs-view';
import { SettingsView } from './views/settings/settings-view';
import { WelcomeView } from './views/welcome/welcome-view';

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; failure: ApiFailure }
  | { state: 'ready'; info: AppInfo; settings: Settings | null; welcome: boolean };

export function App(): React.JSX.Element {
  const api = useApi();
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [language, setLanguage] = useState<Language>('pt-BR');

  const load = useCallback(async () => {
    setBoot({ state: 'loading' });
    const info = await api.call('app.info');
    if (!info.ok) return setBoot({ state: 'failed', failure: info });
    const [settings, accounts] = await Promise.all([api.call('settings.get'), api.call('accounts.list')]);
    const current = settings.ok ? settings.value : null;
    if (current) {
      await applyLanguage(current.language);
      setLanguage(current.language);
    }
    // With broken settings nothing can be saved, so the banner beats the welcome flow.
    const noPages = accounts.ok && accounts.value.length === 0;
    const welcome = !info.value.settingsProblem && (info.value.firstLaunch || noPages) && !welcomeSkipped();
    setBoot({ state: 'ready', info: info.value, settings: current, welcome });
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const setSettings = useCallback((settings: Settings) => {
    setBoot((b) => (b.state === 'ready' ? { ...b, settings } : b));
    setLanguage(settings.language);
    void applyLanguage(settings.language);
  }, []);

  // The CLI or another window changed settings.json: show what is on disk now.
  useEffect(() => api.on('settings-changed', setSettings), [api, setSettings]);

  const refreshInfo = useCallback(async () => {
    const info = await api.call('app.info');
    if (info.ok) setBoot((b) => (b.state === 'ready' ? { ...b, info: info.value } : b));
  }, [api]);

  const changeLanguage = useCallback(
    async (next: Language): Promise<ApiFailure | null> => {
      setLanguage(next);
      await applyLanguage(next);
      const saved = await api.call('settings.update', { language: next });
      if (!saved.ok) return saved;
      setSettings(saved.value);
      return null;
    },
    [api, setSettings],
  );

  const app = useMemo<AppState | null>(
    () => (boot.state === 'ready' ? { info: boot.info, settings: boot.settings, language, setSettings, changeLanguage, refreshInfo } : null),
    [boot, language, setSettings, changeLanguage, refreshInfo],
  );

  if (boot.state === 'loading') {
    return (
      <div className="center-screen">
        <Spinner label={t('app.loading')} />
      </div>
    );
  }
  if (boot.state === 'failed' || !app) {
    return (
      <div className="center-screen">
        <div className="stack boot-failure">
          {boot.state === 'failed' ? (
            <AppContext.Provider value={{ info: placeholderInfo, settings: null, language, setSettings, changeLanguage, refreshInfo }}>
              <FailureAlert failure={boot.failure} title={t('app.loadFailed')} />
            </AppContext.Provider>
          ) : null}
          <button type="button" className="btn btn--primary" onClick={() => void load()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }

  const finishWelcome = (runId: string | null): void => {
    setBoot((b) => (b.state === 'ready' ? { ...b, welcome: false } : b));
    // "Skip for now" (no first run) is remembered: the next start opens the app, not the welcome again.
    if (runId === null) rememberWelcomeSkipped();
    navigate(runId === null ? { view: 'dashboard' } : { view: 'runs', runId });
    void refreshInfo();
  };

  return (
    <AppContext.Provider value={app}>
      <SyncProvider>{boot.state === 'ready' && boot.welcome ? <WelcomeView onDone={finishWelcome} /> : <MainViews />}</SyncProvider>
    </AppContext.Provider>
  );
}

// chart.js, its date adapter and plugins load with the views that draw charts, after the shell's first paint.
const DataView = lazy(() => import('./views/data/data-view').then((m) => ({ default: m.DataView })));
const ImportView = lazy(() => import('./views/import/import-view').then((m) => ({ default: m.ImportView })));
const DashboardView = lazy(() => import('./views/dashboard/dashboard-view').then((m) => ({ default: m.DashboardView })));

const WELCOME_SKIPPED_KEY = 'follower-pulse.welcomeSkipped';

function welcomeSkipped(): boolean {
  try {
    return window.localStorage.getItem(WELCOME_SKIPPED_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberWelcomeSkipped(): void {
  try {
    window.localStorage.setItem(WELCOME_SKIPPED_KEY, '1');
  } catch {
    // Storage off (private window): the welcome shows again next time, nothing worse.
  }
}

const placeholderInfo: AppInfo = { version: '', home: '', lakeDir: '', platform: '', transport: 'http', settingsProblem: null, firstLaunch: false };

function MainViews(): React.JSX.Element {
  const route = useRoute();
  return (
    <AppShell route={route}>
      {route.view === 'dashboard' ? (
        <Suspense fallback={<Spinner />}>
          <DashboardView />
        </Suspense>
      ) : null}
      {route.view === 'runs' ? <RunsView selectedRunId={route.runId} /> : null}
      {route.view === 'actions' ? <EventsView /> : null}
      {route.view === 'goals' ? <GoalsView /> : null}
      {route.view === 'data' ? (
        <Suspense fallback={<Spinner />}>
          <DataView />
        </Suspense>
      ) : null}
      {route.view === 'settings' ? <SettingsView section={route.section} /> : null}
      {route.view === 'import' ? <Suspense fallback={<Spinner />}><ImportView /></Suspense> : null}
    </AppShell>
  );
}
