// `npm test`: lint, typecheck, build, every vitest test (inside a throw-away unlocked
// GNOME keyring on Linux, so keychain tests hit a real Secret Service), then the browser UI
// tests in Debian's Chromium. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  console.log(`  ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

let ok = step('lint (eslint)', bin('eslint'), ['--max-warnings', '0', '.']);
ok = step('typecheck (tsc -b)', bin('tsc'), ['-b']) && ok;
ok = step('build', process.execPath, ['scripts/build.mjs', '--quiet']) && ok;

const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`];
const keyring = process.platform === 'linux' ? ['sh', [join(root, 'scripts', 'with-keyring.sh'), bin('vitest'), ...vitestArgs]] : [bin('vitest'), vitestArgs];
ok = step('unit, integration and end-to-end tests (vitest)', keyring[0], keyring[1]) && ok;

const hasUiTests = existsSync(join(root, 'test', 'ui')) && readdirSync(join(root, 'test', 'ui')).some((f) => f.endsWith('.spec.ts'));
if (hasUiTests) {
  ok = step('UI tests (Playwright, Chromium)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'playwright.json'), FOLLOWER_PULSE_PW_JSON: '1' }) && ok;
}

let passed = 0;
let failed = 0;
try {
  const v = JSON.parse(readFileSync(join(results, 'vitest.json'), 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
} catch {
  failed += 1;
  console.log('vitest wrote no results');
}
if (hasUiTests) {
  try {
    const p = JSON.parse(readFileSync(join(results, 'playwright.json'), 'utf8'));
    passed += p.stats.expected;
    failed += p.stats.unexpected;
  } catch {
    failed += 1;
    console.log('playwright wrote no results');
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
