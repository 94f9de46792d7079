/**
 * The letters to La Transfo's candidates: the text to paste into a mail for each outcome (the
 * reason only in a refusal, French spacing, « vous »), and the PDF read back with poppler as
 * its reader sees it: one letter per page, the words, the title, the language, embedded fonts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildLetters } from '#core/transfo/letters-pdf.js';
import { frenchDayText, frenchSpacing, letterText, type LetterInput } from '#core/transfo/letters.js';
import { hasPoppler, pdfText } from '../pdf/poppler.js';

const NBSP = '\u00a0';
const base = { campaignTitle: 'La Transfo 2027', signature: 'Camille Durand\nLab d’innovation de la Ville de Paris', date: '2026-12-02' };
const ambassador: LetterInput = { ...base, fullName: 'Élodie Bernard', outcome: 'ambassador', firstSessionOn: '2027-01-12', reason: 'Note interne à ne pas imprimer' };
const relais: LetterInput = { ...base, fullName: 'Zoé Martin', outcome: 'relais', reason: 'Note interne à ne pas imprimer' };
const refused: LetterInput = { ...base, fullName: 'Karim Haddad', outcome: 'not_chosen', reason: 'Votre direction est déjà représentée par trois ambassadeur·rices : nous devions équilibrer la promotion.' };
const normal = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('the letter as text to paste into a mail', () => {
  it('tells an ambassador, with the date of the first session, and no reason', () => {
    const text = letterText(ambassador);
    expect(text).toContain('Bonjour Élodie Bernard,');
    expect(text).toContain('choisi·e comme ambassadeur·rice de La Transfo');
    expect(text).toContain(`La première séance aura lieu le 12${NBSP}janvier 2027.`);
    expect(text).toContain(`Paris, le 2${NBSP}décembre 2026`);
    expect(text).not.toContain('Motif');
    expect(text).not.toContain('Note interne');
  });

  it('tells an ambassador the date is to come when it is not set', () => {
    expect(letterText({ ...ambassador, firstSessionOn: null })).toContain('Nous vous communiquerons très prochainement la date de la première séance.');
  });

  it('tells a relais what a relais does, and no reason', () => {
    const text = letterText(relais);
    expect(text).toContain('rejoindre La Transfo comme relais');
    expect(text).not.toContain('Motif');
    expect(text).not.toContain('Note interne');
  });

  it('gives a candidate not chosen the reason, with its colon held by a no-break space', () => {
    const text = letterText(refused);
    expect(text).toContain(`Motif${NBSP}: Votre direction est déjà représentée par trois ambassadeur·rices${NBSP}: nous devions équilibrer la promotion.`);
    expect(text).toContain('nous ne pouvons pas retenir la vôtre');
  });

  it('refuses a refusal without its reason', () => {
    expect(() => letterText({ ...refused, reason: undefined })).toThrow(/reason/);
    expect(() => letterText({ ...refused, reason: '   ' })).toThrow(/reason/);
  });

  it('writes French typography and « vous » in every letter', () => {
    for (const input of [ambassador, relais, refused]) {
      const text = letterText(input);
      expect(text).toContain(`Objet${NBSP}: votre candidature à l’appel «${NBSP}La Transfo 2027${NBSP}»`);
      // No ordinary space before « : ; ! ? » or inside the guillemets, anywhere.
      expect(text).not.toMatch(/ [:;!?»]|« /u);
      expect(text).toMatch(/\bvous\b/u);
      expect(text).not.toMatch(/\b(tu|te|ton|ta|tes)\b/u);
      expect(text.trimEnd().endsWith('Camille Durand\nLab d’innovation de la Ville de Paris')).toBe(true);
      expect(text).not.toMatch(/\{\{|transfo\./u);
    }
  });

  it('writes a day as a French letter does', () => {
    expect(frenchDayText('2027-03-01')).toBe(`1er${NBSP}mars 2027`);
    expect(frenchDayText('2027-01-12')).toBe(`12${NBSP}janvier 2027`);
    expect(() => frenchDayText('2027-02-30')).toThrow();
    expect(() => frenchDayText('12/01/2027')).toThrow();
  });

  it('gives typed words their French spaces without touching a time or an address', () => {
    expect(frenchSpacing('Profil  déjà représenté : DAC ! Voir «le rapport»')).toBe(`Profil déjà représenté${NBSP}: DAC${NBSP}! Voir «${NBSP}le rapport${NBSP}»`);
    expect(frenchSpacing('Rendez-vous à 10:30, https://paris.fr')).toBe('Rendez-vous à 10:30, https://paris.fr');
  });
});

describe('the letters as a PDF', () => {
  it('prints one letter per page, in the order given, in French, titled, with its fonts embedded', async () => {
    const pdf = await buildLetters([ambassador, relais, refused]);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('Lettres aux candidat·es de La Transfo — La Transfo 2027');
    expect(String(doc.catalog.lookup(PDFName.of('Lang')))).toContain('fr-FR');
    if (!hasPoppler) return;

    const pages = pdfText(pdf).split('\f').map(normal);
    expect(pages[0]).toContain('Bonjour Élodie Bernard,');
    expect(pages[0]).toContain('La première séance aura lieu le 12 janvier 2027.');
    expect(pages[1]).toContain('Bonjour Zoé Martin,');
    expect(pages[2]).toContain('Bonjour Karim Haddad,');
    expect(pages[2]).toContain('Motif : Votre direction est déjà représentée par trois ambassadeur·rices : nous devions équilibrer la promotion.');
    expect(pages.slice(0, 2).join(' ')).not.toContain('Motif');
    for (const page of pages.slice(0, 3)) expect(page).toContain('Camille Durand Lab d’innovation de la Ville de Paris');

    const dir = mkdtempSync(join(tmpdir(), 'atelier-letters-'));
    try {
      writeFileSync(join(dir, 'letters.pdf'), pdf);
      const fonts = execFileSync('pdffonts', [join(dir, 'letters.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      // The « emb » column says yes for every font.
      for (const line of fonts) expect(line).toMatch(/\byes\b/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('carries a long reason on to a next page rather than cutting it', async () => {
    const reason = Array.from({ length: 120 }, (_, i) => `raison${i}`).join(' et encore ');
    const pdf = await buildLetters([{ ...refused, reason }, relais]);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    if (!hasPoppler) return;
    const text = normal(pdfText(pdf));
    expect(text).toContain('raison0 et encore raison1');
    expect(text).toContain('raison119');
    // The next letter still starts a page of its own.
    expect(pdfText(pdf).split('\f').map(normal).at(-2)).toMatch(/^Ville de Paris — Lab d’innovation — La Transfo Paris, le 2 décembre 2026/u);
  });

  it('refuses an empty list, and a refusal without its reason before drawing anything', async () => {
    await expect(buildLetters([])).rejects.toThrow();
    await expect(buildLetters([ambassador, { ...refused, reason: null }])).rejects.toThrow(/reason/);
  });
});
