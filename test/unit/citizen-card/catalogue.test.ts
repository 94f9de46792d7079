/**
 * The catalogue: atelier types and their dated occurrences (workshops of the Citizen Card kind
 * with their places), prepared by the lab; one settings record per occurrence, whatever laptop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { occurrenceSettingsId } from '#core/citizen-card/ids.js';
import { outboxRows, workshopFields } from '../core/test-core.js';
import { cardWorld, type CardWorld } from './card-kit.js';

let world: CardWorld;
beforeEach(async () => {
  world = await cardWorld();
});
afterEach(async () => {
  await world.close();
});

describe('the Citizen Card catalogue', () => {
  it('keeps atelier types, lists them by title, and refuses a stale edit', async () => {
    const { core } = world;
    const b = await world.type('Visite de l’Hôtel de Ville');
    const a = await world.type('Atelier budget participatif');
    expect((await core.must('citizen-card:types', {})).items.map((t) => t.title)).toEqual(['Atelier budget participatif', 'Visite de l’Hôtel de Ville']);
    const edited = await core.must('citizen-card:save-type', { id: a.id, version: a.version, fields: { ...a, title: 'Atelier du budget', description: '' } });
    expect(edited).toMatchObject({ id: a.id, version: 2, title: 'Atelier du budget' });
    expect(await core.invoke('citizen-card:save-type', { id: a.id, version: 1, fields: { ...a, title: 'Encore', description: '' } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.invoke('citizen-card:save-type', { fields: { ...b, durationMinutes: 5, languages: [], description: '' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.durationMinutes': 'validation.min:15', 'fields.languages': 'validation.required' } },
    });
    expect(core.events.some((e) => e.name === 'citizen-card:changed')).toBe(true);
  });

  it('gives an occurrence its places, reserved places and walk-in rule, in one record whose id comes from the workshop', async () => {
    const { core } = world;
    const { workshopId, occurrence, type } = await world.atelier({ places: 12, reserved: [{ group: 'qpv_resident', places: 3 }], walkInsAllowed: true });
    expect(occurrence.settings).toMatchObject({ id: occurrenceSettingsId(workshopId), places: 12, reserved: [{ group: 'qpv_resident', places: 3 }], walkInsAllowed: true });
    expect(occurrence.atelierType?.id).toBe(type.id);
    expect(occurrence.counts).toMatchObject({ registered: 0, free: 12 });
    const again = await core.must('citizen-card:save-occurrence', {
      workshopId,
      version: occurrence.settings!.version,
      fields: { atelierTypeId: type.id, places: 15, reserved: [], walkInsAllowed: false },
    });
    expect(again.settings).toMatchObject({ id: occurrenceSettingsId(workshopId), version: 2, places: 15 });
    expect(core.sqlite.prepare('select count(*) from card_occurrences').pluck().get()).toBe(1);
    // The record travels: one create, then one update with the changed fields only.
    const entries = outboxRows(core.sqlite, occurrenceSettingsId(workshopId));
    expect(entries.map((e) => e.op)).toEqual(['create', 'update']);
    expect(Object.keys(entries[1]!.fields).sort()).toEqual(['places', 'reserved', 'walkInsAllowed']);
    const listed = await core.must('citizen-card:occurrences', { from: '2026-03-01' });
    expect(listed.items.map((o) => o.workshop.id)).toEqual([workshopId]);
    expect((await core.must('citizen-card:occurrences', { from: '2026-03-15' })).items).toEqual([]);
    expect((await core.must('citizen-card:occurrences', { atelierTypeId: type.id })).items).toHaveLength(1);
  });

  it('refuses places out of 5–50, reserved places over the places, an unknown type, and another kind of workshop', async () => {
    const { core } = world;
    const { workshopId, type } = await world.atelier();
    const save = (fields: Partial<{ places: number; reserved: { group: 'disability' | 'young_people' | 'qpv_resident'; places: number }[]; atelierTypeId: string }>) =>
      core.invoke('citizen-card:save-occurrence', { workshopId, fields: { atelierTypeId: type.id, places: 10, reserved: [], walkInsAllowed: false, ...fields } });
    expect(await save({ places: 4 })).toMatchObject({ ok: false, error: { fields: { 'fields.places': 'validation.min:5' } } });
    expect(await save({ places: 51 })).toMatchObject({ ok: false, error: { fields: { 'fields.places': 'validation.max:50' } } });
    expect(await save({ places: 6, reserved: [{ group: 'disability', places: 4 }, { group: 'young_people', places: 3 }] })).toMatchObject({
      ok: false,
      error: { fields: { 'fields.reserved': 'validation.reservedOverPlaces' } },
    });
    expect(await save({ atelierTypeId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { fields: { 'fields.atelierTypeId': 'validation.atelierTypeUnknown' } } });
    const pb = await core.must('workshops:create', workshopFields());
    expect(await core.invoke('citizen-card:save-occurrence', { workshopId: pb.id, fields: { atelierTypeId: type.id, places: 10, reserved: [], walkInsAllowed: false } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { workshopId: 'validation.featureNotOffered' } },
    });
    expect(core.sqlite.prepare('select places from card_occurrences').pluck().all()).toEqual([10]);
  });

  it('keeps a type used by an upcoming atelier, and removes it once unused', async () => {
    const { core } = world;
    const { type } = await world.atelier();
    expect(await core.invoke('citizen-card:remove-type', { id: type.id, version: type.version })).toMatchObject({ ok: false, error: { fields: { id: 'validation.atelierTypeInUse' } } });
    const unused = await world.type('Rencontre avec les élus');
    expect(await core.must('citizen-card:remove-type', { id: unused.id, version: unused.version })).toMatchObject({ deletedAt: expect.any(String) });
    expect((await core.must('citizen-card:types', {})).items.map((t) => t.id)).not.toContain(unused.id);
  });

  it('is written from lab desktops only: a field laptop is refused, nothing written', async () => {
    const { core } = world;
    await world.becomeField();
    const before = outboxRows(core.sqlite).length;
    expect(await core.invoke('citizen-card:save-type', { fields: { title: 'X', description: '', theme: 'other', audience: 'adults', format: 'visit', durationMinutes: 60, accessibility: [], languages: ['fr'] } })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'fields.title': 'validation.labOnly' } },
    });
    expect(outboxRows(core.sqlite)).toHaveLength(before);
  });
});
