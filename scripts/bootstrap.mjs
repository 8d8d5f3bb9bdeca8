// `npm run bootstrap`: everything a fresh machine needs before `npm start` / `npm test`.
// Debian/Ubuntu: the keytar build (compiler, pkg-config, libsecret) and a keychain (gnome-keyring,
// dbus), plus Chromium for the browser UI and its tests. Windows and macOS need nothing but npm.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libsecret-1-dev', 'gnome-keyring', 'dbus', 'dbus-x11', 'chromium', 'openssl', 'time'];

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`bootstrap: "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

if (process.platform === 'linux' && existsSync('/usr/bin/apt-get')) {
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    const [apt, ...aptArgs] = process.getuid?.() === 0 ? ['apt-get'] : ['sudo', 'apt-get'];
    console.log(`bootstrap: installing Debian packages: ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    sh(apt, [...aptArgs, 'update', '-qq'], { env });
    sh(apt, [...aptArgs, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  } else {
    console.log('bootstrap: Debian packages already installed.');
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
console.log('bootstrap: installing npm dependencies (npm ci)…');
sh(npm, ['ci', '--no-audit', '--no-fund'], {
  shell: process.platform === 'win32',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
if (process.platform !== 'linux' && !process.env.CHROMIUM_PATH) {
  // Debian's Chromium serves the browser tests on Linux; elsewhere Playwright brings its own.
  console.log('bootstrap: installing Chromium for the browser tests (npx playwright install chromium)…');
  sh(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], { shell: process.platform === 'win32' });
}
console.log('bootstrap: done. Start the app with: npm start');
