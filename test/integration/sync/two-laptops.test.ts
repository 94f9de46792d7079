import { afterEach, describe, expect, it } from 'vitest';
import { startPortal, testBackends, type RunningPortal } from '../portal/portal-harness.js';
import { fieldsOf, startLaptop, syncedView, type TestLaptop } from './device-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setUp(backend: 'sqlite' | 'postgres') {
  const portal: RunningPortal = await startPortal(backend);
  cleanups.push(() => portal.close());
  const a = await startLaptop('goutte-dor');
  const b = await startLaptop('belleville');
  cleanups.push(() => a.close(), () => b.close());
  return { portal, a, b };
}

async function enrol(portal: RunningPortal, ...laptops: TestLaptop[]) {
  for (const laptop of laptops) await laptop.enrol(portal.url, await portal.newCode('field'));
}

describe.each(testBackends())('two laptops and one portal (%s)', (backend) => {
  it("each laptop finds the other's workshops after syncing, and nothing waits any more", async () => {
    const { portal, a, b } = await setUp(backend);
    await enrol(portal, a, b);
    const fromA = await a.createWorkshop({ title: 'Atelier Goutte-d’Or' });
    const fromB = await b.createWorkshop({ title: 'Atelier Belleville', arrondissement: 20 });

    await a.sync();
    await b.sync();
    const settledA = await a.sync();

    expect(settledA).toMatchObject({ pending: 0, rejected: 0, conflicts: 0, enrolled: true, phase: 'idle', lastError: null });
    expect(settledA.lastSyncedAt).not.toBeNull();
    const titles = (await a.workshops()).map((w) => w.title).sort();
    expect(titles).toEqual(['Atelier Belleville', 'Atelier Goutte-d’Or']);
    expect(syncedView(await a.workshops())).toEqual(syncedView(await b.workshops()));
    expect((await b.must('workshops:get', { id: fromA.id })).title).toBe('Atelier Goutte-d’Or');
    expect((await a.must('workshops:get', { id: fromB.id })).arrondissement).toBe(20);
  });

  it('a same-field edit on both laptops is flagged on both, shows both values, and a person resolves it', async () => {
    const { portal, a, b } = await setUp(backend);
    await enrol(portal, a, b);
    const created = await a.createWorkshop({ title: 'Atelier budget participatif' });
    await a.sync();
    await b.sync();

    const onA = await a.must('workshops:get', { id: created.id });
    const onB = await b.must('workshops:get', { id: created.id });
    await a.must('workshops:update', { id: created.id, version: onA.version, fields: { ...fieldsOf(onA), title: 'Atelier du mardi' } });
    await b.must('workshops:update', { id: created.id, version: onB.version, fields: { ...fieldsOf(onB), title: 'Atelier du jeudi' } });
    await a.sync();
    await b.sync();
    await a.sync();

    for (const laptop of [a, b]) {
      const conflicts = await laptop.must('sync:conflicts', {});
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ recordId: created.id, field: 'title' });
      expect(conflicts[0]!.candidates.map((c) => c.value).sort()).toEqual(['Atelier du jeudi', 'Atelier du mardi']);
    }
    // Both laptops show the same provisional winner whatever the arrival order.
    expect((await a.must('workshops:get', { id: created.id })).title).toBe((await b.must('workshops:get', { id: created.id })).title);

    const [conflict] = await b.must('sync:conflicts', {});
    const mardi = conflict!.candidates.findIndex((c) => c.value === 'Atelier du mardi');
    const after = await b.must('sync:resolve', { entity: 'workshop', recordId: created.id, field: 'title', choice: mardi });
    expect(after.conflicts).toBe(0);
    await b.sync();
    await a.sync();

    expect(await a.must('sync:conflicts', {})).toEqual([]);
    expect((await a.must('workshops:get', { id: created.id })).title).toBe('Atelier du mardi');
    expect((await b.must('workshops:get', { id: created.id })).title).toBe('Atelier du mardi');
  });

  it('edits of different fields on two laptops merge without a flag', async () => {
    const { portal, a, b } = await setUp(backend);
    await enrol(portal, a, b);
    const created = await a.createWorkshop();
    await a.sync();
    await b.sync();
    const onA = await a.must('workshops:get', { id: created.id });
    const onB = await b.must('workshops:get', { id: created.id });
    await a.must('workshops:update', { id: created.id, version: onA.version, fields: { ...fieldsOf(onA), title: 'Nouveau titre' } });
    await b.must('workshops:update', { id: created.id, version: onB.version, fields: { ...fieldsOf(onB), venueName: 'Maison des associations' } });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const laptop of [a, b]) {
      const w = await laptop.must('workshops:get', { id: created.id });
      expect([w.title, w.venueName]).toEqual(['Nouveau titre', 'Maison des associations']);
      expect(await laptop.must('sync:conflicts', {})).toEqual([]);
    }
  });

  it('a removal travels as a tombstone and the workshop leaves both lists', async () => {
    const { portal, a, b } = await setUp(backend);
    await enrol(portal, a, b);
    const created = await a.createWorkshop();
    await a.sync();
    await b.sync();
    await b.must('workshops:remove', { id: created.id });
    await b.sync();
    await a.sync();
    expect((await a.workshops()).map((w) => w.id)).not.toContain(created.id);
    expect((await a.must('workshops:get', { id: created.id })).deletedAt).not.toBeNull();
  });

  it('a revoked laptop is told so and keeps its unsent changes', async () => {
    const { portal, a } = await setUp(backend);
    await enrol(portal, a);
    await a.createWorkshop();
    const { revokeDevice } = await import('#portal/enrolment.js');
    const deviceId = (await portal.db.selectFrom('devices').select('id').executeTakeFirstOrThrow()).id;
    await revokeDevice(portal.db, deviceId, new Date());
    const status = await a.sync();
    expect(status).toMatchObject({ phase: 'revoked', pending: 1 });
    expect(status.lastError).toMatchObject({ kind: 'revoked', reason: 'device_revoked' });
  });
});

