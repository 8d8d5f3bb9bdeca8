import type { Logger } from '../engine/log/logger';
import { withContentSecurityPolicy } from './content-security-policy';
import type { DesktopSession, DesktopWebContents, NavigationEvent } from './electron-api';
import { externalUrlToOpen, isAllowedNavigation } from './url-guards';

export interface HardenDeps {
  appUrl: string;
  openExternal(url: string): Promise<void>;
  logger: Logger;
}

/**
 * Per window (architecture "Electron security"): the page may not leave the app, open windows
 * or attach <webview>s. An allow-listed link (LinkedIn, AWS, Microsoft Learn) opens in the
 * user's browser instead; anything else is dropped and logged by origin only, since a URL's
 * query may carry an OAuth code.
 */
export function hardenWebContents(contents: DesktopWebContents, deps: HardenDeps): void {
  const openOutside = (url: string): void => {
    const target = externalUrlToOpen(url);
    if (target === null) {
      deps.logger.warn('desktop.external-url-blocked', { origin: originOf(url) });
      return;
    }
    deps.openExternal(target).catch((error: unknown) => deps.logger.warn('desktop.open-external-failed', { origin: originOf(target), error }));
  };
  const guard =
    (openAllowed: boolean) =>
    (event: NavigationEvent): void => {
      if (isAllowedNavigation(event.url, deps.appUrl)) return;
      event.preventDefault();
      // A plain link to the docs is a navigation: take the user there, outside the app.
      if (openAllowed) openOutside(event.url);
      else deps.logger.warn('desktop.navigation-blocked', { origin: originOf(event.url) });
    };
  contents.on('will-navigate', guard(true));
  contents.on('will-redirect', guard(false));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}

/** Once per session: our CSP on every response, and no permission (camera, geolocation…) granted. */
export function hardenSession(session: DesktopSession): void {
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? `${parsed.protocol}…` : parsed.origin;
  } catch {
    return 'unparsable';
  }
}
