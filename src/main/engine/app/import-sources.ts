import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/imports';
import type { Settings } from '../../../shared/settings-schema';
import { AppError, isAppError } from '../errors';
import type { ImportFileInput } from '../import/parse-import-file';
import { createS3Client } from '../lake/s3-client';
import { classifyS3Error, type S3Place } from '../lake/s3-errors';
import { getObjectBytes, listObjects } from '../lake/s3-objects';

/**
 * Where an import's files come from: one file, a folder of them (the prototype's daily files),
 * or an S3 prefix `s3://bucket/prefix/` read with the settings' S3 endpoint and profile.
 */

const IMPORTABLE_RE = /\.(csv|xlsx|xls|txt)$/i;
/** A folder of daily files for ten years is under 4000; more is a wrong folder. */
const MAX_FILES = 5000;

export function isS3Target(target: string): boolean {
  return /^s3:\/\//i.test(target);
}

export function parseS3Target(target: string): { bucket: string; prefix: string } {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(target.trim());
  if (!m || m[1] === '') throw new AppError('USAGE', `Not an S3 address: ${target}`, { hint: 'write it as s3://bucket/prefix/' });
  return { bucket: m[1], prefix: m[2] };
}

function tooLarge(name: string, size: number): AppError {
  return new AppError('USAGE', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB, more than an import takes (${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB)`, {
    hint: 'split it, or import only the follower columns',
  });
}

function tooMany(where: string, count: number): AppError {
  return new AppError('USAGE', `${where} holds ${count} importable files, more than ${MAX_FILES}`, { hint: 'import a narrower folder or prefix' });
}

async function readLocalFile(path: string, name: string): Promise<ImportFileInput> {
  const info = await stat(path);
  if (info.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(name, info.size);
  return { name, bytes: await readFile(path) };
}

async function readLocal(target: string): Promise<ImportFileInput[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [await readLocalFile(target, basename(target))];
  const names = (await readdir(target, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.startsWith('.') && IMPORTABLE_RE.test(e.name))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new AppError('USAGE', `The folder ${target} holds no .csv or .xlsx file`, { hint: 'point at the file, or at the folder holding the follower_stats_*.csv files' });
  if (names.length > MAX_FILES) throw tooMany(target, names.length);
  const files: ImportFileInput[] = [];
  for (const name of names) files.push(await readLocalFile(join(target, name), name));
  return files;
}

async function readS3(target: string, settings: Settings, client?: S3Client): Promise<ImportFileInput[]> {
  const { bucket, prefix } = parseS3Target(target);
  const s3 = { ...settings.s3, bucket, region: settings.s3.region.trim() || 'us-east-1' };
  const place: S3Place = { bucket, prefix, region: s3.region };
  const own = client ? null : await createS3Client(s3);
  const s3Client = client ?? own!;
  try {
    let objects;
    try {
      objects = await listObjects(s3Client, bucket, prefix);
    } catch (error) {
      throw classifyS3Error(error, place, 'list');
    }
    const keys = objects.filter((o) => !basename(o.key).startsWith('.') && IMPORTABLE_RE.test(o.key)).sort((a, b) => (a.key < b.key ? -1 : 1));
    if (keys.length === 0) throw new AppError('USAGE', `Nothing to import under ${target}: no .csv or .xlsx objects`, { hint: 'check the bucket and prefix' });
    if (keys.length > MAX_FILES) throw tooMany(target, keys.length);
    const files: ImportFileInput[] = [];
    for (const object of keys) {
      if (object.size > MAX_IMPORT_FILE_BYTES) throw tooLarge(object.key, object.size);
      try {
        files.push({ name: object.key, bytes: await getObjectBytes(s3Client, bucket, object.key) });
      } catch (error) {
        throw classifyS3Error(error, place, 'download');
      }
    }
    return files;
  } finally {
    own?.destroy();
  }
}

/**
 * Every file an import target names, sorted by name.
 * @throws AppError USAGE (not found, empty folder, too large), S3_* for S3 failures.
 */
export async function readImportSources(target: string, settings: Settings, client?: S3Client): Promise<ImportFileInput[]> {
  if (isS3Target(target)) return readS3(target, settings, client);
  try {
    return await readLocal(target);
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('USAGE', `${target} does not exist`, { hint: 'check the path' });
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('USAGE', `${target} cannot be read (permission denied)`, { hint: 'check its permissions' });
    throw error;
  }
}
