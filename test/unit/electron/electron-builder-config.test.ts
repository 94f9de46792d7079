/**
 * electron-builder.yml against electron-builder's own JSON schema (app-builder-lib/scheme.json,
 * draft-07, `additionalProperties: false` throughout), so a misspelt or unknown key fails here
 * rather than at packaging time on a release machine.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as Record<string, unknown>;
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

function compile(): ValidateFunction {
  // Draft-07 is Ajv 8's default draft. `typeof` is the one non-standard keyword in the schema
  // (for hooks given as functions in a JS config); implement it rather than turning strict off.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', validate: (expected: string, data: unknown) => typeof data === expected });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  it('the schema is draft-07, which the default Ajv export handles', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = compile();
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each([
    ['an unknown top-level key', (c: Record<string, unknown>) => ({ ...c, asarUnpak: ['**/*.node'] })],
    ['an unknown key in nsis', (c: Record<string, unknown>) => ({ ...c, nsis: { ...(c.nsis as object), oneClik: false } })],
    ['a wrong type', (c: Record<string, unknown>) => ({ ...c, asar: 'yes' })],
  ])('the same check fails for a copy with %s', (_label, mutate) => {
    const validate = compile();
    expect(validate(mutate(structuredClone(config)))).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });

  it("agrees with electron-builder's own validator (internal module of the pinned 26.17.0)", async () => {
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, debugLogger: { isEnabled: boolean; add(): void }) => Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), asarUnpak: [] }, logger)).rejects.toThrow(/unknown property 'asarUnpak'/);
  });

  it('packages what the Electron rules require', () => {
    expect(config).toMatchObject({
      appId: 'fr.paris.atelier',
      productName: 'Atelier',
      directories: { output: 'release' },
      asar: true,
      asarUnpack: ['**/*.node'],
      npmRebuild: true,
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
      win: { target: ['nsis'] },
      nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
      mac: { target: ['dmg'], category: 'public.app-category.productivity' },
    });
    const linux = config.linux as Record<string, unknown>;
    expect(linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(linux.synopsis).toBeTruthy();
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
    // The core reads the reference data at run time; it must ship outside the asar.
    expect(config.extraResources).toEqual([
      { from: 'resources/data', to: 'resources/data' },
      { from: 'resources/fonts', to: 'resources/fonts' },
    ]);
  });

  it('ships only the bundles and package.json, and the main entry is among them', () => {
    const files = config.files as string[];
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**/*', 'package.json']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/electron/main.cjs');
  });
});
