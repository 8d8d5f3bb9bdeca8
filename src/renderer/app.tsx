import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { navigate, parseRoute, useRoute } from './hooks/use-route';
import { applyLanguage } from './i18n/i18n';
import { prefetchDashboard } from './views/dashboard/dashboard-prefetch';
import { lazyView } from './views/lazy-view';

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
    // The home view's code and report load alongside the start-up calls, not after them.
    const home = parseRoute(window.location.hash).view === 'dashboard';
    if (home) prefetchDashboard(api);
    // Waiting for the view's code here costs nothing (it loads alongside the calls) and spares a
    // suspended first render, whose reveal React holds back for a moment.
    const [info, settings, accounts] = await Promise.all([
      api.call('app.info'),
      api.call('settings.get'),
      api.call('accounts.list'),
      home ? dashboard.preload().catch(() => null) : null,
    ]);
    if (!info.ok) return setBoot({ state: 'failed', failure: info });
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
      <SyncProvider>
        {boot.state === 'ready' && boot.welcome ? (
          <welcome.View onDone={finishWelcome} />
        ) : (
          <MainViews />
        )}
      </SyncProvider>
    </AppContext.Provider>
  );
}

// The home view's code is waited for at start (above); the others load after the first paint, in
// the background, and render at once when opened. chart.js, its date adapter and plugins load
// with the views that draw charts.
const dashboard = lazyView(() => import('./views/dashboard/dashboard-view').then((m) => m.DashboardView));
const runs = lazyView(() => import('./views/runs/runs-view').then((m) => m.RunsView));
const events = lazyView(() => import('./views/events/events-view').then((m) => m.EventsView));
const goals = lazyView(() => import('./views/goals/goals-view').then((m) => m.GoalsView));
const data = lazyView(() => import('./views/data/data-view').then((m) => m.DataView));
const settingsView = lazyView(() => import('./views/settings/settings-view').then((m) => m.SettingsView));
const importView = lazyView(() => import('./views/import/import-view').then((m) => m.ImportView));
const welcome = lazyView(() => import('./views/welcome/welcome-view').then((m) => m.WelcomeView));
const LATER_VIEWS = [dashboard, runs, events, goals, data, settingsView, importView];

/** After the first view is on screen, when the browser is idle (or 2 s at the latest). */
function preloadLaterViews(): void {
  const start = (): void => {
    for (const view of LATER_VIEWS) void view.preload().catch(() => undefined);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 500);
}

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
  useEffect(preloadLaterViews, []);
  return (
    <AppShell route={route}>
      {route.view === 'dashboard' ? <dashboard.View /> : null}
      {route.view === 'runs' ? <runs.View selectedRunId={route.runId} /> : null}
      {route.view === 'actions' ? <events.View /> : null}
      {route.view === 'goals' ? <goals.View /> : null}
      {route.view === 'data' ? <data.View /> : null}
      {route.view === 'settings' ? <settingsView.View section={route.section} /> : null}
      {route.view === 'import' ? <importView.View /> : null}
    </AppShell>
  );
}
