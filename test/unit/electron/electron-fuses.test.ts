/**
 * Every Electron fuse is set in electron-builder.yml, to the value issue 9 asks: a fuse left
 * out keeps Electron's default, which for most of them is the unsafe one (a binary that runs as
 * Node with ELECTRON_RUN_AS_NODE reads the data folder with the user's rights). The list of
 * fuses comes from electron-builder's own schema: a fuse added by a later electron-builder fails
 * here until it is decided.
 */
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const config = load(readFileSync('electron-builder.yml', 'utf8')) as { electronFuses?: Record<string, unknown> };
const schema = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
  definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
};

/** The values required, and why each fuse not set is left to electron-builder. */
const REQUIRED: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
};
const NOT_SECURITY_FUSES: Record<string, string> = {
  loadBrowserProcessSpecificV8Snapshot: 'which V8 snapshot the browser process loads: no security effect, Electron default kept',
  resetAdHocDarwinSignature: 'macOS signing step of electron-builder, not a fuse of the binary',
};

/** The fuses a config misses or sets otherwise than REQUIRED. */
export function fuseProblems(fuses: Record<string, unknown> | undefined): string[] {
  return Object.entries(REQUIRED)
    .filter(([name, value]) => fuses?.[name] !== value)
    .map(([name, value]) => `${name} must be ${String(value)} (found ${String(fuses?.[name])})`);
}

describe('the Electron fuses of electron-builder.yml', () => {
  it('sets every fuse issue 9 names, to its safe value', () => {
    expect(fuseProblems(config.electronFuses)).toEqual([]);
  });

  it('leaves out no fuse electron-builder knows without a reason', () => {
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties).sort();
    expect(known.filter((name) => !(name in REQUIRED) && !(name in NOT_SECURITY_FUSES))).toEqual([]);
  });

  it.each(Object.keys(REQUIRED))('fails when %s is missing or flipped', (name) => {
    const { [name]: _removed, ...without } = config.electronFuses ?? {};
    expect(fuseProblems(without)).toEqual([expect.stringContaining(name)]);
    expect(fuseProblems({ ...config.electronFuses, [name]: !REQUIRED[name] })).toEqual([expect.stringContaining(name)]);
  });
});
