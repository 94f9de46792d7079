/**
 * The test: a name, an e-mail and a card number typed at the door of a workshop (with a
 * photo of the wall), sent to the portal and pulled by the lab; the lab erases the person; then
 * nothing of them is found on the lab's desktop, on the portal (SQLite and PostgreSQL), on the
 * laptop that recorded them nor on a second lab desktop once each has synced — looked for
 * through SQLite (every table, the outbox included: what the app itself reads) and in the raw
 * bytes of every file of each data folder (database, WAL, attachments, journal) and, on SQLite,
 * of the portal's database and WAL.
 */
import { openDataFolder } from '#test/support/vault.js';
import { afterEach, describe, expect, it } from 'vitest';
import { filesUnder, findInDatabase, findInFiles, NEEDLES, recordKnownPerson } from '../../unit/people/rights-kit.js';
import { startPortal, testBackends, type RunningPortal } from '../portal/portal-harness.js';
import { startLaptop, type TestLaptop } from '../sync/device-harness.js';
import { findInPortalDatabase, findInRawFiles, portalFiles } from './portal-search.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function laptop(name: string, portal: RunningPortal, role: 'field' | 'lab'): Promise<TestLaptop> {
  const l = await startLaptop(name);
  cleanups.push(() => l.close());
  await l.enrol(portal.url, await portal.newCode(role));
  return l;
}

/** Everything the app and the disk hold for this laptop. */
async function leftOn(l: TestLaptop): Promise<string[]> {
  const sqlite = await openDataFolder(l.dataDir);
  try {
    return [...findInDatabase(sqlite), ...findInFiles(filesUnder(l.dataDir))];
  } finally {
    sqlite.close();
  }
}

for (const backend of testBackends()) {
  describe(`an erasure reaches everywhere (${backend})`, () => {
    it('the lab erases a person recorded at the door: nothing is left on the lab desktop, the portal, the door laptop, a second lab desktop', async () => {
      const portal = await startPortal(backend);
      cleanups.push(() => portal.close());
      const door = await laptop('door', portal, 'field');
      const lab = await laptop('lab', portal, 'lab');
      const lab2 = await laptop('lab-2', portal, 'lab');
      const elsewhere = await laptop('elsewhere', portal, 'field');

      const { personId } = await recordKnownPerson(door);
      expect(await door.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      await lab.syncUntilSettled();
      await lab2.syncUntilSettled();
      // Each place holds the person before: the searches below can find them.
      for (const l of [door, lab, lab2]) expect(await leftOn(l), l.name).not.toEqual([]);
      expect(await findInPortalDatabase(portal, NEEDLES)).not.toEqual([]);

      const [found] = (await lab.must('people:search', { query: 'marchetti', actor: 'Inès Lab' })).items;
      expect(found!.id).toBe(personId);
      await lab.must('people:erase', { personId, actor: 'Inès Lab', confirm: true });
      expect(await lab.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      for (const l of [door, lab2, elsewhere]) await l.syncUntilSettled();

      expect(await findInPortalDatabase(portal, NEEDLES)).toEqual([]);
      if (portal.dialect === 'sqlite') expect(findInRawFiles(portalFiles(portal), NEEDLES)).toEqual([]);
      for (const l of [lab, door, lab2, elsewhere]) expect(await leftOn(l), l.name).toEqual([]);
      // Every laptop holds the erasure; the identity is gone, the attendance and its consents stay.
      for (const l of [lab, door, lab2, elsewhere]) expect((await l.must('people:retention', { actor: 'x' })).months, l.name).toBe(12);
      const onDoor = await openDataFolder(door.dataDir);
      expect(onDoor.prepare('select count(*) as n from erasures where id = ?').get(personId)).toEqual({ n: 1 });
      expect(onDoor.prepare('select count(*) as n from consents c join attendances a on a.id = c.attendance_id where a.person_id = ?').get(personId)).toEqual({ n: 2 });
      onDoor.close();
    });

    it('a field laptop erases someone at their request: the lab desktop that had pulled them wipes its copy', async () => {
      const portal = await startPortal(backend);
      cleanups.push(() => portal.close());
      const door = await laptop('door', portal, 'field');
      const lab = await laptop('lab', portal, 'lab');
      const { personId } = await recordKnownPerson(door);
      await door.syncUntilSettled();
      await lab.syncUntilSettled();
      await door.must('people:erase', { personId, actor: 'Camille Martin', confirm: true });
      await door.syncUntilSettled();
      await lab.syncUntilSettled();
      for (const l of [door, lab]) expect(await leftOn(l), l.name).toEqual([]);
      expect(await findInPortalDatabase(portal, NEEDLES)).toEqual([]);
    });

    it('a laptop that erased someone before it could send them sends no name at all', async () => {
      const portal = await startPortal(backend);
      cleanups.push(() => portal.close());
      const door = await laptop('door', portal, 'field');
      const { personId } = await recordKnownPerson(door);
      await door.must('people:erase', { personId, actor: 'Camille Martin', confirm: true });
      expect(await door.syncUntilSettled()).toMatchObject({ pending: 0, rejected: 0 });
      expect(await findInPortalDatabase(portal, NEEDLES)).toEqual([]);
      if (portal.dialect === 'sqlite') expect(findInRawFiles(portalFiles(portal), NEEDLES)).toEqual([]);
    });
  });
}
