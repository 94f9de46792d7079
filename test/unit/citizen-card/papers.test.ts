/**
 * The Citizen Card papers, read back as their readers read them: pdftotext for the words, and
 * the confirmations' QR codes decoded with zxing from the page as pdftoppm renders it (the
 * printed code, not the payload before drawing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCardPapers, type CardPapers } from '#core/citizen-card/papers.js';
import { buildCardSignInSheet, buildCertificates, buildConfirmations, walkInRows, type PaperOccurrence, type PaperPerson } from '#core/citizen-card/papers-pdf.js';
import { maskedCardNumber, registrationIdFromQr } from '#shared/citizen-card/card-number.js';
import { en, fr } from '#shared/i18n/catalogue.js';
import type { SqliteDatabase } from '#core/store/open-database.js';
import type { Database } from '#db/schema.js';
import type { Result } from '#shared/result.js';
import { openDataFolder } from '#test/support/vault.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { hasPoppler, overlappingWords, pdfText, pdfWords } from '../pdf/poppler.js';

const occurrence: PaperOccurrence = {
  title: 'Visite de l’Hôtel de Ville',
  startsAt: '2026-12-09T17:30:00.000Z',
  venueName: 'Hôtel de Ville',
  venueAddress: 'Place de l’Hôtel de Ville, 75004 Paris',
  places: 12,
  walkInsAllowed: false,
  durationMinutes: 90,
};

const wholeNumbers = ['PC0012345678', 'PC0099887766', 'AB77771234'];
const people: PaperPerson[] = [
  { registrationId: '6f1c2b9e-0d4a-4c1e-9a57-3b2d8e4f5a61', name: 'Zoé Martin', maskedCardNumber: maskedCardNumber(wholeNumbers[0]!) },
  { registrationId: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d', name: 'Élodie Bernard', maskedCardNumber: maskedCardNumber(wholeNumbers[1]!) },
  { registrationId: 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566', name: 'محمد علي', maskedCardNumber: maskedCardNumber(wholeNumbers[2]!) },
];

const bytesOf = (pdf: { base64: string }) => Buffer.from(pdf.base64, 'base64');
const normal = (text: string) => text.replace(/\s+/gu, ' ').trim();
const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim() !== '');

/** The literal words of a catalogue string, placeholders taken out. */
const literals = (text: string) =>
  text
    .split(/\{\{[^}]*\}\}/u)
    .map(normal)
    .filter((part) => part.length >= 4);
function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => (key === 'fileName' ? [] : leaves(value)));
}
/** The other language's words of the namespace that this one does not also use. */
function foreignWords(language: 'fr' | 'en'): string[] {
  const own = new Set(leaves(language === 'fr' ? fr.citizenCardDocs : en.citizenCardDocs).flatMap(literals));
  return [...new Set(leaves(language === 'fr' ? en.citizenCardDocs : fr.citizenCardDocs).flatMap(literals))].filter((w) => !own.has(w));
}

/** Page `page` rendered in grey levels (PGM, the simplest picture there is), then decoded by zxing. */
function decodeQr(pdf: Uint8Array, page: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-qr-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    execFileSync('pdftoppm', ['-gray', '-r', '144', '-f', String(page), '-l', String(page), '-singlefile', join(dir, 'doc.pdf'), join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page.pgm'));
    // Header: « P5 <width> <height> <max>\n » then one byte per pixel.
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!m) throw new Error('not a PGM');
    const [width, height] = [Number(m[1]), Number(m[2])];
    const pixels = new Uint8ClampedArray(pgm.subarray(m[0].length, m[0].length + width * height));
    const reader = new MultiFormatReader();
    reader.setHints(new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]));
    return reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, height)))).getText();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the blank rows of the sign-in sheet', () => {
  it('are the free places, at least three, and none without walk-ins', () => {
    expect(walkInRows(occurrence, 5)).toBe(0);
    expect(walkInRows({ ...occurrence, walkInsAllowed: true }, 5)).toBe(7);
    expect(walkInRows({ ...occurrence, walkInsAllowed: true }, 11)).toBe(3);
    expect(walkInRows({ ...occurrence, walkInsAllowed: true, places: null }, 0)).toBe(3);
  });
});

