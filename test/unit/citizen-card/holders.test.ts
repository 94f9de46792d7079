/**
 * The holders on a real database: typed at the desk, imported from the City's file chunk by
 * chunk (re-import: changed ones updated, unchanged ones left alone), found as you type by a
 * word of the name or the start of the card number, their history on lab desktops only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { personCodec } from '#core/attendance/attendance.codecs.js';
import { runWrite } from '#core/store/synced-write.js';
import { holderImportHeaderInputSchema } from '#shared/citizen-card/citizen-card.schema.js';
import { cityLine, holdersWorld, IMPORT_HEADER, must, type HoldersWorld } from './holders-kit.js';

const IMPORT = '5b0c1c1e-7a1f-4c59-9a43-3f1d2b6f0a01';
const IMPORT_2 = '5b0c1c1e-7a1f-4c59-9a43-3f1d2b6f0a02';
const IMPORT_3 = '5b0c1c1e-7a1f-4c59-9a43-3f1d2b6f0a03';

let world: HoldersWorld;
afterEach(async () => {
  await world?.close();
});

const desk = { cardNumber: 'ab 12 34 56', name: 'Zénobie Marchetti', birthYear: 1984, arrondissement: 18, email: 'zenobie@exemple.fr', phone: '', contactConsent: true };

describe('a holder typed at the desk', () => {
  it('is a person (name, contacts, card) and a holder (card, birth year, arrondissement, consent with its date)', async () => {
    world = await holdersWorld();
    const h = must(await world.save({ fields: desk }));
    expect(h).toMatchObject({ cardNumber: 'AB123456', name: 'Zénobie Marchetti', email: 'zenobie@exemple.fr', phone: null, birthYear: 1984, arrondissement: 18 });
    expect(h).toMatchObject({ contactConsent: true, contactConsentAt: '2026-03-01T09:00:00.000Z', source: 'desk', mergedInto: null, listedAt: null, version: 1 });
    expect(world.sqlite.prepare('select name, citizen_card_number from people where id = ?').get(h.personId)).toEqual({ name: 'Zénobie Marchetti', citizen_card_number: 'AB123456' });
    expect(world.count("select count(*) from outbox where entity in ('person', 'card_holder') and op = 'create'")).toBe(2);
  });

  it('refuses a card number another live holder has; an update needs the version it was read at', async () => {
    world = await holdersWorld();
    const h = must(await world.save({ fields: desk }));
    const twice = await world.save({ fields: { ...desk, name: 'Autre Personne', cardNumber: 'AB-123456' } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'fields.cardNumber': 'validation.cardNumberTaken' } } });
    world.setNow('2026-03-02T10:00:00.000Z');
    const updated = must(await world.save({ id: h.id, version: 1, fields: { ...desk, name: 'Zénobie Marchetti-Roux', contactConsent: false } }));
    expect(updated).toMatchObject({ name: 'Zénobie Marchetti-Roux', contactConsent: false, contactConsentAt: null, version: 2 });
    const stale = await world.save({ id: h.id, version: 1, fields: desk });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Saving what it already holds writes nothing.
    const outbox = world.count('select count(*) from outbox');
    must(await world.save({ id: h.id, version: 2, fields: { ...desk, name: 'Zénobie Marchetti-Roux', contactConsent: false } }));
    expect(world.count('select count(*) from outbox')).toBe(outbox);
  });
});

describe('the search as you type', () => {
  it('finds by the start of any word of the name or e-mail (accents and case ignored) and by the start of the card number', async () => {
    world = await holdersWorld();
    const z = must(await world.save({ fields: desk }));
    const l = must(await world.save({ fields: { ...desk, cardNumber: 'AB129999', name: 'Léa Martin', email: 'lea.martin@exemple.fr' } }));
    const ids = async (q: string) => must(await world.search(q)).items.map((h) => h.id);
    expect(await ids('zeno')).toEqual([z.id]);
    expect(await ids('MARCH')).toEqual([z.id]);
    expect(await ids('lea mart')).toEqual([l.id]);
    expect(await ids('martin lé')).toEqual([l.id]);
    expect(await ids('exemple')).toEqual([l.id, z.id]);
    expect(await ids('ab12')).toEqual([l.id, z.id]);
    // The exact number first.
    expect(await ids('AB 12-34-56')).toEqual([z.id]);
    expect(await ids('AB1299')).toEqual([l.id]);
    expect(await ids('rtin')).toEqual([]);
    expect(await ids('  ')).toEqual([]);
    expect(must(await world.search('exemple', 1))).toMatchObject({ total: 2, truncated: true });
  });

  it('follows a change and an erasure of the name (the index holds no word of an erased person)', async () => {
    world = await holdersWorld();
    const z = must(await world.save({ fields: desk }));
    must(await world.save({ id: z.id, version: 1, fields: { ...desk, name: 'Zénobie Roux' } }));
    expect(must(await world.search('marchetti')).items).toEqual([]);
    expect(must(await world.search('roux')).items.map((h) => h.id)).toEqual([z.id]);
    must(await runWrite(world.deps, (w) => w.wipe(personCodec, z.personId)));
    expect(must(await world.search('roux')).items).toEqual([]);
    expect(world.count("select count(*) from people_search where people_search match 'roux'")).toBe(0);
    expect(world.count("select count(*) from people_search where people_search match 'zenobie'")).toBe(0);
  });
});

describe('the City’s file', () => {
  it('maps the header, refuses a chunk whose file lacks a required column', async () => {
    world = await holdersWorld();
    expect(must(await world.holders.importHeader(holderImportHeaderInputSchema.parse({ header: IMPORT_HEADER })))).toEqual({
      columns: { cardNumber: 0, lastName: 1, firstName: 2, birthYear: 3, arrondissement: 4, email: 5, phone: 6, contactConsent: 7 },
      missing: [],
    });
    const refused = await world.import({ importId: IMPORT, firstLine: 2, header: ['Nom', 'Courriel'], lines: ['Dupont;d@exemple.fr'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', fields: { header: 'validation.required' } } });
  });

  it('imports the good lines in one transaction per chunk, reports each bad one, announces the change once', async () => {
    world = await holdersWorld();
    const lines = [
      cityLine('AB123456', 'Marchetti', 'Zénobie', { year: '1984', arr: '18e', email: 'zenobie@exemple.fr', consent: 'oui' }),
      cityLine('CD654321', 'Martin', 'Léa', { year: '14/03/1990', arr: '75011' }),
      cityLine('??', 'Sans', 'Carte'),
      cityLine('EF111111', 'Ok', 'Paul', { email: 'pas-un-courriel' }),
      cityLine('ab-123456', 'Marchetti', 'Zénobie'),
    ];
    const result = must(await world.import({ importId: IMPORT, firstLine: 2, lines }));
    expect(result).toEqual({
      imported: 2,
      updated: 0,
      unchanged: 0,
      refused: [
        { line: 4, reason: 'cardNumber', value: '??' },
        { line: 5, reason: 'email', value: 'pas-un-courriel' },
        { line: 6, reason: 'duplicateInFile', value: '2' },
      ],
    });
    const z = must(await world.search('AB123456')).items[0]!;
    expect(z).toMatchObject({ name: 'Zénobie Marchetti', birthYear: 1984, arrondissement: 18, contactConsent: true, source: 'city_file', listedAt: '2026-03-01T09:00:00.000Z' });
    expect(must(await world.search('martin')).items[0]).toMatchObject({ birthYear: 1990, arrondissement: 11, contactConsent: false, email: null });
    expect(world.events.map((e) => e.name).sort()).toEqual(['attendance:changed', 'citizen-card:changed']);
    expect(world.events.every((e) => (e.payload as { id: string }).id === '*')).toBe(true);
  });

  it('re-imported: a changed holder is updated (what changed only), an unchanged one is left alone, an empty cell erases nothing', async () => {
    world = await holdersWorld();
    const first = [
      cityLine('AB123456', 'Marchetti', 'Zénobie', { year: '1984', arr: '18', email: 'zenobie@exemple.fr', phone: '0612345678', consent: 'oui' }),
      cityLine('CD654321', 'Martin', 'Léa', { year: '1990', arr: '11' }),
    ];
    must(await world.import({ importId: IMPORT, firstLine: 2, lines: first }));
    const outbox = world.count('select count(*) from outbox');
    world.setNow('2026-03-10T09:00:00.000Z');
    const again = must(
      await world.import({
        importId: IMPORT_2,
        firstLine: 2,
        lines: [
          cityLine('AB123456', 'Marchetti', 'Zénobie', { arr: '19', consent: 'non' }),
          first[1]!,
          cityLine('GH000001', 'Nouveau', 'Noé'),
          cityLine('IJ000002', 'Durand', 'Inès', { email: 'ines@exemple.fr' }),
        ],
      }),
    );
    expect(again).toEqual({ imported: 2, updated: 1, unchanged: 1, refused: [] });
    const z = must(await world.search('AB123456')).items[0]!;
    // The empty cells (year, e-mail, phone) kept what was known.
    expect(z).toMatchObject({ birthYear: 1984, arrondissement: 19, email: 'zenobie@exemple.fr', phone: '0612345678', contactConsent: false, contactConsentAt: null, version: 2 });
    expect(z.listedAt).toBe('2026-03-10T09:00:00.000Z');
    // One update (the holder) for Zénobie, a person and a holder for Noé and for Inès; nothing for Léa.
    const entries = world.sqlite.prepare('select entity, op, payload from outbox order by seq').all().slice(outbox) as { entity: string; op: string; payload: string }[];
    expect(entries.map((e) => `${e.entity} ${e.op}`)).toEqual(['card_holder update', 'person create', 'person create', 'card_holder create', 'card_holder create']);
    expect(Object.keys(JSON.parse(entries[0]!.payload) as object).sort()).toEqual(['arrondissement', 'contactConsent', 'contactConsentAt', 'listedAt']);
    // A name or an e-mail that changes is the person's change.
    world.setNow('2026-03-11T09:00:00.000Z');
    const third = must(await world.import({ importId: IMPORT_3, firstLine: 2, lines: [cityLine('IJ000002', 'Durand-Roux', 'Inès', { email: 'ines.roux@exemple.fr' })] }));
    expect(third).toEqual({ imported: 0, updated: 1, unchanged: 0, refused: [] });
    const ines = must(await world.search('IJ000002')).items[0]!;
    expect(ines).toMatchObject({ name: 'Inès Durand-Roux', email: 'ines.roux@exemple.fr', listedAt: '2026-03-11T09:00:00.000Z' });
    expect(must(await world.search('roux ines')).items.map((h) => h.id)).toEqual([ines.id]);
    const last = world.sqlite.prepare("select entity, payload from outbox where entity = 'person' order by seq desc limit 1").get() as { payload: string };
    expect(Object.keys(JSON.parse(last.payload) as object).sort()).toEqual(['email', 'name']);
  });

  it('an import more than 30 days after the last refreshes listedAt of every holder it lists (the retention clock), and counts them unchanged', async () => {
    world = await holdersWorld();
    const lines = [cityLine('AB123456', 'Marchetti', 'Zénobie'), cityLine('CD654321', 'Martin', 'Léa')];
    must(await world.import({ importId: IMPORT, firstLine: 2, lines }));
    world.setNow('2026-04-15T09:00:00.000Z');
    expect(must(await world.import({ importId: IMPORT_2, firstLine: 2, lines }))).toMatchObject({ imported: 0, updated: 0, unchanged: 2 });
    expect(world.sqlite.prepare('select listed_at from card_holders').pluck().all()).toEqual(['2026-04-15T09:00:00.000Z', '2026-04-15T09:00:00.000Z']);
  });
});

describe('a holder’s history', () => {
  it('lists the ateliers, attended and no-shows, on a lab desktop; a field laptop is refused', async () => {
    world = await holdersWorld();
    const h = must(await world.save({ fields: desk }));
    const march = await world.atelier('Visite de l’Hôtel de Ville', '2026-03-20T10:00', '2026-03-20T12:00');
    const april = await world.atelier('Le Conseil de Paris', '2026-04-20T10:00', '2026-04-20T12:00');
    const may = await world.atelier('Les élus', '2026-05-20T10:00', '2026-05-20T12:00');
    await world.register(march.id, h.id, 'attended');
    await world.register(april.id, h.id, 'no_show');
    await world.register(may.id, h.id, 'waiting');
    const history = must(await world.holders.history({ id: h.id }));
    expect(history.registrations.map((r) => [r.workshopTitle, r.status])).toEqual([
      ['Les élus', 'waiting'],
      ['Le Conseil de Paris', 'no_show'],
      ['Visite de l’Hôtel de Ville', 'attended'],
    ]);
    expect(history).toMatchObject({ attended: 1, noShows: 1, holder: { id: h.id } });
    world.sqlite.prepare("insert into device_meta (key, value) values ('portal_role', 'field')").run();
    expect(await world.holders.history({ id: h.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
