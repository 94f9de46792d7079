/**
 * One data directory holds the database, backups, attachments and logs. By default the OS's
 * app-data folder (the same one Electron's `userData` would be), overridable with
 * `--data-dir <path>` or the ATELIER_DATA_DIR environment variable.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER = 'Atelier';
export const DATA_DIR_ENV = 'ATELIER_DATA_DIR';

export interface DataDirInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  home: string;
}

export function argValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) return argv[i + 1];
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return undefined;
}

export function resolveDataDir({ argv, env, platform, home }: DataDirInputs): string {
  const explicit = argValue(argv, '--data-dir') ?? env[DATA_DIR_ENV];
  if (explicit) return resolve(explicit);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER);
}

export interface DataDirLayout {
  root: string;
  database: string;
  backups: string;
  attachments: string;
  logs: string;
}

export function dataDirLayout(root: string): DataDirLayout {
  return {
    root,
    database: join(root, 'atelier.sqlite'),
    backups: join(root, 'backups'),
    attachments: join(root, 'attachments'),
    logs: join(root, 'logs'),
  };
}

/**
 * Creates the folders and returns the layout. Owner-only (0700) where the OS honours modes,
 * folders made by an earlier version included: no other account of the laptop lists them.
 */
export function ensureDataDir(root: string): DataDirLayout {
  const layout = dataDirLayout(root);
  for (const dir of [layout.root, layout.backups, layout.attachments, layout.logs]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(dir, 0o700);
  }
  return layout;
}

export function defaultDataDir(argv: readonly string[] = process.argv): string {
  return resolveDataDir({ argv, env: process.env, platform: process.platform, home: homedir() });
}
