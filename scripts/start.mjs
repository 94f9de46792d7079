/**
 * `npm start` (after `npm run build`): runs the app in Electron when its binary is installed,
 * otherwise in the web host, which is how Atelier runs where no Electron binary can be
 * installed. Remaining arguments (e.g. `--data-dir <path>`) are passed on.
 *
 * The detection only reads files. `require('electron')` must not be used here: since
 * Electron 42 the package has no postinstall, and its index.js downloads the binary on the
 * first require when `path.txt` or `dist/<path.txt>` is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Where node_modules/electron's index.js would find the binary, without its download
 * fallback: `path.txt` names the executable inside `dist/` (or inside
 * ELECTRON_OVERRIDE_DIST_PATH when that is set).
 *
 * @param {{ electronDir: string, env?: Record<string, string | undefined> }} options
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary({ electronDir, env = process.env }) {
  if (!existsSync(join(electronDir, 'package.json'))) return { found: false, reason: 'the electron package is not installed' };
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, executable || 'electron');
    return isFile(candidate) ? { found: true, path: candidate } : { found: false, reason: `no binary at ${candidate}` };
  }
  if (!executable) return { found: false, reason: 'node_modules/electron/path.txt is missing (binary never downloaded)' };
  const candidate = join(electronDir, 'dist', executable);
  return isFile(candidate) ? { found: true, path: candidate } : { found: false, reason: `no binary at ${candidate}` };
}

/** Runs a child with inherited stdio, forwards SIGINT/SIGTERM, and exits with its code. */
function runForwarding(command, args, env) {
  const child = spawn(command, args, { stdio: 'inherit', env, windowsHide: false });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Impossible de lancer / could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export function main(args = process.argv.slice(2)) {
  const binary = findElectronBinary({ electronDir: join(repoRoot, 'node_modules', 'electron') });
  if (binary.found) {
    // A stray ELECTRON_RUN_AS_NODE would turn the app into a plain Node process.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    runForwarding(binary.path, [repoRoot, ...args], env);
    return;
  }
  console.log(
    "Le programme Electron n'est pas installé sur cette machine : Atelier s'ouvre dans l'hôte web (navigateur).\n" +
      'The Electron binary is not installed on this machine: Atelier opens in the web host (browser) instead.\n' +
      `(${binary.reason})`,
  );
  const hostArgs = args.includes('--open') ? args : ['--open', ...args];
  runForwarding(process.execPath, [join(repoRoot, 'out', 'web', 'host.mjs'), ...hostArgs], process.env);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) main();
