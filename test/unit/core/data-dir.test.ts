import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR_ENV, ensureDataDir, resolveDataDir } from '#core/data-dir.js';

const base = { argv: [] as string[], env: {}, platform: 'linux' as NodeJS.Platform, home: '/home/camille' };

describe('where the data lives', () => {
  it('--data-dir <path> wins over everything', () => {
    expect(resolveDataDir({ ...base, argv: ['--data-dir', '/srv/atelier'], env: { [DATA_DIR_ENV]: '/elsewhere' } })).toBe('/srv/atelier');
  });

  it('--data-dir=<path> works too, and a relative path is made absolute', () => {
    expect(resolveDataDir({ ...base, argv: ['--port', '0', '--data-dir=/srv/atelier'] })).toBe('/srv/atelier');
    expect(resolveDataDir({ ...base, argv: ['--data-dir=donnees'] })).toBe(resolve('donnees'));
  });

  it(`${DATA_DIR_ENV} is used when no flag is given`, () => {
    expect(resolveDataDir({ ...base, env: { [DATA_DIR_ENV]: '/mnt/usb/atelier' } })).toBe('/mnt/usb/atelier');
  });

  it('defaults to the usual application-data folder of each OS', () => {
    expect(resolveDataDir(base)).toBe('/home/camille/.config/Atelier');
    expect(resolveDataDir({ ...base, env: { XDG_CONFIG_HOME: '/home/camille/.cfg' } })).toBe('/home/camille/.cfg/Atelier');
    expect(resolveDataDir({ ...base, platform: 'darwin', home: '/Users/camille' })).toBe('/Users/camille/Library/Application Support/Atelier');
    expect(resolveDataDir({ ...base, platform: 'win32', home: 'C:\\Users\\camille', env: { APPDATA: 'C:\\Users\\camille\\AppData\\Roaming' } })).toBe(
      join('C:\\Users\\camille\\AppData\\Roaming', 'Atelier'),
    );
  });

  it('creates the database, backup, attachment and log folders, readable by the owner only', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'atelier-dir-')), 'data');
    try {
      const layout = ensureDataDir(root);
      expect(layout.database).toBe(join(root, 'atelier.sqlite'));
      for (const d of [layout.root, layout.backups, layout.attachments, layout.logs]) {
        expect(existsSync(d)).toBe(true);
        if (process.platform !== 'win32') expect(statSync(d).mode & 0o077).toBe(0);
      }
    } finally {
      rmSync(join(root, '..'), { recursive: true, force: true });
    }
  });
});
