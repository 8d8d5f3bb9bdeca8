import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/main/engine/atomic-write';

describe('writeFileAtomic', () => {
  it('lands many simultaneous writes into folders that do not exist yet, each whole, with no temporary file left', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fp-atomic-'));
    const paths = Array.from({ length: 60 }, (_, i) => join(root, `month=2026-${String((i % 12) + 1).padStart(2, '0')}`, `page-${i}.csv`));
    await Promise.all(paths.map((path, i) => writeFileAtomic(path, `row ${i}\n`.repeat(100))));
    for (const [i, path] of paths.entries()) expect(await readFile(path, 'utf8')).toBe(`row ${i}\n`.repeat(100));
    const folders = await readdir(root);
    expect(folders).toHaveLength(12);
    const names = (await Promise.all(folders.map((f) => readdir(join(root, f))))).flat();
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    expect(names).toHaveLength(60);
  });

  it('replaces a file that exists and says which file it could not write', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fp-atomic-'));
    const path = join(root, 'a', 'file.csv');
    await writeFileAtomic(path, 'old\n');
    await writeFileAtomic(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    // A folder where the file should be: the error names the file asked for, not a temporary one.
    await expect(writeFileAtomic(join(root, 'a'), 'x')).rejects.toMatchObject({ path: join(root, 'a') });
  });
});
