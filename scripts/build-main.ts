/**
 * Bundles the Node side with esbuild: the Electron main and preload (CommonJS, as a sandboxed
 * preload must be), the core worker and the web host (ESM). Native and Electron modules stay
 * external, resolved from node_modules (unpacked from the asar when packaged).
 *
 * `npx tsx scripts/build-main.ts` builds into out/; tests and the benchmark import
 * `buildCoreWorker` to bundle the worker into a folder of their own with the same options.
 */
import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['electron', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'argon2'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
// ESM bundles that pull CommonJS dependencies need a `require` of their own.
const esmBanner = {
  js: "import { createRequire as __atelierCreateRequire } from 'node:module'; const require = __atelierCreateRequire(import.meta.url);",
};

/**
 * Bundles Node entry points (paths relative to the repository) as ESM `<name>.mjs` files in
 * `outdir`. The outdir must sit inside the repository, so that the external better-sqlite3
 * resolves from its node_modules.
 */
/**
 * ESM bundles with code splitting: what a module imports with `await import()` (the PDF and
 * spreadsheet libraries) becomes a chunk loaded on first use, so the core starts without them.
 */
export async function buildNodeEsm(entryPoints: Record<string, string>, outdir: string): Promise<void> {
  await build({ ...common, format: 'esm', splitting: true, entryPoints, outdir, outExtension: { '.js': '.mjs' }, banner: esmBanner });
}

/** Bundles the core worker as `<outdir>/worker.mjs` and returns that file's path. */
export async function buildCoreWorker(outdir = join(root, 'out/core')): Promise<string> {
  await buildNodeEsm({ worker: 'src-main/core/worker.ts' }, outdir);
  return join(outdir, 'worker.mjs');
}

export async function buildWebHost(outdir = join(root, 'out/web')): Promise<string> {
  await buildNodeEsm({ host: 'src-main/web/host.ts' }, outdir);
  return join(outdir, 'host.mjs');
}

export async function buildElectronMain(outdir = join(root, 'out/electron')): Promise<void> {
  await build({ ...common, format: 'cjs', entryPoints: { main: 'src-main/electron/main.ts', preload: 'src-main/electron/preload.ts' }, outdir, outExtension: { '.js': '.cjs' } });
}

export async function buildMain(): Promise<void> {
  await Promise.all([buildCoreWorker(), buildWebHost(), buildElectronMain()]);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) await buildMain();
