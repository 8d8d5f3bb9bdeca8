import { readFile } from 'node:fs/promises';
import { writePrivateFileAtomic } from '../atomic-write';
import { AppError } from '../errors';

export const EVENTS_FILE = 'events.json';
export const GOALS_FILE = 'goals.json';

/**
 * events.json and goals.json: `{ "version": 1, "<key>": [...] }`, written atomically and 0600.
 * A damaged file is reported, never overwritten (the user's entries would be lost).
 */
export async function readListFile<T>(path: string, key: string): Promise<T[] | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const list = value[key];
    if (!Array.isArray(list)) throw new Error(`no "${key}" list`);
    return list as T[];
  } catch (error) {
    throw new AppError('SETTINGS_INVALID', `${path} is damaged: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'fix the JSON by hand or restore it from a backup; it is left untouched',
    });
  }
}

export async function writeListFile<T>(path: string, key: string, list: readonly T[]): Promise<void> {
  await writePrivateFileAtomic(path, `${JSON.stringify({ version: 1, [key]: list }, null, 2)}\n`);
}
