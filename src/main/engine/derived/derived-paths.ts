import { join } from 'node:path';

/** Derived, disposable files live here, outside the lake so they are never uploaded. */
export function derivedDir(home: string): string {
  return join(home, 'derived');
}

export function lakeFactsCachePath(home: string): string {
  return join(derivedDir(home), 'lake-facts.json');
}

/** The sync's memo of each gains month file's days (lake/coverage-memo.ts). */
export function lakeCoverageMemoPath(home: string): string {
  return join(derivedDir(home), 'lake-coverage.json');
}
