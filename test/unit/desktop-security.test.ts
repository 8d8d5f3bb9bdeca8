import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy, withContentSecurityPolicy } from '../../src/main/desktop/content-security-policy';
import { hardenSession, hardenWebContents } from '../../src/main/desktop/harden';
import { externalUrlToOpen, isAllowedExternalUrl, isAllowedNavigation, isTrustedSender } from '../../src/main/desktop/url-guards';
import { secureWindowOptions } from '../../src/main/desktop/window-options';
import { createFakeElectron, FakeWebContents, recordingLogger } from './desktop-fake-electron';

const APP_URL = 'file:///opt/Follower%20Pulse/resources/app.asar/dist/renderer/index.html';

describe('secureWindowOptions', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, no webview, web security', () => {
    const options = secureWindowOptions('/app/dist/desktop/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/desktop/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    // Shown on 'ready-to-show', never created hidden to be kept around.
    expect(options.show).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only our renderer page, with any hash route', () => {
    expect(isAllowedNavigation(APP_URL, APP_URL)).toBe(true);
    expect(isAllowedNavigation(`${APP_URL}#/runs/abc`, APP_URL)).toBe(true);
    expect(isAllowedNavigation('file:///opt/Follower Pulse/resources/app.asar/dist/renderer/index.html', APP_URL)).toBe(true);
  });

  it.each([
    ['another file on disk', 'file:///etc/passwd'],
    ['a sibling file of ours', 'file:///opt/Follower%20Pulse/resources/app.asar/dist/renderer/other.html'],
    ['a path that climbs out', 'file:///opt/Follower%20Pulse/resources/app.asar/dist/renderer/../../../../etc/passwd'],
    ['an encoded slash', 'file:///opt/Follower%20Pulse/resources/app.asar/dist%2Frenderer/index.html'],
    ['our page with a query', `${APP_URL}?x=1`],
    ['our path on a remote file host', 'file://evil.example/opt/Follower%20Pulse/resources/app.asar/dist/renderer/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['the web', 'https://www.linkedin.com/'],
    ['http', 'http://linkedin.com.evil.com/'],
    ['garbage', 'not a url'],
  ])('blocks %s', (_name, url) => {
    expect(isAllowedNavigation(url, APP_URL)).toBe(false);
  });

  it('compares a Windows drive letter case-insensitively (Chromium upper-cases it, Node may not)', () => {
    const nodeUrl = 'file:///c:/Users/Ana/AppData/Local/Programs/follower-pulse/resources/app.asar/dist/renderer/index.html';
    const chromiumUrl = 'file:///C:/Users/Ana/AppData/Local/Programs/follower-pulse/resources/app.asar/dist/renderer/index.html#/settings';
    expect(isAllowedNavigation(chromiumUrl, nodeUrl)).toBe(true);
    expect(isAllowedNavigation(chromiumUrl.replace('/Ana/', '/ana/'), nodeUrl)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts our page only; a destroyed frame (null) is not trusted', () => {
    expect(isTrustedSender(`${APP_URL}#/data`, APP_URL)).toBe(true);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
    expect(isTrustedSender('https://evil.example/', APP_URL)).toBe(false);
    expect(isTrustedSender('about:blank', APP_URL)).toBe(false);
    expect(isTrustedSender('devtools://devtools/bundled/inspector.html', APP_URL)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.linkedin.com/developers/apps',
    'https://linkedin.com/company/acme',
    'https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id=x',
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html',
    'https://console.aws.amazon.com/athena/home?region=sa-east-1',
    'https://s3.console.aws.amazon.com/s3/buckets/acme',
    'https://learn.microsoft.com/en-us/linkedin/marketing/',
    'HTTPS://WWW.LINKEDIN.COM/feed',
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http, not https', 'http://www.linkedin.com/'],
    ['a look-alike suffix', 'https://linkedin.com.evil.com/'],
    ['http look-alike', 'http://linkedin.com.evil.com'],
    ['a look-alike prefix', 'https://evil-linkedin.com/'],
    ['another subdomain', 'https://ads.linkedin.com/'],
    ['credentials before the host', 'https://www.linkedin.com@evil.com/'],
    ['credentials on an allowed host', 'https://user:pw@www.linkedin.com/'],
    ['a port', 'https://www.linkedin.com:8443/'],
    ['a trailing-dot host', 'https://www.linkedin.com./'],
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html;base64,PHNjcmlwdD4='],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a nested console look-alike', 'https://x.y.console.aws.amazon.com.evil.com/'],
    ['relative', '/runs'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('hands over the normalised URL, so what was checked is what opens', () => {
    expect(externalUrlToOpen('https://WWW.linkedin.com\\help')).toBe('https://www.linkedin.com/help');
    expect(externalUrlToOpen('https://www.linked\nin.com/x')).toBe('https://www.linkedin.com/x');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app itself, nothing inline, no eval, no plugins, no framing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  });

  it('the <meta> policy of the renderer page is the header policy, less what a <meta> cannot carry (issue 9 item 10)', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(metaContentSecurityPolicy());
    const header = contentSecurityPolicy().split('; ');
    expect(header.filter((d) => !meta!.split('; ').includes(d))).toEqual(["frame-ancestors 'none'"]);
    for (const directive of ["base-uri 'none'", "form-action 'none'", "object-src 'none'"]) expect(meta).toContain(directive);
  });

  it('agrees with the <meta> policy of the renderer page on scripts', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    expect(html).toMatch(/script-src 'self'[;"]/);
  });

  it('replaces a policy the response carried, whatever its spelling', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy()] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy()] });
  });
});

