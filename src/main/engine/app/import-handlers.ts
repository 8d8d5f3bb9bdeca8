import { MAX_IMPORT_FILE_BYTES, type ImportUploadDto } from '../../../shared/imports';
import { AppError } from '../errors';
import { LocalLake } from '../lake/local-lake';
import type { AppContext } from './app-context';
import { commitImport, previewImport, type ImportDeps, type ImportRequest } from './import-history';
import type { MethodGroup } from './method-table';

/** import.preview and import.commit: the import use case for a file dropped in the UI. */
export function createImportHandlers(ctx: AppContext): MethodGroup<'import.preview' | 'import.commit'> {
  async function prepare(upload: ImportUploadDto): Promise<{ request: ImportRequest; deps: ImportDeps }> {
    const bytes = Buffer.from(upload.contentBase64, 'base64');
    if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
      throw new AppError('USAGE', `${upload.fileName} is larger than an import takes (${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`, { hint: 'import only the follower columns' });
    }
    const settings = await ctx.settings();
    return {
      request: {
        files: [{ name: upload.fileName, bytes }],
        network: upload.network,
        accountId: upload.accountId?.trim() ? upload.accountId : null,
        format: upload.format ?? 'auto',
        mapping: upload.mapping ?? {},
      },
      deps: { settings, lake: new LocalLake(ctx.lakeDir(settings)), home: ctx.deps.home, now: ctx.deps.now(), trigger: 'ui' },
    };
  }
  return {
    'import.preview': async (upload) => {
      const { request, deps } = await prepare(upload);
      return previewImport(request, deps);
    },
    'import.commit': async (upload) => {
      const { request, deps } = await prepare(upload);
      return commitImport(request, deps);
    },
  };
}
