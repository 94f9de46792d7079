/**
 * The day: check-in by card number (typed or read), by a registration chosen in the list, or
 * by the QR code of the confirmation; walk-ins only when the lab allows them and a place is
 * free; everyone drawn or confirmed and not arrived becomes a no-show.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmationQrPayload } from '#shared/citizen-card/card-number.js';
import { cardWorld, type CardWorld } from './card-kit.js';

let world: CardWorld;
beforeEach(async () => {
  world = await cardWorld();
});
afterEach(async () => {
  await world.close();
});

async function drawnAtelier(places = 5, registered = 7, walkInsAllowed = false) {
  const { core } = world;
  const { workshopId } = await world.atelier({ places, walkInsAllowed });
  const people = await world.registered(workshopId, registered);
  await core.must('citizen-card:announce-draw', { workshopId, drawDate: '2026-03-05' });
  await core.must('citizen-card:draw', { workshopId });
  const list = (await core.must('citizen-card:registrations', { workshopId })).items;
  const byId = new Map(people.map((p) => [p.registration.id, p.holder]));
  const drawn = list.filter((r) => r.status === 'drawn').map((r) => ({ registration: r, holder: byId.get(r.id)! }));
  const waiting = list.filter((r) => r.status === 'waiting').map((r) => ({ registration: r, holder: byId.get(r.id)! }));
  return { workshopId, drawn, waiting };
}

describe('check-in', () => {
  it('checks in by card number (any spelling), by QR code and by registration, once', async () => {
    const { core } = world;
    const { workshopId, drawn } = await drawnAtelier();
    const [a, b, c] = drawn;
    const spelled = `${a!.holder.cardNumber!.slice(0, 2).toLowerCase()} ${a!.holder.cardNumber!.slice(2, 5)}-${a!.holder.cardNumber!.slice(5)}`;
    expect(await core.must('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: spelled } })).toMatchObject({ id: a!.registration.id, status: 'attended' });
    expect(await core.must('citizen-card:check-in', { workshopId, by: { method: 'qr', payload: confirmationQrPayload(b!.registration.id).toUpperCase().replace('ATELIER-CC:', 'ATELIER-CC:') } })).toMatchObject({
      id: b!.registration.id,
      status: 'attended',
    });
    expect(await core.must('citizen-card:check-in', { workshopId, by: { method: 'registration', registrationId: c!.registration.id } })).toMatchObject({ status: 'attended' });
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'qr', payload: confirmationQrPayload(b!.registration.id) } })).toMatchObject({
      ok: false,
      error: { fields: { 'by.payload': 'validation.alreadyAttended' } },
    });
    expect(await world.statuses(workshopId)).toMatchObject({ attended: 3, drawn: 2 });
  });

  it('says why it cannot: unknown card, not our QR code, not registered here, no place held', async () => {
    const { core } = world;
    const { workshopId, waiting } = await drawnAtelier();
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: 'ZZ999999' } })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { 'by.cardNumber': 'validation.unknownCard' } },
    });
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: 'ab' } })).toMatchObject({
      ok: false,
      error: { fields: { 'by.cardNumber': 'validation.cardNumber' } },
    });
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'qr', payload: 'https://example.org/' } })).toMatchObject({
      ok: false,
      error: { fields: { 'by.payload': 'validation.notACardQr' } },
    });
    const stranger = await world.holder();
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: stranger.cardNumber! } })).toMatchObject({
      ok: false,
      error: { fields: { 'by.cardNumber': 'validation.notRegisteredHere' } },
    });
    expect(await core.invoke('citizen-card:check-in', { workshopId, by: { method: 'qr', payload: confirmationQrPayload(waiting[0]!.registration.id) } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_transition', fields: { 'by.payload': 'validation.noPlaceHeld' } },
    });
    expect(await world.statuses(workshopId)).toEqual({ drawn: 5, waiting: 2 });
  });

  it('takes a walk-in only when allowed and a place is free', async () => {
    const { core } = world;
    const closed = await drawnAtelier(5, 6, false);
    const someone = await world.holder();
    expect(await core.invoke('citizen-card:walk-in', { workshopId: closed.workshopId, holderId: someone.id })).toMatchObject({
      ok: false,
      error: { fields: { holderId: 'validation.walkInsNotAllowed' } },
    });

    const open = await drawnAtelier(5, 5, true);
    const walker = await world.holder('Nadia Walk');
    expect(await core.invoke('citizen-card:walk-in', { workshopId: open.workshopId, holderId: walker.id })).toMatchObject({
      ok: false,
      error: { fields: { holderId: 'validation.noPlaceLeft' } },
    });
    const leaving = open.drawn[0]!.registration;
    await core.must('citizen-card:set-status', { id: leaving.id, version: leaving.version, status: 'cancelled' });
    expect(await core.must('citizen-card:walk-in', { workshopId: open.workshopId, holderId: walker.id })).toMatchObject({ status: 'attended', channel: 'desk', holderName: 'Nadia Walk' });
    expect((await core.must('citizen-card:occurrence', { workshopId: open.workshopId })).counts).toMatchObject({ attended: 1, drawn: 4, free: 0 });
  });

  it('marks everyone drawn or confirmed and not arrived as a no-show; a late arrival is still checked in', async () => {
    const { core } = world;
    const { workshopId, drawn } = await drawnAtelier(5, 7);
    await core.must('citizen-card:check-in', { workshopId, by: { method: 'registration', registrationId: drawn[0]!.registration.id } });
    const confirmed = drawn[1]!.registration;
    await core.must('citizen-card:set-status', { id: confirmed.id, version: confirmed.version, status: 'confirmed' });
    const after = await core.must('citizen-card:mark-no-shows', { workshopId });
    expect(after.items.filter((r) => r.status === 'no_show')).toHaveLength(4);
    expect(await world.statuses(workshopId)).toEqual({ attended: 1, no_show: 4, waiting: 2 });
    expect(await core.must('citizen-card:check-in', { workshopId, by: { method: 'card', cardNumber: drawn[2]!.holder.cardNumber! } })).toMatchObject({ status: 'attended' });
  });
});
