// Builds the plain-Node CLI and the Electron main (ESM, code-split so each command loads only
// what it uses), the sandboxed preload (CommonJS: an ESM preload would force the sandbox off)
// and the renderer (Vite).
import { build } from 'esbuild';
import { chmod, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const quiet = process.argv.includes('--quiet');
const log = (line) => quiet || console.log(line);
const started = Date.now();
// read-excel-file's node entry requires fs from CommonJS code, which an ESM bundle cannot do.
const NODE_EXTERNALS = ['electron', 'keytar', '@duckdb/*', '@aws-sdk/*', '@smithy/*', 'nodemailer', 'vite', 'esbuild', 'read-excel-file'];

const noRenderer = process.argv.includes('--no-renderer');
// The Node side only: keep a renderer built earlier in place.
for (const part of noRenderer ? ['cli', 'desktop', 'chunks'] : ['']) {
  await rm(new URL(`../dist/${part}`, import.meta.url), { recursive: true, force: true });
}

await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/follower-pulse': 'src/main/cli/follower-pulse.ts',
    'desktop/main': 'src/main/desktop/main.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Pure-JS dependencies are bundled: Node's ESM loader pays per file, and zod alone is
  // hundreds of files. Native modules and the heavy lazily-loaded SDKs stay external.
  external: NODE_EXTERNALS,
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
await chmod(new URL('../dist/cli/follower-pulse.js', import.meta.url), 0o755);

await build({
  absWorkingDir: root,
  entryPoints: ['src/main/desktop/preload.ts'],
  outfile: 'dist/desktop/preload.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['electron'],
  logLevel: 'warning',
});
log(`built CLI, desktop main and preload in ${Date.now() - started} ms`);

if (!noRenderer) {
  const { build: viteBuild } = await import('vite');
  const t = Date.now();
  await viteBuild({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: quiet ? 'error' : 'warn' });
  log(`built renderer in ${Date.now() - t} ms`);
}
