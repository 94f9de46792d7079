import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalSafely } from '#electron/external-links.js';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://www.paris.fr/',
    'https://www.paris.fr/pages/budget-participatif',
    'https://budgetparticipatif.paris.fr/bp/?x=1#y',
    'https://opendata.paris.fr/explore/dataset/arrondissements/',
    'HTTPS://WWW.PARIS.FR/',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://www.paris.fr/'],
    ['a look-alike host', 'https://www.paris.fr.evil.example/'],
    ['a sibling subdomain', 'https://evil.paris.fr/'],
    ['user info disguise', 'https://www.paris.fr@evil.example/'],
    ['credentials on an allowed host', 'https://user:pw@www.paris.fr/'],
    ['a non-default port', 'https://www.paris.fr:8443/'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['javascript:', 'javascript:alert(1)'],
    ['smb:', 'smb://www.paris.fr/share'],
    ['the app itself', 'app://atelier/index.html'],
    ['garbage', 'not a url'],
    ['a non-string', 42],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('opens an allowed URL and reports it', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    await expect(openExternalSafely(shell, 'https://opendata.paris.fr/')).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://opendata.paris.fr/');
  });

  it('never hands a refused URL to the OS', async () => {
    const shell = { openExternal: vi.fn(async () => undefined) };
    await expect(openExternalSafely(shell, 'file:///etc/passwd')).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('reports false instead of throwing when the OS fails to open', async () => {
    const shell = { openExternal: vi.fn(async () => Promise.reject(new Error('no browser'))) };
    await expect(openExternalSafely(shell, 'https://www.paris.fr/')).resolves.toBe(false);
  });
});
