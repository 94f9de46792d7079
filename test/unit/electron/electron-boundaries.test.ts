/**
 * Two rules that keep the Electron side testable and the preload sandbox-safe:
 * - only main.ts and preload.ts load `electron` at run time (everything else takes Electron's
 *   objects as arguments and imports only its types);
 * - the bundled preload requires nothing but `electron` (a sandboxed preload cannot require
 *   anything else).
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join('src-main', 'electron');
const RUNTIME_ELECTRON_IMPORT = /^\s*import\s+(?!type\b)[^;]*from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/m;

describe('electron boundaries', () => {
  it('only main.ts and preload.ts import electron at run time', () => {
    const offenders = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => RUNTIME_ELECTRON_IMPORT.test(readFileSync(join(folder, f), 'utf8')));
    expect(offenders.sort()).toEqual(['main.ts', 'preload.ts']);
  });

  it('the pattern tells a type import from a runtime one', () => {
    expect(RUNTIME_ELECTRON_IMPORT.test("import type { App } from 'electron';")).toBe(false);
    expect(RUNTIME_ELECTRON_IMPORT.test("import { app } from 'electron';")).toBe(true);
    expect(RUNTIME_ELECTRON_IMPORT.test("const { app } = require('electron');")).toBe(true);
  });

  it('the preload bundle requires only electron', async () => {
    const result = await build({
      entryPoints: [join(folder, 'preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
  });
});
