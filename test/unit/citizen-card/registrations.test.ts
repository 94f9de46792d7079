/**
 * Registrations: by a holder at the desk or by phone; one holder once per occurrence (one
 * record, its id derived from the occurrence and the holder); the statuses a person may set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registrationId } from '#core/citizen-card/ids.js';
import { outboxRows } from '../core/test-core.js';
import { ACTOR, cardWorld, type CardWorld } from './card-kit.js';

let world: CardWorld;
beforeEach(async () => {
  world = await cardWorld();
});
afterEach(async () => {
  await world.close();
});

describe('registrations', () => {
  it('registers a holder once per occurrence, shows the name and a masked card number, and computes first_timer', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier();
    const holder = await world.holder('Awa Diallo');
    const r = await core.must('citizen-card:register', { workshopId, holderId: holder.id, channel: 'phone', groups: ['qpv_resident', 'first_timer'] });
    expect(r).toMatchObject({
      id: registrationId(workshopId, holder.id),
      status: 'registered',
      channel: 'phone',
      holderName: 'Awa Diallo',
      maskedCardNumber: '•••• 0001',
      recordedBy: ACTOR,
      groups: ['first_timer', 'qpv_resident'],
    });
    expect(JSON.stringify(await core.must('citizen-card:registrations', { workshopId }))).not.toContain('PC000001');
    expect(await core.invoke('citizen-card:register', { workshopId, holderId: holder.id, channel: 'desk', groups: [] })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { holderId: 'validation.alreadyRegistered' } },
    });
    expect(core.sqlite.prepare('select count(*) from card_registrations').pluck().get()).toBe(1);
    // Cancelled, then registered again: the same record comes back.
    await core.must('citizen-card:set-status', { id: r.id, version: r.version, status: 'cancelled' });
    const back = await core.must('citizen-card:register', { workshopId, holderId: holder.id, channel: 'desk', groups: [] });
    expect(back).toMatchObject({ id: r.id, status: 'registered', channel: 'desk', version: 3 });
    expect(outboxRows(core.sqlite, r.id).map((e) => e.op)).toEqual(['create', 'update', 'update']);
  });

  it('first_timer is not given to a holder who attended an atelier before', async () => {
    const { core } = world;
    const first = await world.atelier();
    const holder = await world.holder();
    const r = await core.must('citizen-card:register', { workshopId: first.workshopId, holderId: holder.id, channel: 'desk', groups: [] });
    await core.must('citizen-card:check-in', { workshopId: first.workshopId, by: { method: 'registration', registrationId: r.id } });
    const second = await world.atelier({}, { title: 'Carte citoyenne — deuxième', startsAt: '2026-03-21T10:00', endsAt: '2026-03-21T12:00' });
    const again = await core.must('citizen-card:register', { workshopId: second.workshopId, holderId: holder.id, channel: 'desk', groups: ['first_timer'] });
    expect(again.groups).toEqual([]);
  });

  it('confirms while places remain, then refuses; cancels; refuses a change the rules do not allow', async () => {
    const { core } = world;
    const { workshopId } = await world.atelier({ places: 5 });
    const people = await world.registered(workshopId, 6);
    for (const { registration } of people.slice(0, 5)) {
      await core.must('citizen-card:set-status', { id: registration.id, version: registration.version, status: 'confirmed' });
    }
    const sixth = people[5]!.registration;
    expect(await core.invoke('citizen-card:set-status', { id: sixth.id, version: sixth.version, status: 'confirmed' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { status: 'validation.noPlaceLeft' } },
    });
    expect(await core.invoke('citizen-card:set-status', { id: sixth.id, version: sixth.version, status: 'attended' })).toMatchObject({
      ok: false,
      error: { fields: { status: 'validation.statusChange' } },
    });
    const firstView = (await core.must('citizen-card:registrations', { workshopId })).items.find((r) => r.id === people[0]!.registration.id)!;
    await core.must('citizen-card:set-status', { id: firstView.id, version: firstView.version, status: 'cancelled' });
    expect((await core.must('citizen-card:set-status', { id: sixth.id, version: sixth.version, status: 'confirmed' })).status).toBe('confirmed');
    expect(await world.statuses(workshopId)).toEqual({ confirmed: 5, cancelled: 1 });
    expect((await core.must('citizen-card:occurrence', { workshopId })).counts).toMatchObject({ confirmed: 5, cancelled: 1, free: 0 });
    // A stale version is a conflict, not a silent overwrite.
    expect(await core.invoke('citizen-card:set-status', { id: sixth.id, version: sixth.version, status: 'cancelled' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a registration to an occurrence without places set, or from a field laptop', async () => {
    const { core } = world;
    const holder = await world.holder();
    const bare = await core.must('workshops:create', { ...(await import('../core/test-core.js')).workshopFields({ kind: 'citizen_card_atelier' }) });
    expect(await core.invoke('citizen-card:register', { workshopId: bare.id, holderId: holder.id, channel: 'desk', groups: [] })).toMatchObject({
      ok: false,
      error: { fields: { workshopId: 'validation.occurrenceNotSet' } },
    });
    const { workshopId } = await world.atelier();
    await world.becomeField();
    expect(await core.invoke('citizen-card:register', { workshopId, holderId: holder.id, channel: 'desk', groups: [] })).toMatchObject({
      ok: false,
      error: { fields: { holderId: 'validation.labOnly' } },
    });
    expect(core.sqlite.prepare('select count(*) from card_registrations').pluck().get()).toBe(0);
  });
});
