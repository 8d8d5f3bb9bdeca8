import { useEffect, useState } from 'react';

/**
 * Hash routes (#/ dashboard, #/runs/<runId>, #/actions, #/goals, #/data, #/settings/<section>):
 * they survive a reload, work with the browser's back button, and need no server routes, so
 * the same files serve from file:// in Electron and from `serve`.
 */
export type Route =
  | { view: 'dashboard' }
  | { view: 'runs'; runId: string | null }
  | { view: 'actions' }
  | { view: 'goals' }
  | { view: 'data' }
  | { view: 'import' }
  | { view: 'settings'; section: string | null };

export function parseRoute(hash: string): Route {
  const [view, param] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (view === 'runs') return { view: 'runs', runId: param || null };
  if (view === 'actions') return { view: 'actions' };
  if (view === 'goals') return { view: 'goals' };
  if (view === 'data') return { view: 'data' };
  if (view === 'import') return { view: 'import' };
  if (view === 'settings') return { view: 'settings', section: param || null };
  return { view: 'dashboard' };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'dashboard':
      return '#/';
    case 'runs':
      return route.runId ? `#/runs/${encodeURIComponent(route.runId)}` : '#/runs';
    case 'actions':
      return '#/actions';
    case 'goals':
      return '#/goals';
    case 'data':
      return '#/data';
    case 'import':
      return '#/import';
    case 'settings':
      return route.section ? `#/settings/${route.section}` : '#/settings';
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
