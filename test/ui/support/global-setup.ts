import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

const BUILT = [join(ROOT, 'dist', 'cli', 'follower-pulse.js'), join(ROOT, 'dist', 'renderer', 'index.html')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The specs drive the BUILT app (dist/), as users get it. `npm test` builds before Playwright;
 * a developer running `npx playwright test` directly gets a rebuild when the sources are newer.
 */
// eslint-disable-next-line no-restricted-exports -- Playwright loads globalSetup's default export.
export default function globalSetup(): void {
  const builtAt = Math.min(...BUILT.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (builtAt >= newestMtime(join(ROOT, 'src'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build failed before the UI tests (node scripts/build.mjs)');
}
