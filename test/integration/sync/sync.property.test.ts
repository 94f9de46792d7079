/**
 * Property tests of the sync (fast-check): three laptops make random offline creations, edits
 * and removals and sync at random moments through a proxy injecting random faults; then the
 * network comes back and everyone syncs. Whatever the interleaving:
 * - no loss: every record created anywhere is on the portal and on every laptop;
 * - no duplicate: each exactly once;
 * - convergence: every laptop shows the portal's state, conflicts included;
 * - two laptops that changed the same field from the same state are flagged, with both values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startControlledPortal } from './controlled-portal.js';
import { startFaultProxy, type Fault } from './fault-proxy.js';
import { fieldsOf, startLaptop, syncedView, type TestLaptop } from './device-harness.js';

const LAPTOPS = 3;
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 12);
/** A run takes a few seconds on two loaded cores; the test's budget grows with the runs. */
const TIMEOUT_MS = RUNS * 10_000;
const quickFaults: Fault[] = ['pass', 'pass', 'reset_before', 'reset_after', 'http_503', 'truncate', 'duplicate', 'late'];

type Action =
  | { type: 'create'; laptop: number }
  | { type: 'edit'; laptop: number; pick: number; field: 'title' | 'venueName'; value: string }
  | { type: 'remove'; laptop: number; pick: number }
  | { type: 'sync'; laptop: number; faults: Fault[] };

const laptopIndex = fc.integer({ min: 0, max: LAPTOPS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('create' as const), laptop: laptopIndex }),
  fc.record({
    type: fc.constant('edit' as const),
    laptop: laptopIndex,
    pick: fc.nat(),
    field: fc.constantFrom('title' as const, 'venueName' as const),
    value: fc.constantFrom('Salle A', 'Salle B', 'Atelier du soir', 'Atelier du matin', 'Maison des habitants'),
  }),
  fc.record({ type: fc.constant('remove' as const), laptop: laptopIndex, pick: fc.nat() }),
  fc.record({ type: fc.constant('sync' as const), laptop: laptopIndex, faults: fc.array(fc.constantFrom(...quickFaults), { maxLength: 2 }) }),
);


async function edit(laptop: TestLaptop, id: string, field: 'title' | 'venueName', value: string) {
  const current = await laptop.must('workshops:get', { id });
  if (current.status === 'closed' || current.status === 'cancelled' || current.deletedAt) return;
  await laptop.must('workshops:update', { id, version: current.version, fields: { ...fieldsOf(current), [field]: value } });
}

async function settle(laptops: TestLaptop[]) {
  for (let round = 0; round < 3; round++) for (const laptop of laptops) await laptop.syncUntilSettled();
}

async function everyoneAgrees(laptops: TestLaptop[], portalRecords: { recordId: string }[], created: Set<string>) {
  const ids = portalRecords.map((r) => r.recordId);
  expect(new Set(ids).size).toBe(ids.length); // no duplicate
  expect([...created].sort()).toEqual([...ids].sort()); // no loss, nothing invented
  const views = await Promise.all(
    laptops.map(async (l) => {
      const all = await Promise.all([...created].sort().map((id) => l.must('workshops:get', { id })));
      return { records: syncedView(all).map((v, i) => ({ ...v, deleted: all[i]!.deletedAt !== null })), conflicts: await l.must('sync:conflicts', {}) };
    }),
  );
  for (const view of views) expect(view).toEqual(views[0]); // convergence, conflicts included
  for (const laptop of laptops) expect(await laptop.must('sync:status', {})).toMatchObject({ pending: 0, rejected: 0, lastError: null });
}

describe('sync properties (three laptops, SQLite portal, random faults)', () => {
  it('random offline edits, removals and syncs under faults: no loss, no duplicate, convergence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 25 }), async (actions) => {
        const portal = await startControlledPortal();
        const proxy = await startFaultProxy(portal.url);
        const laptops: TestLaptop[] = [];
        try {
          for (let i = 0; i < LAPTOPS; i++) {
            const laptop = await startLaptop(`prop-${i}`, { timeoutMs: 1_500 });
            laptops.push(laptop);
            await laptop.enrol(proxy.url, await portal.newCode());
          }
          const created = new Set<string>();
          for (const step of actions) {
            const laptop = laptops[step.laptop]!;
            const known = (await laptop.workshops()).map((w) => w.id);
            if (step.type === 'create') created.add((await laptop.createWorkshop()).id);
            else if (step.type === 'edit' && known.length) await edit(laptop, known[step.pick % known.length]!, step.field, step.value);
            else if (step.type === 'remove' && known.length) await laptop.must('workshops:remove', { id: known[step.pick % known.length]! });
            else if (step.type === 'sync') {
              proxy.plan(step.faults);
              await laptop.sync();
            }
          }
          await proxy.calm(); // the network comes back: no more faults, late requests delivered
          await settle(laptops);
          await everyoneAgrees(laptops, await portal.records(), created);
        } finally {
          for (const laptop of laptops) await laptop.close();
          await proxy.close();
          await portal.close();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('two laptops changing the same field from the same state are flagged the same way whatever the order and faults', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.constantFrom(...quickFaults), { maxLength: 3 }),
        fc.constantFrom('title' as const, 'venueName' as const),
        async (bFirst, faults, field) => {
          const portal = await startControlledPortal();
          const proxy = await startFaultProxy(portal.url);
          const a = await startLaptop('same-a', { timeoutMs: 1_500 });
          const b = await startLaptop('same-b', { timeoutMs: 1_500 });
          try {
            await a.enrol(proxy.url, await portal.newCode());
            await b.enrol(proxy.url, await portal.newCode());
            const created = await a.createWorkshop();
            await settle([a, b]);
            await edit(a, created.id, field, 'Valeur de A');
            await edit(b, created.id, field, 'Valeur de B');
            proxy.plan(faults);
            for (const laptop of bFirst ? [b, a] : [a, b]) await laptop.syncUntilSettled();
            await proxy.calm();
            await settle([a, b]);
            const [record] = await portal.records();
            expect(record!.flagged).toBe(true);
            for (const laptop of [a, b]) {
              const conflicts = await laptop.must('sync:conflicts', {});
              expect(conflicts.map((c) => c.field)).toEqual([field]);
              expect(conflicts[0]!.candidates.map((c) => c.value).sort()).toEqual(['Valeur de A', 'Valeur de B']);
            }
            await everyoneAgrees([a, b], await portal.records(), new Set([created.id]));
          } finally {
            await a.close();
            await b.close();
            await proxy.close();
            await portal.close();
          }
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, TIMEOUT_MS);
});
