import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FILES, referenceFilePath, type ReferenceFile } from '#core/reference/reference-data-files.js';
import { SHIPPED_SHA256 } from '#scripts/prepare-reference-data.js';
import { dataDir } from './reference-fixtures.js';

const dataFiles = (Object.keys(REFERENCE_FILES) as ReferenceFile[]).filter((file) => file !== 'licences');

describe('the reference data shipped with the app', () => {
  it.each(dataFiles)('%s is the documented file, unchanged', (file) => {
    const bytes = readFileSync(referenceFilePath(dataDir, file));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(SHIPPED_SHA256[REFERENCE_FILES[file]]);
  });

  it('no file is over 2 MB', () => {
    for (const file of dataFiles) expect(statSync(referenceFilePath(dataDir, file)).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('LICENCES.md names every file and the attribution each licence asks for', () => {
    const licences = readFileSync(referenceFilePath(dataDir, 'licences'), 'utf8');
    for (const file of dataFiles) expect(licences).toContain(REFERENCE_FILES[file]);
    expect(licences).toContain('Base Adresse Nationale, adresse.data.gouv.fr, Licence Ouverte 2.0');
    expect(licences).toMatch(/Open Database License \(ODbL\) 1\.0/);
    expect(licences).toContain('© ANCT');
    expect(licences).toContain('© Ville de Paris');
  });
});