describe.skipIf(!hasPoppler).each(['fr', 'en'] as const)('the sign-in sheet in %s', (language) => {
  const c = language === 'fr' ? fr.citizenCardDocs : en.citizenCardDocs;

  it('lists the people expected by name with their masked card number, in the language asked', async () => {
    const sheet = await buildCardSignInSheet(occurrence, people, language);
    const bytes = bytesOf(sheet);
    const text = normal(pdfText(bytes));
    expect(sheet.pages).toBe(1);
    for (const words of [c.signInSheet.heading, c.signInSheet.name, c.signInSheet.card, c.signInSheet.signature].flatMap(literals)) expect(text).toContain(words);
    expect(text).toContain(occurrence.title);
    expect(text).toContain(language === 'fr' ? 'mercredi 9 décembre 2026' : 'Wednesday 9 December 2026');
    expect(text).toContain('75004 Paris');
    for (const p of people) expect(text).toContain(p.maskedCardNumber!.replace('•••• ', ''));
    // The whole numbers never print; the names come in alphabetical order.
    for (const n of wholeNumbers) expect(text).not.toContain(n);
    expect(text.indexOf('Élodie Bernard')).toBeLessThan(text.indexOf('Zoé Martin'));
    expect(text).toContain('محمد');
    expect(foreignWords(language).filter((w) => text.includes(w))).toEqual([]);
    expect(overlappingWords(bytes)).toEqual([]);
    expect(sheet.fileName).toBe(language === 'fr' ? 'emargement-carte-citoyenne-visite-de-l-hotel-de-ville.pdf' : 'citizen-card-sign-in-sheet-visite-de-l-hotel-de-ville.pdf');
  });

  it('adds numbered blank rows only when walk-ins are allowed, and goes on to a second page with its headings', async () => {
    // The row numbers: the words of the first column (left of x = 48 + 32 points), below the headings (« 3 personnes attendues » is above them).
    const rowNumbers = (s: { base64: string }) => pdfWords(bytesOf(s)).filter((w) => w.xMax < 80 && w.yMin > 170 && /^\d+$/.test(w.text)).map((w) => Number(w.text));
    const closed = await buildCardSignInSheet(occurrence, people, language);
    const open = await buildCardSignInSheet({ ...occurrence, walkInsAllowed: true }, people, language);
    expect(normal(pdfText(bytesOf(open)))).toContain(literals(c.signInSheet.walkIns)[0]!);
    expect(normal(pdfText(bytesOf(closed)))).not.toContain(literals(c.signInSheet.walkIns)[0]!);
    expect(rowNumbers(closed)).toEqual([1, 2, 3]);
    expect(rowNumbers(open)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 3 expected + the 9 free places

    const many = Array.from({ length: 50 }, (_, i) => ({ registrationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Personne ${String(i).padStart(2, '0')}`, maskedCardNumber: `•••• ${1000 + i}` }));
    const long = await buildCardSignInSheet({ ...occurrence, places: 50 }, many, language);
    expect(long.pages).toBe(2);
    const pages = pagesOf(pdfText(bytesOf(long)));
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain(c.signInSheet.signature);
    expect(normal(pages[1]!)).toContain('Personne 49');
    expect(normal(pages[1]!)).toContain(`Page 2 / 2`);
    expect(overlappingWords(bytesOf(long))).toEqual([]);
  });
});

describe.skipIf(!hasPoppler)('the certificates of attendance', () => {
  it('are in French whatever the language, one page per person with the atelier, its date, its venue and the name', async () => {
    const file = await buildCertificates(occurrence, people, new Date('2026-12-10T10:00:00Z'));
    const bytes = bytesOf(file);
    expect(file.pages).toBe(3);
    const pages = pagesOf(pdfText(bytesOf(file))).map(normal);
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Élodie Bernard');
    expect(pages[1]).toContain('Zoé Martin');
    expect(pages[2]).toContain('محمد');
    for (const page of pages) {
      expect(page).toContain(fr.citizenCardDocs.certificate.heading);
      expect(page).toContain(fr.citizenCardDocs.certificate.attended);
      expect(page).toContain(`« ${occurrence.title} »`);
      expect(page).toContain('le mercredi 9 décembre 2026, 18 h 30');
      expect(page).toContain('Hôtel de Ville, Place de l’Hôtel de Ville, 75004 Paris');
      expect(page).toContain('Durée : 90 minutes');
      expect(page).toContain('Fait à Paris, le 10 décembre 2026');
      expect(foreignWords('fr').filter((w) => page.includes(w))).toEqual([]);
    }
    // A certificate names the person, never their card.
    for (const n of [...wholeNumbers, '••••']) expect(pages.join(' ')).not.toContain(n);
    expect(overlappingWords(bytes)).toEqual([]);
    expect(file.fileName).toBe('attestations-visite-de-l-hotel-de-ville.pdf');
  });
});

describe.skipIf(!hasPoppler).each(['fr', 'en'] as const)('the confirmations in %s', (language) => {
  const c = language === 'fr' ? fr.citizenCardDocs : en.citizenCardDocs;

  it('print one page per person, with the atelier, its date and venue, the masked card number and a QR code that names the registration', async () => {
    const file = await buildConfirmations(occurrence, people, language);
    const bytes = bytesOf(file);
    expect(file.pages).toBe(3);
    const pages = pagesOf(pdfText(bytes)).map(normal);
    expect(pages).toHaveLength(3);
    const sorted = [people[1]!, people[0]!, people[2]!]; // Élodie, Zoé, محمد (the Latin script first)
    for (const [i, person] of sorted.entries()) {
      const page = pages[i]!;
      expect(page).toContain(c.confirmation.heading);
      expect(page).toContain(occurrence.title);
      expect(page).toContain(language === 'fr' ? 'mercredi 9 décembre 2026, 18 h 30' : 'Wednesday 9 December 2026, 18:30');
      expect(page).toContain('75004 Paris');
      expect(page).toContain(person.maskedCardNumber!);
      expect(page).toContain(person.registrationId.slice(0, 8).toUpperCase());
      for (const n of wholeNumbers) expect(page).not.toContain(n);
      expect(foreignWords(language).filter((w) => page.includes(w))).toEqual([]);
      // The printed code, read as the desk's camera reads it.
      const payload = decodeQr(bytes, i + 1);
      expect(payload).toBe(`ATELIER-CC:${person.registrationId}`);
      expect(registrationIdFromQr(payload)).toBe(person.registrationId);
    }
    expect(pages[0]).toContain('Élodie Bernard');
    expect(overlappingWords(bytes)).toEqual([]);
    expect(file.fileName).toBe('confirmations-visite-de-l-hotel-de-ville.pdf');
  });
});

describe.skipIf(!hasPoppler)('the papers of an occurrence, read from the core’s database', () => {
  const AT = '2026-11-20T10:00:00.000Z';
  const synced = { created_at: AT, updated_at: AT, version: 1, deleted_at: null as string | null };
  let core: TestCore;
  let rw: SqliteDatabase;
  let db: Kysely<Database>;
  let papers: CardPapers;
  let workshopId: string;
  let otherWorkshopId: string;
  const ids: Record<string, string> = {};

  function insert(table: string, row: Record<string, unknown>) {
    const cols = Object.keys(row);
    rw.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }
  /** A person, their holder and their registration in `status`; returns the registration id. */
  function registered(name: string | null, cardNumber: string, status: string, options: { deleted?: boolean; workshop?: string } = {}) {
    const personId = randomUUID();
    const holderId = randomUUID();
    const registrationId = randomUUID();
    insert('people', { id: personId, name, email: `${cardNumber.toLowerCase()}@example.org`, phone: '06 12 34 56 78', citizen_card_number: null, search_text: (name ?? '').toLowerCase(), ...synced });
    insert('card_holders', { id: holderId, person_id: personId, card_number: cardNumber, birth_year: 1980, arrondissement: 18, contact_consent: 1, contact_consent_at: AT, source: 'city_file', merged_into: null, listed_at: AT, ...synced });
    insert('card_registrations', {
      id: registrationId,
      workshop_id: options.workshop ?? workshopId,
      holder_id: holderId,
      channel: 'desk',
      status,
      groups: '[]',
      rank: null,
      registered_at: AT,
      status_changed_at: AT,
      recorded_by: 'Inès Lab',
      ...synced,
      deleted_at: options.deleted ? AT : null,
    });
    return registrationId;
  }

  beforeAll(async () => {
    core = await openTestCore();
    rw = await openDataFolder(core.dataDir, { readonly: false });
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: rw }) });
    papers = createCardPapers({ db, now: () => new Date('2026-12-10T10:00:00Z'), newId: randomUUID, emit: () => {} });
    const workshop = await core.must('workshops:create', workshopFields({ kind: 'citizen_card_atelier', title: 'Le Conseil de Paris', startsAt: '2026-12-09T18:30', endsAt: '2026-12-09T20:00', venueName: 'Hôtel de Ville', venueAddress: '5 rue de Lobau, 75004 Paris', capacity: null }));
    workshopId = workshop.id;
    otherWorkshopId = (await core.must('workshops:create', workshopFields())).id;
    const typeId = randomUUID();
    insert('card_atelier_types', { id: typeId, title: 'Le Conseil de Paris', description: '', theme: 'institutions', audience: 'adults', format: 'visit', duration_minutes: 120, accessibility: '[]', languages: '["fr"]', ...synced });
    insert('card_occurrences', { id: randomUUID(), workshop_id: workshopId, atelier_type_id: typeId, places: 10, reserved: '[]', walk_ins_allowed: 1, ...synced });
    ids.drawn = registered('Awa Diallo', 'PC0011112222', 'drawn');
    ids.confirmed = registered('Bruno Petit', 'PC0033334444', 'confirmed');
    ids.attended = registered('Chloé Roux', 'PC0055556666', 'attended');
    ids.attended2 = registered(null, 'PC0077778888', 'attended'); // an identity erased since
    ids.waiting = registered('Denis Waiting', 'PC0099990000', 'waiting');
    ids.cancelled = registered('Emma Cancelled', 'PC0012121212', 'cancelled');
    ids.registered = registered('Farid Registered', 'PC0034343434', 'registered');
    ids.removed = registered('Gaspard Removed', 'PC0056565656', 'confirmed', { deleted: true });
    ids.elsewhere = registered('Hugo Elsewhere', 'PC0078787878', 'confirmed', { workshop: randomUUID() });
  });
  afterAll(async () => {
    await db.destroy();
    await core.close();
  });

  const text = (r: Result<{ base64: string }>) => {
    if (!r.ok) throw new Error(r.error.message);
    return normal(pdfText(Buffer.from(r.value.base64, 'base64')));
  };
  const absent = ['Denis Waiting', 'Emma Cancelled', 'Farid Registered', 'Gaspard Removed', 'Hugo Elsewhere', '@example.org', '06 12 34 56 78', 'PC00'];

  it('the sign-in sheet lists those holding a place, masked, with blank rows since walk-ins are allowed', async () => {
    const sheet = text(await papers.signInSheet({ workshopId, locale: 'fr' }));
    for (const name of ['Awa Diallo', 'Bruno Petit', 'Chloé Roux', '•••• 8888', '•••• 2222', 'Places : 10', '4 personnes attendues', 'Lignes vides', '5 rue de Lobau']) expect(sheet).toContain(name);
    for (const word of absent) expect(sheet).not.toContain(word);
    expect(text(await papers.signInSheet({ workshopId, locale: 'en' }))).toContain('4 people expected');
  });

  it('certificates go to those who attended, in French, the others are refused', async () => {
    const all = await papers.certificates({ workshopId });
    expect(all.ok && all.value.pages).toBe(2);
    const certificates = text(all);
    expect(certificates).toContain('Chloé Roux');
    expect(certificates).toContain('Durée : 120 minutes');
    expect(certificates).toContain('Fait à Paris, le 10 décembre 2026');
    for (const word of [...absent, 'Awa Diallo', 'Bruno Petit', '••••']) expect(certificates).not.toContain(word);
    const one = await papers.certificates({ workshopId, registrationIds: [ids.attended!] });
    expect(one.ok && one.value.pages).toBe(1);
    expect((await papers.certificates({ workshopId, registrationIds: [ids.attended!, ids.confirmed!] })).ok).toBe(false);
    const nobody = await papers.certificates({ workshopId: otherWorkshopId });
    expect(!nobody.ok && nobody.error.code).toBe('not_found');
  });

  it('confirmations go to the drawn and the confirmed, each with the QR code of their registration', async () => {
    const result = await papers.confirmations({ workshopId, locale: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pages).toBe(2);
    const bytes = Buffer.from(result.value.base64, 'base64');
    const pages = pagesOf(pdfText(bytes)).map(normal);
    expect(pages[0]).toContain('Awa Diallo');
    expect(pages[1]).toContain('Bruno Petit');
    for (const word of [...absent, 'Chloé Roux']) expect(pages.join(' ')).not.toContain(word);
    expect(decodeQr(bytes, 1)).toBe(`ATELIER-CC:${ids.drawn}`);
    expect(decodeQr(bytes, 2)).toBe(`ATELIER-CC:${ids.confirmed}`);
  });

  it('a workshop of another kind, or one with nobody to confirm, prints nothing', async () => {
    for (const r of [await papers.signInSheet({ workshopId: otherWorkshopId, locale: 'fr' }), await papers.confirmations({ workshopId: otherWorkshopId, locale: 'fr' })]) {
      expect(!r.ok && r.error.code).toBe('not_found');
    }
    const empty = (await core.must('workshops:create', workshopFields({ kind: 'citizen_card_atelier' }))).id;
    const none = await papers.confirmations({ workshopId: empty, locale: 'fr' });
    expect(!none.ok && none.error.code).toBe('invalid_transition');
    // Without its settings yet, the sheet still prints: no places said, no blank rows.
    expect(text(await papers.signInSheet({ workshopId: empty, locale: 'fr' }))).toContain('0 personne attendue');
  });
});
