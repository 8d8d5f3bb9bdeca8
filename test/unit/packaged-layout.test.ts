import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { desktopPaths, trayIconPath, windowIconPath } from '../../src/main/desktop/desktop-paths';

// What electron-builder packs (the `files` globs, production dependencies) must hold everything
// the built Electron entry loads at run time, and the native modules must sit outside the asar.
// Globs are matched with the minimatch electron-builder itself uses.

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const { minimatch } = require(require.resolve('minimatch', { paths: [dirname(require.resolve('app-builder-lib/package.json'))] })) as {
  minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean;
};

interface BuilderConfig {
  directories: { buildResources: string };
  files: string[];
  asarUnpack: string[];
  win: { icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string; perMachine: boolean; oneClick: boolean; allowElevation: boolean };
  mac: { icon: string; target: string[] };
  linux: { icon: string; target: string[] };
  deb: { depends: string[] };
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; scripts: Record<string, string> };

/** Whether electron-builder's `files` list packs this app-relative path. */
function packed(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(path, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(path, pattern, { dot: true })) included = true;
  }
  return included;
}

const unpacked = (path: string): boolean => config.asarUnpack.some((pattern) => minimatch(path, pattern, { dot: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** The package folder a bare specifier resolves to (`@scope/name/sub` → `@scope/name`). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

let internalFiles: string[] = [];
let externalPackages: string[] = [];

beforeAll(async () => {
  // The test setup builds dist/ when the sources are newer (test/support/global-setup.ts).
  const entry = join(root, 'dist', 'desktop', 'main.js');
  expect(existsSync(entry), 'dist/desktop/main.js is built').toBe(true);
  // esbuild parses the built bundle: every static and dynamic import, the chunks it shares with
  // the CLI, and the packages left external ('<runtime>' is esbuild's own helper, not a package).
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
  internalFiles = Object.keys(result.metafile.inputs).map((file) => relative(root, join(root, file)).replaceAll('\\', '/'));
  const external = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) for (const imp of input.imports) if (imp.external && !imp.path.startsWith('node:') && imp.path !== '<runtime>') external.add(packageName(imp.path));
  externalPackages = [...external].sort();
});

describe('the packaged app', () => {
  it('packs the Electron entry and every chunk it imports', () => {
    expect(internalFiles).toContain('dist/desktop/main.js');
    expect(internalFiles.length).toBeGreaterThan(1);
    expect(internalFiles.filter((file) => !packed(file))).toEqual([]);
  });

  it('packs what main.js opens by path: the preload, the renderer page, the tray and window icons', () => {
    const paths = desktopPaths(join(root, 'dist', 'desktop'));
    const runtimeFiles = [
      paths.preload,
      paths.indexHtml,
      windowIconPath(paths.resourcesDir, 'linux')!,
      ...(['idle', 'syncing', 'error'] as const).flatMap((variant) =>
        (['win32', 'darwin', 'linux'] as const).flatMap((platform) => {
          const icon = trayIconPath(paths.resourcesDir, variant, platform);
          return [icon, icon.replace(/\.png$/, '@2x.png')];
        }),
      ),
    ].map((file) => relative(root, file).replaceAll('\\', '/'));
    expect(runtimeFiles.filter((file) => !packed(file))).toEqual([]);
    // The icons are committed; the preload and the page come from the build.
    expect(runtimeFiles.filter((file) => file.startsWith('resources/') && !existsSync(join(root, file)))).toEqual([]);
    expect(packed('dist/desktop/main.js.map')).toBe(false);
  });

  it('every package main.js loads is a production dependency (packed with the app), except Electron itself', () => {
    expect(externalPackages).toEqual(expect.arrayContaining(['electron', 'keytar', '@duckdb/node-api']));
    const notPacked = externalPackages.filter((name) => name !== 'electron' && !(name in pkg.dependencies));
    expect(notPacked).toEqual([]);
    // electron-builder refuses an app that lists electron among its dependencies.
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });

  it('unpacks every native module main.js can load (keytar, DuckDB’s bindings) from the asar', () => {
    const natives = ['keytar', '@duckdb']
      .flatMap((dir) => filesUnder(join(root, 'node_modules', dir)))
      .map((file) => relative(root, file).replaceAll('\\', '/'))
      .filter((file) => file.endsWith('.node'));
    expect(natives.some((file) => file.startsWith('node_modules/keytar/'))).toBe(true);
    expect(natives.some((file) => file.startsWith('node_modules/@duckdb/'))).toBe(true);
    expect(natives.filter((file) => !unpacked(file))).toEqual([]);
    // The JavaScript that loads them sits beside them.
    expect(unpacked('node_modules/keytar/lib/keytar.js')).toBe(true);
    expect(unpacked('node_modules/@duckdb/node-api/lib/index.js')).toBe(true);
  });
});

describe('files electron-builder.yml names', () => {
  it('all exist', () => {
    const named = [config.directories.buildResources, config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.mac.icon, config.linux.icon];
    expect(named.filter((file) => !existsSync(join(root, file)))).toEqual([]);
  });

  it('the Windows icon is an ICO of PNGs up to 256 px, the macOS one an ICNS up to 1024 px, Linux has one PNG per size', () => {
    const ico = readFileSync(join(root, config.win.icon));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const png = PNG.sync.read(ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)));
      expect(png.width).toBe(ico.readUInt8(entry) || 256);
      sizes.push(png.width);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));

    const icns = readFileSync(join(root, config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const widths: number[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      widths.push(PNG.sync.read(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4))).width);
    }
    expect(Math.max(...widths)).toBe(1024);

    const linuxIcons = readdirSync(join(root, config.linux.icon));
    for (const name of linuxIcons) {
      const [w] = name.split('x').map(Number);
      expect(PNG.sync.read(readFileSync(join(root, config.linux.icon, name))).width).toBe(w);
    }
    expect(linuxIcons).toContain('512x512.png');
    expect(statSync(join(root, 'build', 'icon.png')).size).toBeGreaterThan(0);
  });

  it('targets and options the issue asks for: NSIS per-user with a per-machine choice, AppImage + deb needing libsecret, dmg', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.mac.target).toEqual(['dmg']);
    for (const os of ['win', 'linux', 'mac']) expect(pkg.scripts[`dist:${os}`]).toMatch(new RegExp(`^npm run build && electron-builder .*--${os}$`));
  });
});
