import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built renderer for `serve`. The CLI is bundled into dist/cli/ and dist/chunks/, and runs
 * from src/ under tsx in development, so look for `dist/renderer/index.html` in every folder
 * from this module's up to the root (or `renderer/` when the folder itself is `dist`).
 */
export function findRendererDir(moduleUrl: string = import.meta.url): string | null {
  let dir = path.dirname(fileURLToPath(moduleUrl));
  for (;;) {
    const candidates = [path.join(dir, 'dist', 'renderer')];
    if (path.basename(dir) === 'dist') candidates.unshift(path.join(dir, 'renderer'));
    const found = candidates.find((c) => existsSync(path.join(c, 'index.html')));
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
