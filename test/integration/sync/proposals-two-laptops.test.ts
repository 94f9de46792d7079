/**
 * Proposals travel through the real portal: a photo first, then the proposal that names it; a
 * second field laptop receives the proposal (catalogue) but not the dots (study scope), which
 * only a lab desktop receives, with the anonymous profile they were given under.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startControlledPortal } from './controlled-portal.js';
import { startLaptop } from './device-harness.js';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('proposals between laptops', () => {
  it('a proposal with a photo reaches another laptop whole; its dots reach only the lab', async () => {
    const portal = await startControlledPortal();
    const [field, other, lab] = [await startLaptop('field'), await startLaptop('other'), await startLaptop('lab')];
    cleanups.push(() => portal.close(), () => field.close(), () => other.close(), () => lab.close());
    await field.enrol(portal.url, await portal.newCode());
    await other.enrol(portal.url, await portal.newCode());
    await lab.enrol(portal.url, await portal.newCode('lab'));

    const workshop = await field.createWorkshop({ arrondissement: 18 });
    const photo = await field.must('attachments:add', { mediaType: 'image/png', base64: PNG });
    const proposal = await field.must('proposals:create', {
      workshopId: workshop.id,
      fields: {
        title: 'Des bancs square Léon',
        description: 'Bancs et ombre.',
        themeCode: 'cadre-de-vie',
        locationType: 'arrondissement',
        arrondissement: null,
        addressLabel: "12 Rue de la Goutte d'Or, 75018 Paris",
        addressId: null,
        point: { lon: 2.353, lat: 48.8865 },
        inVeilleActive: false,
        estimatedCostEuros: 12500.5,
        runningCostsEuros: null,
        proposerType: 'association',
        proposerName: 'Les Amis du square',
        proposerAttendanceIds: [],
        proposedBefore: 'no',
        accessibleToDisabled: 'yes',
        photos: [photo.sha256],
      },
    });
    const profile = crypto.randomUUID();
    await field.must('supports:addDot', { proposalId: proposal.id, workshopId: workshop.id, profileId: profile });
    await field.must('supports:addDot', { proposalId: proposal.id, workshopId: workshop.id, profileId: profile });
    expect(await field.syncUntilSettled()).toMatchObject({ pending: 0, lastError: null });
    expect((await portal.attachments()).map((a) => a.sha256)).toEqual([photo.sha256]);

    await other.syncUntilSettled();
    const received = await other.must('proposals:get', { id: proposal.id });
    const { updatedAt: _u, createdAt: _c, ...sent } = proposal;
    expect(received).toMatchObject({ ...sent, photos: [photo.sha256], estimatedCostCents: 1_250_050, neighbourhoodClass: 'qpv', qpvCode: 'QN07511M' });
    const otherTally = await other.must('supports:tally', { workshopId: workshop.id });
    expect(otherTally.items).toEqual([]);

    await lab.syncUntilSettled();
    const labTally = await lab.must('supports:tally', { workshopId: workshop.id });
    expect(labTally.items).toEqual([expect.objectContaining({ proposalId: proposal.id, dots: 2 })]);
  });
});
