import { isNetwork } from '../../../shared/networks';
import { AppError } from '../errors';
import type { AppContext } from '../app/app-context';
import { facebookSource } from './facebook';
import { instagramSource } from './instagram';
import { createLinkedInUiHandlers, linkedInSource } from './linkedin';
import type { SourceDescription } from './source';
import { xSource } from './x';

/** Every network the engine can sync: one line per folder under sources/. */
export const SOURCES: readonly SourceDescription[] = [linkedInSource, facebookSource, instagramSource, xSource];

/** Each network's own UI methods (sign-in flows, page discovery), in one table. */
export function createSourceUiHandlers(ctx: AppContext): { handlers: ReturnType<typeof createLinkedInUiHandlers>['handlers']; close(): void } {
  const groups = [createLinkedInUiHandlers(ctx)];
  return {
    handlers: Object.assign({}, ...groups.map((g) => g.handlers)) as ReturnType<typeof createLinkedInUiHandlers>['handlers'],
    close: () => groups.forEach((g) => g.close()),
  };
}
/** The old prototype's S3 file format, which was one network's by definition. */
export { buildPrototypeCompatFiles, compatOrgIds } from './linkedin';

export function findSource(network: string, sources: readonly SourceDescription[] = SOURCES): SourceDescription | undefined {
  return sources.find((s) => s.id === network);
}

/** The description for a network, or a one-line USAGE error naming the networks there are. */
export function sourceFor(network: string, sources: readonly SourceDescription[] = SOURCES): SourceDescription {
  const source = findSource(network, sources);
  if (source) return source;
  const known = sources.map((s) => s.id).join(', ');
  const what = isNetwork(network) ? `${network} pages cannot be synced yet` : `"${network}" is not a network`;
  throw new AppError('USAGE', `${what} (available: ${known})`, { hint: `use one of: ${known}` });
}
