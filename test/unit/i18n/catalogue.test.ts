/**
 * The label catalogue (src-shared/i18n): every message key the core or the shared schemas can
 * send has its words in both languages, and the error sentences name the record they are about,
 * with the right French article and agreement.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, fr } from '#shared/i18n/catalogue.js';
import { errorSentence } from '#shared/i18n/error-text.js';
import { translatorFor } from '#shared/i18n/translator.js';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the label catalogue', () => {
  it('has words for every validation key the core and the shared schemas send, in both languages', () => {
    const used = new Map<string, string>();
    for (const file of [...sources(join(root, 'src-shared')), ...sources(join(root, 'src-main'))]) {
      if (file.includes(`${join('src-shared', 'i18n')}`)) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/['`]validation\.([A-Za-z]+)/g)) used.set(match[1]!, relative(root, file));
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([key]) => !(key in fr.validation) || !(key in en.validation)).map(([key, file]) => `validation.${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('names the record an error is about, with its article and agreement in French', () => {
    const t = translatorFor('fr');
    expect(errorSentence(t, 'conflict', 'proposal')).toMatch(/^Cette proposition a été modifiée ailleurs entre-temps\. Elle vient d’être rechargée/);
    expect(errorSentence(t, 'conflict', 'workshop')).toMatch(/^Cet atelier a été modifié ailleurs entre-temps\. Il vient d’être rechargé/);
    expect(errorSentence(t, 'not_found', 'registration')).toBe('Cette inscription n’existe pas ou a été supprimée. Revenez à la liste de l’accueil.');
    expect(errorSentence(t, 'invalid_transition', 'proposal')).toMatch(/dans l’état actuel de la proposition\./);
    expect(errorSentence(t, 'unavailable', 'proposal')).toBe(errorSentence(t, 'unavailable', 'workshop'));
    const english = translatorFor('en');
    expect(errorSentence(english, 'conflict', 'proposal')).toMatch(/^This proposal was changed elsewhere/);
    expect(errorSentence(english, 'not_found', 'workshop')).toBe('This workshop does not exist or was removed. Go back to the list of workshops.');
  });

  it('writes the arrondissement with its ordinal in each language', () => {
    expect([1, 2, 18].map((n) => arrondissementLabel(translatorFor('fr'), n))).toEqual(['1er arrondissement', '2e arrondissement', '18e arrondissement']);
    expect([1, 2, 3, 11, 20].map((n) => arrondissementLabel(translatorFor('en'), n))).toEqual([
      '1st arrondissement',
      '2nd arrondissement',
      '3rd arrondissement',
      '11th arrondissement',
      '20th arrondissement',
    ]);
  });
});
