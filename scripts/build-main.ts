/**
 * Bundles the Node side with esbuild: the Electron main and preload (CommonJS, as a sandboxed
 * preload must be), the core worker and the web host (ESM). Native and Electron modules stay
 * external, resolved from node_modules (unpacked from the asar when packaged).
 */
import { build, type BuildOptions } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
};
// ESM bundles that pull CommonJS dependencies need a `require` of their own.
const esmBanner = {
  js: "import { createRequire as __atelierCreateRequire } from 'node:module'; const require = __atelierCreateRequire(import.meta.url);",
};

await Promise.all([
  build({ ...common, format: 'esm', entryPoints: { worker: 'src-main/core/worker.ts' }, outdir: 'out/core', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  build({ ...common, format: 'esm', entryPoints: { host: 'src-main/web/host.ts' }, outdir: 'out/web', outExtension: { '.js': '.mjs' }, banner: esmBanner }),
  build({ ...common, format: 'cjs', entryPoints: { main: 'src-main/electron/main.ts', preload: 'src-main/electron/preload.ts' }, outdir: 'out/electron', outExtension: { '.js': '.cjs' } }),
]);