describe('hardenSession', () => {
  it('sets the CSP header on responses and denies every permission', () => {
    const electron = createFakeElectron();
    hardenSession(electron.session.defaultSession);
    let response: unknown;
    electron.sessionHandlers.headers?.({ responseHeaders: { 'X-A': ['1'] } }, (r) => (response = r));
    expect(response).toEqual({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [contentSecurityPolicy()] } });
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      let granted: boolean | undefined;
      electron.sessionHandlers.permissionRequest?.({}, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(electron.sessionHandlers.permissionCheck?.({}, permission)).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  function setup(): { contents: FakeWebContents; opened: string[]; logger: ReturnType<typeof recordingLogger> } {
    const contents = new FakeWebContents(1);
    const opened: string[] = [];
    const logger = recordingLogger();
    hardenWebContents(contents, {
      appUrl: APP_URL,
      logger,
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    });
    return { contents, opened, logger };
  }

  it('blocks navigation away from the app; an allow-listed link opens in the browser instead', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-navigate', `${APP_URL}#/runs`)).toBe(false);
    expect(contents.navigate('will-navigate', 'https://learn.microsoft.com/en-us/linkedin/')).toBe(true);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(opened).toEqual(['https://learn.microsoft.com/en-us/linkedin/']);
  });

  it('blocks redirects away from the app without opening anything', () => {
    const { contents, opened } = setup();
    expect(contents.navigate('will-redirect', 'https://www.linkedin.com/')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('window.open is always denied; allow-listed URLs open externally, others are logged by origin only', () => {
    const { contents, opened, logger } = setup();
    expect(contents.openHandler?.({ url: 'https://www.linkedin.com/developers/apps' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/steal?code=SECRET' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.linkedin.com/developers/apps']);
    expect(JSON.stringify(logger.lines)).not.toContain('SECRET');
    expect(logger.lines.at(-1)).toMatchObject({ event: 'desktop.external-url-blocked', fields: { origin: 'https://evil.example' } });
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = setup();
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('the Electron boundary', () => {
  it("only main.ts and preload.ts load 'electron' as a value; everything tests import uses types", () => {
    const dir = new URL('../../src/main/desktop/', import.meta.url);
    const valueImports = readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(readFileSync(new URL(file, dir), 'utf8')));
    expect(valueImports.sort()).toEqual(['main.ts', 'preload.ts']);
  });
});
