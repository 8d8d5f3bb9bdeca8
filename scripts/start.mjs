// `npm start`: the tray app where Electron can run; elsewhere the same app headless in the browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli', 'follower-pulse.js');
const passThrough = process.argv.slice(2);

function electronBinary() {
  let pkgDir;
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(pkgDir, 'path.txt');
  const installed = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')));
  if (!installed() && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    // Electron 45 fetches its binary on first use; give a connected machine the chance to.
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  }
  return installed() ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  stopWithParent(child);
}

// `npm start` runs `sh -c "build && start"`; a SIGTERM to npm reaches that shell, which dies
// without passing it on, and this script (and the app) would run on as orphans. So when the
// parent goes away, stop the app as if it had been sent SIGTERM.
function stopWithParent(child) {
  if (process.platform === 'win32') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    child.kill('SIGTERM');
  }, 250);
  timer.unref();
}

const electron = electronBinary();
if (electron) {
  run(electron, [join(root, 'dist', 'desktop', 'main.js'), ...passThrough]);
} else {
  console.error('Electron cannot run on this machine (its binary could not be obtained): starting Follower Pulse headless in your browser instead.');
  run(process.execPath, [cli, 'serve', '--open', ...passThrough]);
}
