import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, testBackends, type RunningPortal, type TestDevice } from './portal-harness.js';

/** A whole, valid proposal as it travels. */
function proposalFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    workshopId: randomUUID(),
    kind: 'proposal',
    title: 'Des bancs et de l’ombre square Léon',
    description: 'Ajouter des bancs.',
    themeCode: 'cadre-de-vie',
    locationType: 'arrondissement',
    arrondissement: 18,
    addressLabel: "12 Rue de la Goutte d'Or, 75018 Paris",
    addressId: null,
    lon: 2.353,
    lat: 48.8865,
    neighbourhoodClass: 'qpv',
    qpvCode: 'QN07511M',
    estimatedCostCents: 1_250_000,
    runningCostsCents: null,
    proposerType: 'people_present',
    proposerName: null,
    proposerAttendanceIds: [],
    proposedBefore: 'no',
    accessibleToDisabled: 'yes',
    status: 'draft',
    mergedInto: null,
    photos: [],
    capturedAt: '2026-03-14T18:00:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

function supportFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    proposalId: randomUUID(),
    workshopId: randomUUID(),
    profileId: randomUUID(),
    method: 'dot',
    dots: 1,
    grade: null,
    recordedAt: '2026-03-14T18:10:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

for (const backend of testBackends()) {
  describe(`proposals and supports on the portal (${backend})`, () => {
    let portal: RunningPortal;
    let device: TestDevice;
    beforeAll(async () => {
      portal = await startPortal(backend);
      device = await portal.enrol('field');
    });
    afterAll(async () => portal?.close());

    it('a valid proposal and a valid dot are applied; invalid ones are rejected alone, with the field at fault', async () => {
      const changes = [
        device.change({ entity: 'proposal', recordId: randomUUID(), op: 'create', fields: proposalFields() }),
        device.change({ entity: 'proposal', recordId: randomUUID(), op: 'create', fields: proposalFields({ estimatedCostCents: -500 }) }),
        device.change({ entity: 'proposal', recordId: randomUUID(), op: 'create', fields: proposalFields({ neighbourhoodClass: 'other' }) }),
        device.change({ entity: 'support', recordId: randomUUID(), op: 'create', fields: supportFields() }),
        device.change({ entity: 'support', recordId: randomUUID(), op: 'create', fields: supportFields({ grade: 'adore' }) }),
        device.change({ entity: 'support', recordId: randomUUID(), op: 'create', fields: supportFields({ method: 'majority_judgement', dots: null, grade: 'génial' }) }),
      ];
      const answer = await device.push(changes);
      expect(answer.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected', 'applied', 'rejected', 'rejected']);
      expect(Object.keys(answer.results[1]!.reason?.fields ?? {})).toEqual(['estimatedCostCents']);
      expect(Object.keys(answer.results[2]!.reason?.fields ?? {})).toEqual(['qpvCode']);
      expect(Object.keys(answer.results[5]!.reason?.fields ?? {})).toEqual(['grade']);
    });

    it('a proposal whose photo is not on the portal yet is held back', async () => {
      const answer = await device.push([
        device.change({ entity: 'proposal', recordId: randomUUID(), op: 'create', fields: proposalFields({ photos: ['a'.repeat(64)] }) }),
      ]);
      expect(answer.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'attachment_missing' } });
    });

    it('proposals reach every device; supports (study scope) only lab desktops', async () => {
      const field = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const seenByField = (await field.pullAll()).records.map((r) => r.entity);
      const seenByLab = (await lab.pullAll()).records.map((r) => r.entity);
      expect(seenByField).toContain('proposal');
      expect(seenByField).not.toContain('support');
      expect(seenByLab).toEqual(expect.arrayContaining(['proposal', 'support']));
    });
  });
}
