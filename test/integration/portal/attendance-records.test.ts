import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { startPortal, testBackends, type RunningPortal } from './portal-harness.js';

const at = '2026-03-14T17:40:00.000Z';
const valid = (workshopId: string, personId: string, profileId: string, attendanceId: string) => ({
  person: { name: 'Awa Diallo', email: 'awa@example.org', phone: null, citizenCardNumber: null, deletedAt: null },
  profile: {
    workshopId,
    ageBracket: '26_40',
    residence: 'paris',
    residenceArrondissement: 18,
    residenceCommune: null,
    livesInQpv: 'yes',
    gender: null,
    occupationCategory: 'employed',
    firstParticipation: 'yes',
    neighbourhoodCouncilMember: 'no',
    associationMember: 'no',
    associationName: null,
    deletedAt: null,
  },
  attendance: { workshopId, personId, profileId, status: 'present', source: 'walk_in', checkedInAt: at, recordedBy: 'Camille', deletedAt: null },
  consent: { attendanceId, purpose: 'study', granted: true, textVersion: 'study-2026-11', recordedAt: at, recordedBy: 'Camille', deletedAt: null },
  head_count: { workshopId, delta: 1, recordedAt: at, deletedAt: null },
});

for (const backend of testBackends()) {
  describe(`attendance records on the portal (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    it('accepts each attendance record kind whole, and refuses broken ones with the field named', async () => {
      const device = await portal.enrol('field');
      const ids = { workshop: randomUUID(), person: randomUUID(), profile: randomUUID(), attendance: randomUUID() };
      const records = valid(ids.workshop, ids.person, ids.profile, ids.attendance);
      const good = (Object.entries(records) as [keyof typeof records, Record<string, unknown>][]).map(([entity, fields]) =>
        device.change({ entity, recordId: entity === 'person' ? ids.person : entity === 'profile' ? ids.profile : entity === 'attendance' ? ids.attendance : randomUUID(), op: 'create', fields }),
      );
      const applied = await device.push(good);
      expect(applied.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);

      const bad = [
        // A profile never carries who it describes.
        device.change({ entity: 'profile', recordId: randomUUID(), op: 'create', fields: { ...records.profile, personId: ids.person } }),
        // A consent under a text version that does not exist.
        device.change({ entity: 'consent', recordId: randomUUID(), op: 'create', fields: { ...records.consent, textVersion: 'study-1999' } }),
        device.change({ entity: 'head_count', recordId: randomUUID(), op: 'create', fields: { ...records.head_count, delta: 500 } }),
        device.change({ entity: 'person', recordId: randomUUID(), op: 'create', fields: { ...records.person, name: 'x'.repeat(500) } }),
      ];
      const refused = await device.push(bad);
      expect(refused.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
      expect(refused.results.map((r) => Object.keys(r.reason?.fields ?? {})).flat()).toEqual(
        expect.arrayContaining(['textVersion', 'delta', 'name']),
      );
    });

    it('a field laptop pulls the anonymous count but no identity, consent nor profile; the lab pulls them all', async () => {
      const device = await portal.enrol('field');
      const ids = { workshop: randomUUID(), person: randomUUID(), profile: randomUUID(), attendance: randomUUID() };
      const records = valid(ids.workshop, ids.person, ids.profile, ids.attendance);
      await device.push((Object.entries(records) as [string, Record<string, unknown>][]).map(([entity, fields]) => device.change({ entity: entity as never, recordId: randomUUID(), op: 'create', fields })));
      const field = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const kinds = async (d: typeof field) => [...new Set((await d.pullAll()).records.map((r) => r.entity))].sort();
      expect(await kinds(field)).toEqual(['head_count']);
      expect(await kinds(lab)).toEqual(['attendance', 'consent', 'head_count', 'person', 'profile']);
    });
  });

  describe(`a walk-in travels from a field laptop to the lab (${backend})`, () => {
    let portal: RunningPortal;
    const laptops: TestLaptop[] = [];
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => {
      for (const l of laptops) await l.close();
      await portal?.close();
    });

    it('the lab sees the attendance, its consent and profile; another field laptop sees only the count', async () => {
      const [door, other, lab] = [await startLaptop('door'), await startLaptop('other'), await startLaptop('lab')];
      laptops.push(door, other, lab);
      await door.enrol(portal.url, await portal.newCode('field'));
      await other.enrol(portal.url, await portal.newCode('field'));
      await lab.enrol(portal.url, await portal.newCode('lab'));
      const w = await door.createWorkshop();
      const study = { purpose: 'study', granted: true, textVersion: 'study-2026-11' };
      const profile = { ageBracket: '16_25', residence: 'paris', residenceArrondissement: 19, livesInQpv: 'yes', occupationCategory: 'student', firstParticipation: 'yes', neighbourhoodCouncilMember: 'no', associationMember: 'no' };
      const walked = await door.must('attendance:walk-in', { workshopId: w.id, recordedBy: 'Camille', person: { name: 'Inès Haddad' }, consents: [study], profile });
      await door.must('attendance:head-count', { workshopId: w.id, delta: 1 });
      expect(await door.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      await other.syncUntilSettled();
      await lab.syncUntilSettled();

      const seenByLab = await lab.must('attendance:list', { workshopId: w.id });
      expect(seenByLab.items).toMatchObject([{ id: walked.attendance!.id, name: 'Inès Haddad', hasProfile: true, consents: { study: { granted: true, textVersion: 'study-2026-11' } } }]);
      expect(seenByLab.counts).toMatchObject({ present: 1, anonymous: 1, total: 2, profiles: 1 });
      // The check-in search works on the lab's pulled copy: the local search column was rebuilt.
      expect(await lab.must('attendance:search', { workshopId: w.id, query: 'ines' })).toMatchObject({ items: [{ name: 'Inès Haddad', status: 'present' }] });
      const seenByOther = await other.must('attendance:list', { workshopId: w.id });
      expect(seenByOther.items).toEqual([]);
      expect(seenByOther.counts).toMatchObject({ present: 0, anonymous: 1, total: 1 });
    });
  });
}
