/**
 * main.ts as built, run under plain Node with a fake `electron` module
 * (fixtures/fake-electron.cjs) and the real core worker on a temp data folder. It proves the
 * order and the wiring that the unit tests of each piece cannot: scheme registered before
 * ready, the core answering before the window (sealed: nothing open before the passphrase),
 * the secure window, the IPC relay and the app:// protocol live, the vault's keychain and the
 * lock on sleep, graceful quit through core.close(), and the start-up error box.
 */
import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCoreWorker, buildElectronMain } from '#scripts/build-main.js';
import { CONTENT_SECURITY_POLICY } from '#shared/security-policy.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
let appDir: string;
const temps: string[] = [];

beforeAll(async () => {
  // Inside the repository so the bundles resolve better-sqlite3 from its node_modules; the
  // fake `electron` sits in appDir/node_modules, found before the real (binary-less) one.
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  // The real path: node_modules may be a link (a second checkout sharing one install), and the
  // process under test reports the paths it resolved.
  appDir = realpathSync(mkdtempSync(join(cache, 'atelier-test-electron-')));
  await Promise.all([buildElectronMain(join(appDir, 'out', 'electron')), buildCoreWorker(join(appDir, 'out', 'core'))]);
  mkdirSync(join(appDir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Atelier test</title>');
  const fake = join(appDir, 'node_modules', 'electron');
  mkdirSync(fake, { recursive: true });
  writeFileSync(join(fake, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  copyFileSync(join(here, 'fixtures', 'fake-electron.cjs'), join(fake, 'index.js'));
}, 120_000);
afterAll(() => {
  rmSync(appDir, { recursive: true, force: true });
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

interface Report {
  steps: string[];
  errors: string[];
  exitCode: number;
  [key: string]: unknown;
}

function runMain(dataDir: string): Report {
  const reportFile = join(dataDir, '..', `report-${Date.now()}.json`);
  const run = spawnSync(process.execPath, [join(appDir, 'out', 'electron', 'main.cjs'), '--data-dir', dataDir], {
    encoding: 'utf8',
    timeout: 60_000,
    // Safety net: were the real `electron` ever resolved, this makes it return a path instead of downloading.
    env: { ...process.env, FAKE_ELECTRON_REPORT: reportFile, ATELIER_LOG_LEVEL: 'silent', ELECTRON_OVERRIDE_DIST_PATH: join(dataDir, 'no-electron') },
  });
  let text: string;
  try {
    text = readFileSync(reportFile, 'utf8');
  } catch {
    throw new Error(`main.cjs wrote no report (status ${run.status})\n${run.stdout}\n${run.stderr}`);
  }
  return JSON.parse(text) as Report;
}

function newDataDir(): string {
  const base = mkdtempSync(join(tmpdir(), 'atelier-main-'));
  temps.push(base);
  return join(base, 'data');
}

describe('the Electron main process, wired', () => {
  it('starts the core before the window, relays only trusted IPC, serves app:// and closes the core on quit', () => {
    const dataDir = newDataDir();
    const r = runMain(dataDir);
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(0);

    const at = (name: string) => r.steps.findIndex((s) => s.startsWith(name));
    expect(at('registerSchemesAsPrivileged')).toBeLessThan(at('ready'));
    expect(at('ready')).toBeLessThan(at('BrowserWindow'));
    expect(at('protocol.handle:app')).toBeLessThan(at('BrowserWindow'));
    expect(at('ipcMain.handle:atelier:invoke')).toBeLessThan(at('BrowserWindow'));
    expect(r.steps).toContain('loadURL:app://atelier/index.html');
    expect(r.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

    // The core answered before any window was created, sealed: no database before the passphrase.
    expect(r.window).toMatchObject({
      databaseExistedBeforeWindow: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(appDir, 'out', 'electron', 'preload.cjs') },
    });

    expect(r.ipc).toMatchObject({
      // The core answers (its data folder is the one given: the database above exists there).
      trusted: { ok: true, value: { version: expect.any(String), schemaVersion: expect.any(Number) } },
      foreign: { ok: false, error: { code: 'forbidden' } },
      subframe: { ok: false, error: { code: 'forbidden' } },
    });
    // The first start asks for the passphrase; Linux's basic_text keychain is refused (the
    // passphrase protects alone); the data opens at setup; the laptop's sleep locks the app.
    expect(r.vault).toMatchObject({
      before: { ok: true, value: { state: 'setup', osKeystore: 'unavailable' } },
      setup: { ok: true, value: { status: { state: 'unlocked', protection: 'passphrase' } } },
      databaseAfterSetup: true,
      afterSuspend: { ok: true, value: { state: 'locked', lockReason: 'system' } },
      personalWhileLocked: { ok: false, error: { code: 'locked' } },
    });
    expect(r.protocol).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Atelier test</title>', traversalStatus: 403 });
    expect(r.windowOpen).toEqual({ action: 'deny' });
    expect(r.navigationPrevented).toBe(true);
    expect(r.permissionRequestDenied).toBe(true);
    expect(r.permissionCheck).toBe(false);
    expect(r.menu).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre']);

    // Quit waits for core.close(), and well before the 5 s safety timeout.
    expect(r.beforeQuitPrevented).toBe(true);
    expect(r.steps.at(-1)).toBe('quit-after-core-closed');
    expect((r.finishedAt as number) - (r.beforeQuitAt as number)).toBeLessThan(4_000);
    // Owner-only files (the umask main.ts sets): the database and the vault.
    for (const name of ['atelier.sqlite', 'vault.json']) expect(statSync(join(dataDir, name)).mode & 0o077).toBe(0);
  });

  it('refuses a database from a newer version with a clear box, creates no window, and leaves the file untouched', () => {
    const dataDir = newDataDir();
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'atelier.sqlite');
    const db = new BetterSqlite3(file);
    db.exec('CREATE TABLE future (x INTEGER)');
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(file);

    const r = runMain(dataDir);
    expect(r.steps).not.toContain('BrowserWindow');
    expect(r.steps).toContain('showErrorBox');
    expect(r.exitCode).toBe(2);
    const box = r.errorBox as { title: string; content: string };
    expect(box.content).toMatch(/n’ont pas été modifiées/);
    expect(box.content).toMatch(/were not modified/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
