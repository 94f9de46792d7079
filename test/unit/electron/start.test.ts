/**
 * scripts/start.mjs: Electron when its binary is installed, the web host otherwise. The
 * detection reads files only (requiring `electron` would download the binary).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '#scripts/start.mjs';

let dir: string;
beforeEach(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'atelier-start-')));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function electronPackage(root: string, { pathTxt, binary }: { pathTxt?: string; binary?: 'file' | 'dir' } = {}): string {
  const electronDir = join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (pathTxt !== undefined) writeFileSync(join(electronDir, 'path.txt'), pathTxt);
  if (binary && pathTxt) {
    const target = join(electronDir, 'dist', pathTxt);
    if (binary === 'dir') mkdirSync(target, { recursive: true });
    else {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, '#!/bin/sh\necho "electron-args:$*"\nexit 3\n');
      chmodSync(target, 0o755);
    }
  }
  return electronDir;
}

describe('findElectronBinary', () => {
  it('finds dist/<path.txt> when the binary is there', () => {
    const electronDir = electronPackage(dir, { pathTxt: 'electron', binary: 'file' });
    expect(findElectronBinary({ electronDir, env: {} })).toEqual({ found: true, path: join(electronDir, 'dist', 'electron') });
  });

  it('follows the macOS layout path.txt names', () => {
    const electronDir = electronPackage(dir, { pathTxt: 'Electron.app/Contents/MacOS/Electron', binary: 'file' });
    expect(findElectronBinary({ electronDir, env: {} })).toEqual({
      found: true,
      path: join(electronDir, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron'),
    });
  });

  it('reports not installed when the package is absent, path.txt is missing, or dist/ lacks the binary', () => {
    expect(findElectronBinary({ electronDir: join(dir, 'node_modules', 'electron'), env: {} }).found).toBe(false);
    const noPathTxt = electronPackage(join(dir, 'a'));
    expect(findElectronBinary({ electronDir: noPathTxt, env: {} })).toMatchObject({ found: false, reason: expect.stringContaining('path.txt') });
    const noDist = electronPackage(join(dir, 'b'), { pathTxt: 'electron' });
    expect(findElectronBinary({ electronDir: noDist, env: {} }).found).toBe(false);
    const dirNotFile = electronPackage(join(dir, 'c'), { pathTxt: 'electron', binary: 'dir' });
    expect(findElectronBinary({ electronDir: dirNotFile, env: {} }).found).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as index.js does', () => {
    const electronDir = electronPackage(dir);
    const override = join(dir, 'custom-dist');
    mkdirSync(override);
    const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
    expect(findElectronBinary({ electronDir, env }).found).toBe(false);
    writeFileSync(join(override, 'electron'), '');
    expect(findElectronBinary({ electronDir, env })).toEqual({ found: true, path: join(override, 'electron') });
  });

  it('on this machine: no binary, and the lookup downloads and writes nothing', () => {
    const electronDir = join(process.cwd(), 'node_modules', 'electron');
    const before = readdirSync(electronDir).sort();
    const result = findElectronBinary({ electronDir, env: {} });
    expect(result.found).toBe(false);
    expect(readdirSync(electronDir).sort()).toEqual(before);
  });
});

describe.skipIf(process.platform === 'win32')('scripts/start.mjs as a program', () => {
  /** A copy of the script in a fake repo, with a web host stub that reports its arguments. */
  function fakeRepo(): string {
    mkdirSync(join(dir, 'scripts'));
    copyFileSync(join(process.cwd(), 'scripts', 'start.mjs'), join(dir, 'scripts', 'start.mjs'));
    mkdirSync(join(dir, 'out', 'web'), { recursive: true });
    writeFileSync(join(dir, 'out', 'web', 'host.mjs'), 'console.log("host-args:" + process.argv.slice(2).join(" ")); process.exit(7);\n');
    return join(dir, 'scripts', 'start.mjs');
  }

  it('without the binary: says so in French and English, runs the web host with --open and the args, exits with its code', () => {
    const script = fakeRepo();
    electronPackage(dir);
    const run = spawnSync(process.execPath, [script, '--data-dir', '/tmp/x'], { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } });
    expect(run.stdout).toMatch(/Electron n'est pas installé/);
    expect(run.stdout).toMatch(/Electron binary is not installed/);
    expect(run.stdout).toContain('host-args:--open --data-dir /tmp/x');
    expect(run.status).toBe(7);
    expect(existsSync(join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });

  it('with the binary: runs it on the app folder with the args and exits with its code', () => {
    const script = fakeRepo();
    electronPackage(dir, { pathTxt: 'electron', binary: 'file' });
    const run = spawnSync(process.execPath, [script, '--data-dir', '/tmp/x'], { encoding: 'utf8', env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '' } });
    expect(run.stdout).toContain(`electron-args:${dir} --data-dir /tmp/x`);
    expect(run.stdout).not.toContain('host-args');
    expect(run.status).toBe(3);
  });
});
