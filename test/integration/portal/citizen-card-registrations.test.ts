/**
 * The City's website registers holders online: it posts a card number for an atelier to the
 * portal, which stores a `card_registration` (channel online) with the holder the portal holds
 * for that number; a lab desktop pulls it like any record. Idempotent; an unknown card number,
 * an unknown atelier, a closed list are typed 422 answers, never a 5xx.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { json, postJson, startPortal, testBackends, type RunningPortal, type TestDevice } from './portal-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function labWithAtelier(portal: RunningPortal) {
  const lab: TestLaptop = await startLaptop('lab');
  cleanups.push(() => lab.close());
  await lab.enrol(portal.url, await portal.newCode('lab'));
  const type = await lab.must('citizen-card:save-type', {
    fields: { title: 'Visite de l’Hôtel de Ville', description: '', theme: 'hotel_de_ville_visit', audience: 'adults', format: 'visit', durationMinutes: 90, accessibility: [], languages: ['fr'] },
  });
  const workshop = await lab.createWorkshop({ kind: 'citizen_card_atelier', startsAt: '2027-06-03T18:30', endsAt: '2027-06-03T20:30' });
  await lab.must('citizen-card:save-occurrence', { workshopId: workshop.id, fields: { atelierTypeId: type.id, places: 10, reserved: [], walkInsAllowed: false } });
  const holder = await lab.must('citizen-card:save-holder', {
    fields: { cardNumber: 'PC123456', name: 'Lucie Martin', birthYear: 1975, arrondissement: 19, email: '', phone: '', contactConsent: false },
  });
  expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
  return { lab, workshopId: workshop.id, holderId: holder.id };
}

const post = (portal: RunningPortal, site: TestDevice, body: unknown) => postJson(`${portal.url}/v1/citizen-card/registrations`, body, site.auth);

describe.each(testBackends())('online registrations to Citizen Card ateliers (%s)', (backend) => {
  it('stores a registration the lab pulls, once per holder, and answers typed refusals', async () => {
    const portal = await startPortal(backend);
    cleanups.push(() => portal.close());
    const { lab, workshopId } = await labWithAtelier(portal);
    const site = await portal.enrol('field', 'Site paris.fr');
    const registration = { externalId: 'paris.fr:8841', workshopId, cardNumber: 'pc 123-456', groups: ['qpv_resident'], submittedAt: '2027-05-01T08:00:00Z' };

    const first = await post(portal, site, registration);
    expect(first.status).toBe(201);
    const created = await json(first);
    expect(created).toMatchObject({ status: 'registered', created: true });
    // Posted again, or under another external id: the same record, nothing written.
    const again = await post(portal, site, registration);
    expect([again.status, await json(again)]).toEqual([200, { ...created, created: false }]);
    expect(await json(await post(portal, site, { ...registration, externalId: 'paris.fr:9000' }))).toEqual({ ...created, created: false });

    const unknownCard = await post(portal, site, { ...registration, externalId: 'x1', cardNumber: 'ZZ000000' });
    expect([unknownCard.status, await json(unknownCard)]).toEqual([422, { code: 'unknown_card', message: expect.any(String), fields: { cardNumber: 'validation.unknownCard' } }]);
    const unknownAtelier = await post(portal, site, { ...registration, externalId: 'x2', workshopId: crypto.randomUUID() });
    expect([unknownAtelier.status, (await json(unknownAtelier)).code]).toEqual([422, 'unknown_atelier']);
    const malformed = await post(portal, site, { ...registration, externalId: 'bad id with spaces' });
    expect([malformed.status, (await json(malformed)).code]).toEqual([400, 'invalid_request']);
    const anonymous = await postJson(`${portal.url}/v1/citizen-card/registrations`, registration);
    expect(anonymous.status).toBe(401);

    // The lab desktop pulls it like any record: with its holder's name, masked number, channel online.
    await lab.syncUntilSettled();
    const items = (await lab.must('citizen-card:registrations', { workshopId })).items;
    expect(items).toEqual([
      expect.objectContaining({
        id: (created as { registrationId: string }).registrationId,
        channel: 'online',
        status: 'registered',
        holderName: 'Lucie Martin',
        maskedCardNumber: '•••• 3456',
        groups: ['first_timer', 'qpv_resident'],
        registeredAt: '2027-05-01T08:00:00.000Z',
      }),
    ]);
    // The desk cannot register her a second time: it is one record.
    const holderId = items[0]!.holderId;
    expect(await lab.invoke('citizen-card:register', { workshopId, holderId, channel: 'desk', groups: [] })).toMatchObject({ ok: false, error: { fields: { holderId: 'validation.alreadyRegistered' } } });

    // Once the draw is announced (and synced), the list is closed online too.
    await lab.must('citizen-card:announce-draw', { workshopId, drawDate: '2027-05-20' });
    await lab.syncUntilSettled();
    const second = await lab.must('citizen-card:save-holder', {
      fields: { cardNumber: 'PC654321', name: 'Omar B.', birthYear: null, arrondissement: null, email: '', phone: '', contactConsent: false },
    });
    expect(second).toBeTruthy();
    await lab.syncUntilSettled();
    const closed = await post(portal, site, { ...registration, externalId: 'x3', cardNumber: 'PC654321' });
    expect([closed.status, (await json(closed)).code]).toEqual([422, 'registrations_closed']);
  }, 60_000);
});
