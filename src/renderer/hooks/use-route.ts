import { useEffect, useState } from 'react';

/**
 * Hash routes (#/runs/<runId>, #/data, #/settings/<section>): they survive a reload, work with
 * the browser's back button, and need no server routes, so the same files serve from file://
 * in Electron and from `serve`.
 */
export type Route =
  | { view: 'runs'; runId: string | null }
  | { view: 'data' }
  | { view: 'import' }
  | { view: 'settings'; section: string | null };

export function parseRoute(hash: string): Route {
  const [view, param] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (view === 'data') return { view: 'data' };
  if (view === 'import') return { view: 'import' };
  if (view === 'settings') return { view: 'settings', section: param || null };
  return { view: 'runs', runId: view === 'runs' && param ? param : null };
}

export function routeHref(route: Route): string {
  switch (route.view) {
    case 'runs':
      return route.runId ? `#/runs/${encodeURIComponent(route.runId)}` : '#/runs';
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
