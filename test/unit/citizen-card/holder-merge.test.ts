/**
 * Two records of one person: found (same card number, same name and birth year, same e-mail)
 * and merged with care — registrations move unless the kept holder has one for that occurrence,
 * no attendance is lost, the merged one's personal data is wiped through the funnel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCitizenCardService } from '#core/citizen-card/citizen-card.service.js';
import { atelierTypeSaveInputSchema, occurrenceSaveInputSchema, registerInputSchema } from '#shared/citizen-card/citizen-card.schema.js';
import { findInDatabase } from '../people/rights-kit.js';
import { holdersWorld, must, type HoldersWorld } from './holders-kit.js';

let world: HoldersWorld;
afterEach(async () => {
  await world?.close();
});

const base = { birthYear: 1984, arrondissement: 18, email: '', phone: '', contactConsent: false };

describe('duplicates', () => {
  it('pairs holders with one card number, one name and birth year, or one e-mail — each pair once, the oldest first', async () => {
    world = await holdersWorld();
    const a = must(await world.save({ fields: { ...base, cardNumber: 'AB123456', name: 'Zénobie Marchetti', email: 'z@exemple.fr' } }));
    world.setNow('2026-03-01T10:00:00.000Z');
    // Recorded on another laptop before a sync: same card, same name and birth year, same e-mail.
    const b = await world.holderFromElsewhere('AB123456', 'Zenobie MARCHETTI', { birthYear: 1984, email: 'Z@exemple.fr' });
    const c = must(await world.save({ fields: { ...base, cardNumber: 'CD999999', name: 'Zénobie Marchetti', birthYear: 1984 } }));
    const d = must(await world.save({ fields: { ...base, cardNumber: 'EF999999', name: 'Autre', birthYear: null, email: 'z@exemple.fr' } }));
    must(await world.save({ fields: { ...base, cardNumber: 'GH999999', name: 'Zénobie Marchetti', birthYear: 1985 } }));
    const { items } = must(await world.holders.duplicates());
    expect(items.map((p) => [p.a.id, p.b.id, p.reason])).toEqual([
      [a.id, b.id, 'same_card_number'],
      [a.id, c.id, 'same_name_birth_year'],
      [a.id, d.id, 'same_email'],
    ]);
  });
});

describe('a merge', () => {
  it('moves registrations and attendances to the kept holder, carries an attendance of a shared occurrence, wipes the other', async () => {
    world = await holdersWorld();
    const keep = must(await world.save({ fields: { ...base, cardNumber: 'AB123456', name: 'Zénobie Marchetti', birthYear: null } }));
    const gone = await world.holderFromElsewhere('AB123456', 'Zénobie Marchettti-Oulhadj', { birthYear: 1984, email: 'zenobie.oulhadj@exemple.fr' });
    const [one, two, shared] = [await world.atelier('Visite 1'), await world.atelier('Visite 2'), await world.atelier('Visite 3')];
    const moved = await world.register(one.id, gone.id, 'attended');
    const movedToo = await world.register(two.id, gone.id, 'waiting');
    const keptReg = await world.register(shared.id, keep.id, 'no_show');
    const goneReg = await world.register(shared.id, gone.id, 'attended');
    const meeting = await world.atelier('Réunion publique');
    const attendance = await world.attend(meeting.id, gone.personId);
    const attendanceToo = await world.attend(meeting.id, keep.personId);

    const kept = must(await world.merge(keep, gone));
    // What the kept one lacked, it takes; its own name stays.
    expect(kept).toMatchObject({ id: keep.id, name: 'Zénobie Marchetti', birthYear: 1984, email: 'zenobie.oulhadj@exemple.fr', cardNumber: 'AB123456' });

    const reg = (id: string) => world.sqlite.prepare('select holder_id, status from card_registrations where id = ?').get(id);
    expect(reg(moved.id)).toEqual({ holder_id: keep.id, status: 'attended' });
    expect(reg(movedToo.id)).toEqual({ holder_id: keep.id, status: 'waiting' });
    // The shared occurrence: the kept one's registration stays and takes the attendance.
    expect(reg(keptReg.id)).toEqual({ holder_id: keep.id, status: 'attended' });
    expect(reg(goneReg.id)).toEqual({ holder_id: gone.id, status: 'attended' });
    const history = must(await world.holders.history({ id: keep.id }));
    expect(history).toMatchObject({ attended: 2, noShows: 0 });
    expect(history.registrations).toHaveLength(3);
    // Ordinary attendances follow the person.
    const personOf = (id: string) => world.sqlite.prepare('select person_id from attendances where id = ?').pluck().get(id);
    expect([personOf(attendance.id), personOf(attendanceToo.id)]).toEqual([keep.personId, keep.personId]);

    // The merged holder names the kept one and holds no personal data; its person is wiped and removed.
    expect(world.sqlite.prepare('select merged_into, card_number, birth_year, arrondissement from card_holders where id = ?').get(gone.id)).toEqual({
      merged_into: keep.id,
      card_number: null,
      birth_year: null,
      arrondissement: null,
    });
    const person = world.sqlite.prepare('select name, email, phone, citizen_card_number, deleted_at from people where id = ?').get(gone.personId) as Record<string, unknown>;
    expect(person).toMatchObject({ name: null, email: null, phone: null, citizen_card_number: null });
    expect(person.deleted_at).not.toBeNull();
    // Its name is nowhere, not even in the queued changes (the e-mail was taken by the kept one).
    expect(findInDatabase(world.sqlite, ['Marchettti', 'marchettti'])).toEqual([]);
    expect(must(await world.search('AB1234')).items.map((h) => h.id)).toEqual([keep.id]);
    expect(must(await world.search('oulhadj')).items.map((h) => h.id)).toEqual([keep.id]);

    // The kept holder cannot be registered again for an occurrence a moved registration holds
    // (the moved one keeps its own id, which the draw names).
    const card = createCitizenCardService({ ...world.deps, actor: () => 'Inès Lab' });
    const type = must(
      await card.saveType(
        atelierTypeSaveInputSchema.parse({
          fields: { title: 'Visite', description: '', theme: 'hotel_de_ville_visit', audience: 'adults', format: 'visit', durationMinutes: 90, accessibility: [], languages: ['fr'] },
        }),
      ),
    );
    must(await card.saveOccurrence(occurrenceSaveInputSchema.parse({ workshopId: two.id, fields: { atelierTypeId: type.id, places: 10, reserved: [], walkInsAllowed: false } })));
    const again = await card.register(registerInputSchema.parse({ workshopId: two.id, holderId: keep.id, channel: 'desk', groups: [] }));
    expect(again).toMatchObject({ ok: false, error: { fields: { holderId: 'validation.alreadyRegistered' } } });
    expect(must(await world.holders.duplicates()).items).toEqual([]);
  });

  it('is refused when either side changed since it was read, and leaves everything as it was', async () => {
    world = await holdersWorld();
    const keep = must(await world.save({ fields: { ...base, cardNumber: 'AB123456', name: 'Zénobie Marchetti' } }));
    const gone = await world.holderFromElsewhere('AB123456', 'Zénobie M.');
    const atelier = await world.atelier('Visite');
    const r = await world.register(atelier.id, gone.id, 'drawn');
    const outbox = world.count('select count(*) from outbox');
    expect(await world.merge(keep, { ...gone, version: gone.version + 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await world.merge(keep, keep)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(world.count('select count(*) from outbox')).toBe(outbox);
    expect(world.sqlite.prepare('select holder_id from card_registrations where id = ?').pluck().get(r.id)).toBe(gone.id);
    // Once merged, a second merge of the same finds nothing to merge.
    must(await world.merge(keep, gone));
    const again = must(await world.holders.history({ id: keep.id })).holder;
    expect(await world.merge(again, { ...gone, version: gone.version + 2 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
