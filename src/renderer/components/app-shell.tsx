import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../hooks/app-context';
import { routeHref, type Route } from '../hooks/use-route';
import { useTheme, type ThemeChoice } from '../hooks/use-theme';
import { ChartIcon, DashboardIcon, FlagIcon, GearIcon, HistoryIcon, PulseIcon, TargetIcon } from './icons';
import { SettingsProblemBanner } from './settings-problem-banner';
import { SidebarStatus } from './sidebar-status';
import './app-shell.css';

type NavKey = 'insightsNav.dashboard' | 'insightsNav.actions' | 'insightsNav.goals' | 'nav.runs' | 'nav.data' | 'nav.settings';

const NAV: { view: Route['view']; route: Route; icon: (p: { size?: number }) => React.JSX.Element; key: NavKey }[] = [
  { view: 'dashboard', route: { view: 'dashboard' }, icon: DashboardIcon, key: 'insightsNav.dashboard' },
  { view: 'actions', route: { view: 'actions' }, icon: FlagIcon, key: 'insightsNav.actions' },
  { view: 'goals', route: { view: 'goals' }, icon: TargetIcon, key: 'insightsNav.goals' },
  { view: 'runs', route: { view: 'runs', runId: null }, icon: HistoryIcon, key: 'nav.runs' },
  { view: 'data', route: { view: 'data' }, icon: ChartIcon, key: 'nav.data' },
  { view: 'settings', route: { view: 'settings', section: null }, icon: GearIcon, key: 'nav.settings' },
];

const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function AppShell({ route, children }: { route: Route; children: ReactNode }): React.JSX.Element {
  const { t } = useTranslation();
  const { info } = useApp();
  const [theme, setTheme] = useTheme();
  return (
    <div className="app-shell">
      <aside className="sidebar">
        <div className="sidebar__inner">
          <div className="brand">
            <span className="brand__mark">
              <PulseIcon size={18} />
            </span>
            <span>
              Follower Pulse
              <span className="brand__sub">{t('app.tagline')}</span>
            </span>
          </div>
          <nav className="nav" aria-label={t('nav.label')}>
            {NAV.map((item) => {
              const Icon = item.icon;
              const active = route.view === item.view;
              return (
                <a key={item.view} className={`nav__item${active ? ' is-active' : ''}`} href={routeHref(item.route)} aria-current={active ? 'page' : undefined}>
                  <Icon size={18} />
                  {t(item.key)}
                </a>
              );
            })}
          </nav>
          <div className="sidebar__footer">
            <SidebarStatus />
            <div className="segmented theme-switch" role="radiogroup" aria-label={t('theme.label')}>
              {THEMES.map((choice) => (
                <label key={choice} title={t(`theme.${choice}`)}>
                  <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => setTheme(choice)} />
                  <span>{t(`theme.${choice}`)}</span>
                </label>
              ))}
            </div>
            <span>
              {t('app.version', { version: info.version })} · {info.transport === 'http' ? t('app.transportHttp') : t('app.transportIpc')}
            </span>
          </div>
        </div>
      </aside>
      <div className="main">
        {info.settingsProblem ? <SettingsProblemBanner problem={info.settingsProblem} home={info.home} /> : null}
        <main className="page" id="content">
          {children}
        </main>
      </div>
    </div>
  );
}
