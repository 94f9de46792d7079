import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, menuLocaleFor } from '#electron/app-menu.js';
import { startErrorText } from '#electron/start-errors.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('is French by default and English for an English system', () => {
    expect(menuLocaleFor(undefined)).toBe('fr');
    expect(menuLocaleFor('fr-FR')).toBe('fr');
    expect(menuLocaleFor('de')).toBe('fr');
    expect(menuLocaleFor('en-GB')).toBe('en');
    const labels = buildMenuTemplate({ locale: 'fr', platform: 'linux', devTools: false }).map((item) => item.label);
    expect(labels).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre']);
    const english = buildMenuTemplate({ locale: 'en', platform: 'linux', devTools: false }).map((item) => item.label);
    expect(english).toEqual(['File', 'Edit', 'View', 'Window']);
  });

  it('uses only standard roles: every leaf is a role or a separator, no click handler', () => {
    for (const item of flatten(buildMenuTemplate({ locale: 'fr', platform: 'linux', devTools: true }))) {
      expect(item.click).toBeUndefined();
      if (!item.submenu) expect(item.role !== undefined || item.type === 'separator', JSON.stringify(item)).toBe(true);
    }
  });

  it('offers the developer tools only in a development build', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate({ locale: 'fr', platform: 'win32', devTools })).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('has the edit roles (copy/paste in forms) and a way to quit or close', () => {
    const roles = flatten(buildMenuTemplate({ locale: 'fr', platform: 'linux', devTools: false })).map((i) => i.role);
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
    const mac = flatten(buildMenuTemplate({ locale: 'fr', platform: 'darwin', devTools: false })).map((i) => i.role);
    expect(mac[0]).toBe('appMenu');
  });
});

describe('start-up error text', () => {
  it('says data from a newer version were not modified, in French and English', () => {
    const { title, content } = startErrorText(Object.assign(new Error('schema 12 > 9'), { code: 'schema_too_new' }));
    expect(title).toMatch(/plus récente/);
    expect(content).toMatch(/n’ont pas été modifiées/);
    expect(content).toMatch(/were not modified/);
    expect(content).toContain('schema 12 > 9');
  });

  it('gives any other failure a bilingual message with its code', () => {
    const { title, content } = startErrorText(Object.assign(new Error('disk full'), { code: 'worker_error' }));
    expect(title).toMatch(/n’a pas pu démarrer.*could not start/);
    expect(content).toContain('worker_error');
    expect(content).toContain('disk full');
    expect(content).not.toMatch(/not modified/);
  });
});
