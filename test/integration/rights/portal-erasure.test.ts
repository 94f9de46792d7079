/**
 * The portal and the `erasure` kind: it validates an erasure (personal kinds only, nullable
 * fields only, whole, write-once), wipes its copy of each record named — the fields, their
 * history and conflicts, the kept copies of refused changes — hands the wiped copy to the lab
 * and the erasure to every laptop, and sets those fields to null in every later change.
 * On SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, testBackends, type RunningPortal, type TestDevice } from '../portal/portal-harness.js';
import { findInPortalDatabase, findInRawFiles, portalFiles } from './portal-search.js';

const NAME = 'Zénobie Marchetti-Oulhadj';
const EMAIL = 'zenobie.marchetti@exemple.fr';
const CARD = 'PC7731904';
const person = (overrides: Record<string, unknown> = {}) => ({ name: NAME, email: EMAIL, phone: '06 12 34 56 78', citizenCardNumber: CARD, deletedAt: null, ...overrides });
const personFields = ['name', 'email', 'phone', 'citizenCardNumber'];
const erasure = (personId: string, overrides: Record<string, unknown> = {}) => ({
  subjectEntity: 'person',
  targets: [{ entity: 'person', recordId: personId, fields: personFields }],
  reason: 'request',
  erasedAt: '2026-03-20T10:00:00.000Z',
  erasedBy: 'Inès Lab',
  ...overrides,
});

for (const backend of testBackends()) {
  describe(`erasures on the portal (${backend})`, () => {
    let portal: RunningPortal;
    beforeAll(async () => {
      portal = await startPortal(backend);
    });
    afterAll(async () => portal?.close());

    async function recordedPerson(door: TestDevice) {
      const personId = randomUUID();
      const created = await door.push([door.change({ entity: 'person', recordId: personId, op: 'create', fields: person() })]);
      expect(created.results[0]!.status).toBe('applied');
      return personId;
    }

    it('wipes its copy, its history, the conflicts and the refused copies, and the lab pulls the wiped record', async () => {
      const door = await portal.enrol('field');
      const other = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const personId = await recordedPerson(door);
      // Two laptops typed another name at once: a conflict whose candidates are names.
      await door.push([door.change({ entity: 'person', recordId: personId, op: 'update', baseRevision: 1, fields: { name: `${NAME} (porte)` } })]);
      await other.push([other.change({ entity: 'person', recordId: personId, op: 'update', baseRevision: 1, fields: { name: `${NAME} (autre)` } })]);
      // A refused change keeps a copy on the portal, with the name in it.
      await door.push([door.change({ entity: 'person', recordId: personId, op: 'update', baseRevision: 3, fields: { email: EMAIL, phone: 'x'.repeat(50) } })]);
      expect(await findInPortalDatabase(portal, [NAME, EMAIL, CARD])).not.toEqual([]);
      const before = await lab.pullAll();

      const erased = await lab.push([lab.change({ entity: 'erasure', recordId: personId, op: 'create', fields: erasure(personId) })]);
      expect(erased.results[0]!.status).toBe('applied');

      expect(await findInPortalDatabase(portal, [NAME, EMAIL, CARD, '06 12 34 56 78'])).toEqual([]);
      if (portal.dialect === 'sqlite') expect(findInRawFiles(portalFiles(portal), [NAME, EMAIL, CARD, 'Marchetti'])).toEqual([]);
      const after = await lab.pullAll(before.cursor);
      const wiped = after.records.find((r) => r.entity === 'person' && r.recordId === personId);
      expect(wiped).toMatchObject({ fields: { name: null, email: null, phone: null, citizenCardNumber: null, deletedAt: null }, conflicts: [] });
      expect(after.records.find((r) => r.entity === 'erasure')).toMatchObject({ recordId: personId, fields: erasure(personId) });
    });

    it('sets the erased fields to null in every later change, from a laptop that had not heard of it', async () => {
      const door = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const personId = await recordedPerson(door);
      await lab.push([lab.change({ entity: 'erasure', recordId: personId, op: 'create', fields: erasure(personId) })]);
      const late = await door.push([
        door.change({ entity: 'person', recordId: personId, op: 'update', baseRevision: 1, fields: { name: NAME, deletedAt: '2026-03-21T10:00:00.000Z' } }),
        // Refused (too long) after the erasure: its kept copy has no name either.
        door.change({ entity: 'person', recordId: personId, op: 'update', baseRevision: 1, fields: { email: EMAIL, deletedAt: 'pas une date' } }),
        // The whole record again, as a laptop restored from a backup re-pushes it.
        door.change({ entity: 'person', recordId: personId, op: 'create', baseRevision: 0, fields: person({ deletedAt: '2026-03-21T10:00:00.000Z' }) }),
      ]);
      expect(late.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      const stored = await portal.db.selectFrom('records').select('fields').where('entity', '=', 'person').where('record_id', '=', personId).executeTakeFirstOrThrow();
      expect(JSON.parse(stored.fields)).toEqual({ name: null, email: null, phone: null, citizenCardNumber: null, deletedAt: '2026-03-21T10:00:00.000Z' });
      expect(await findInPortalDatabase(portal, [NAME, EMAIL, CARD])).toEqual([]);
    });

    it('keeps the first erasure of a subject: a second one changes nothing and is no conflict', async () => {
      const door = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const personId = await recordedPerson(door);
      const first = await lab.push([lab.change({ entity: 'erasure', recordId: personId, op: 'create', fields: erasure(personId) })]);
      const fromDoor = await door.push([door.change({ entity: 'erasure', recordId: personId, op: 'create', fields: erasure(personId, { reason: 'retention', erasedBy: null, erasedAt: '2026-04-01T00:00:00.000Z' }) })]);
      expect(fromDoor.results[0]).toMatchObject({ status: 'applied', revision: first.results[0]!.revision });
      const stored = await portal.db.selectFrom('records').select(['fields', 'flagged']).where('entity', '=', 'erasure').where('record_id', '=', personId).executeTakeFirstOrThrow();
      expect({ fields: JSON.parse(stored.fields), flagged: stored.flagged }).toEqual({ fields: erasure(personId), flagged: 0 });
    });

    it('refuses an erasure of a catalogue record, of a field that cannot be null or does not exist, and one not whole', async () => {
      const lab = await portal.enrol('lab');
      const id = randomUUID();
      const cases = [
        erasure(id, { targets: [{ entity: 'workshop', recordId: id, fields: ['minutes'] }] }),
        erasure(id, { targets: [{ entity: 'attendance', recordId: id, fields: ['workshopId'] }] }),
        erasure(id, { targets: [{ entity: 'person', recordId: id, fields: ['shoeSize'] }] }),
        erasure(id, { targets: [] }),
        erasure(id, { erasedBy: 'x'.repeat(500) }),
        erasure(id, { erasedBy: 'Inès', extra: 'Zénobie' }),
        { reason: 'request' },
      ];
      const answer = await lab.push(cases.map((fields) => lab.change({ entity: 'erasure', recordId: randomUUID(), op: 'create', fields })));
      expect(answer.results.map((r) => r.status)).toEqual(cases.map(() => 'rejected'));
      expect(answer.results.map((r) => Object.keys(r.reason?.fields ?? {})[0])).toEqual([
        'targets.0.entity',
        'targets.0.fields.0',
        'targets.0.fields.0',
        'targets',
        'erasedBy',
        '_',
        'subjectEntity',
      ]);
    });

    it('hands erasures and the lab settings to field laptops (catalogue), never the identities', async () => {
      const door = await portal.enrol('field');
      const lab = await portal.enrol('lab');
      const personId = await recordedPerson(door);
      const settingsId = '6f3c2a1e-9b4d-4e57-8a0c-2d1b7e5f9a34';
      const pushed = await lab.push([
        lab.change({ entity: 'erasure', recordId: personId, op: 'create', fields: erasure(personId) }),
        lab.change({ entity: 'lab_settings', recordId: settingsId, op: 'create', fields: { identityRetentionMonths: 24 } }),
        lab.change({ entity: 'lab_settings', recordId: settingsId, op: 'update', fields: { identityRetentionMonths: 0 } }),
      ]);
      expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
      const field = await portal.enrol('field');
      const kinds = new Set((await field.pullAll()).records.map((r) => r.entity));
      expect(kinds.has('erasure') && kinds.has('lab_settings')).toBe(true);
      expect(kinds.has('person')).toBe(false);
    });

    it('takes the lab settings from the lab only: a field laptop may not change the retention period', async () => {
      const door = await portal.enrol('field');
      const pushed = await door.push([door.change({ entity: 'lab_settings', recordId: randomUUID(), op: 'create', fields: { identityRetentionMonths: 120 } })]);
      expect(pushed.results[0]).toMatchObject({ status: 'rejected', reason: { code: 'entity_not_allowed' } });
    });
  });
}
