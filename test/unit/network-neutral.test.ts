import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Architecture seam 4: a network is a folder under engine/sources/. Outside it no file of
 * src/main compares against a network's name or reaches into a network's folder — except the
 * registry, which lists each source folder through its index.
 */
const MAIN = join(__dirname, '..', '..', 'src', 'main');
const SOURCES_DIR = join(MAIN, 'engine', 'sources');
const REGISTRY = join(SOURCES_DIR, 'registry.ts');

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await tsFiles(path)));
    else if (/\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

async function networkFolders(): Promise<string[]> {
  const entries = await readdir(SOURCES_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

function insideNetworkFolder(path: string, networks: readonly string[]): boolean {
  const rel = relative(SOURCES_DIR, path).split(sep);
  return rel.length > 1 && networks.includes(rel[0]);
}

/** What a file does that names a network: a quoted name, or an import from a network's folder. */
function networkMentions(text: string, networks: readonly string[], allowIndexImports: boolean): string[] {
  const found: string[] = [];
  for (const network of networks) {
    if (new RegExp(`['"\`]${network}['"\`]`).test(text)) found.push(`'${network}'`);
    for (const match of text.matchAll(new RegExp(`from\\s+['"]([^'"]*sources/${network}(?:/[^'"]*)?|\\./${network}(?:/[^'"]*)?)['"]`, 'g'))) {
      const path = match[1];
      const indexOnly = path === `./${network}` || path === `./${network}/index`;
      if (!(allowIndexImports && indexOnly)) found.push(`import ${path}`);
    }
  }
  return found;
}

describe('network-neutral code', () => {
  it('finds the network folders to guard (the check is not vacuous)', async () => {
    expect(await networkFolders()).toContain('linkedin');
  });

  it('no file in src/main outside sources/<network>/ names a network, but the registry imports each index', async () => {
    const networks = await networkFolders();
    const offenders: string[] = [];
    for (const file of await tsFiles(MAIN)) {
      if (insideNetworkFolder(file, networks)) continue;
      const mentions = networkMentions(await readFile(file, 'utf8'), networks, file === REGISTRY);
      if (mentions.length > 0) offenders.push(`${relative(MAIN, file)}: ${mentions.join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the check catches a comparison, a deep import and a registry import past the index', () => {
    expect(networkMentions("if (a.network === 'linkedin') {}", ['linkedin'], false)).toEqual(["'linkedin'"]);
    expect(networkMentions("import { X } from '../sources/linkedin/linkedin-client';", ['linkedin'], false)).toEqual(['import ../sources/linkedin/linkedin-client']);
    expect(networkMentions("import { X } from './linkedin';", ['linkedin'], true)).toEqual([]);
    expect(networkMentions("import { X } from './linkedin/linkedin-client';", ['linkedin'], true)).toEqual(['import ./linkedin/linkedin-client']);
    expect(networkMentions('// LinkedIn revises late', ['linkedin'], false)).toEqual([]);
  });
});
