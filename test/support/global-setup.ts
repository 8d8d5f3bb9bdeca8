import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_CLI = join(root, 'dist', 'cli', 'follower-pulse.js');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** End-to-end tests run the built CLI, as users do: rebuild it once when the sources are newer. */
export function setup(): void {
  const stale = !existsSync(BUILT_CLI) || statSync(BUILT_CLI).mtimeMs < newestMtime(join(root, 'src', 'main'));
  if (!stale) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet', '--no-renderer'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed before the end-to-end tests');
}
