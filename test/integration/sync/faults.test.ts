/**
 * The sync under every fault a hall's Wi-Fi or a 4G hotspot can produce, through a loopback
 * proxy of our own. After each scenario:
 * - every record created on any laptop is on the portal exactly once (created once: revision
 *   untouched by replays);
 * - every laptop converges to the portal's state;
 * - nothing waits in an outbox that the portal already has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Fault } from './fault-proxy.js';
import { startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startControlledPortal, type ControlledPortal } from './controlled-portal.js';
import { startLaptop, syncedView, type TestLaptop } from './device-harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface World {
  portal: ControlledPortal;
  proxy: FaultProxy;
  laptops: TestLaptop[];
  created: Set<string>;
}

async function world(laptopCount = 2): Promise<World> {
  const portal = await startControlledPortal();
  const proxy = await startFaultProxy(portal.url);
  cleanups.push(() => portal.close(), () => proxy.close());
  const laptops: TestLaptop[] = [];
  for (let i = 0; i < laptopCount; i++) {
    const laptop = await startLaptop(`laptop-${i}`, { timeoutMs: 400 });
    cleanups.push(() => laptop.close());
    await laptop.enrol(proxy.url, await portal.newCode());
    laptops.push(laptop);
  }
  return { portal, proxy, laptops, created: new Set() };
}

async function createOn(w: World, laptop: TestLaptop, count: number) {
  for (let i = 0; i < count; i++) w.created.add((await laptop.createWorkshop({ title: `${laptop.name} n°${i}` })).id);
}

/** Syncs every laptop until nothing is waiting and the last run of each succeeded. */
async function settle(w: World) {
  for (let round = 0; round < 3; round++) for (const laptop of w.laptops) await laptop.syncUntilSettled();
}

async function expectInvariants(w: World) {
  const records = await w.portal.records();
  const ids = records.map((r) => r.recordId);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...w.created].every((id) => ids.includes(id))).toBe(true);
  expect(ids.length).toBe(w.created.size);
  // Created once and never edited: a replayed create would have raised the revision.
  for (const record of records) expect(record.revision).toBe(1);
  const views = await Promise.all(w.laptops.map(async (l) => syncedView(await l.workshops())));
  for (const view of views) expect(view).toEqual(views[0]);
  expect(views[0]!.map((v) => v.id).sort()).toEqual([...ids].sort());
  for (const laptop of w.laptops) {
    const status = await laptop.must('sync:status', {});
    expect(status).toMatchObject({ pending: 0, rejected: 0, conflicts: 0, lastError: null });
  }
}

const faults: Fault[] = ['reset_before', 'reset_after', 'hang', 'http_503', 'truncate', 'duplicate', 'late'];

describe('sync under network faults (SQLite portal)', () => {
  it.each(faults)('%s on pushes and pulls loses and duplicates nothing', async (fault) => {
    const w = await world();
    const [a, b] = w.laptops as [TestLaptop, TestLaptop];
    await createOn(w, a, 3);
    await createOn(w, b, 2);
    // A fault on each of the next requests: pushes of both laptops and their pulls.
    w.proxy.plan([fault, fault, fault, fault]);
    await settle(w);
    // Every planned fault hit a real request (a fault on a push ends that run; the next run meets the next fault).
    expect(w.proxy.pending()).toBe(0);
    await expectInvariants(w);
  });

  it('a batch cut in the middle of a long queue resumes where the portal stopped', async () => {
    const w = await world(1);
    const [a] = w.laptops as [TestLaptop];
    await createOn(w, a, 450); // three batches of 200
    w.proxy.plan(['pass', 'reset_after', 'pass', 'truncate']);
    await settle(w);
    await expectInvariants(w);
  });

  it('a portal restart between two syncs changes nothing', async () => {
    const w = await world();
    const [a, b] = w.laptops as [TestLaptop, TestLaptop];
    await createOn(w, a, 2);
    await settle(w);
    await w.portal.restart();
    await createOn(w, b, 2);
    await settle(w);
    await expectInvariants(w);
  });

  it.each([true, false])(
    'a portal restored from an older backup gets back everything it lost (operator marked the restore: %s)',
    async (markRestored) => {
      const w = await world();
      const [a, b] = w.laptops as [TestLaptop, TestLaptop];
      await createOn(w, a, 2);
      await settle(w);
      const backup = await w.portal.backup();
      // Acknowledged after the backup: these leave the laptops' outboxes, then the portal loses them.
      await createOn(w, a, 2);
      await createOn(w, b, 3);
      await settle(w);
      expect((await w.portal.records()).length).toBe(7);

      await w.portal.restore(backup, { markRestored });
      expect((await w.portal.records()).length).toBe(2);
      await createOn(w, b, 1);
      await settle(w);
      await expectInvariants(w);
    },
  );
});
