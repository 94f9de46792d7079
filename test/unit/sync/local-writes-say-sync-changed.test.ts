/**
 * Every local write, of any kind of record, is followed by `sync:changed`: the header's count
 * of changes waiting listens to it and must never fall behind the sync screen (it once stayed
 * at 52 while six dots and three arrivals were queued).
 */
import type { CommandInput, CommandName } from '#shared/contract.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { facilitator, plannedWorkshop, studyYes, profile } from '../attendance/attendance-test-kit.js';
import { proposalFields } from '../proposals/proposal-fixtures.js';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(async () => {
  await core.close();
});

const outbox = () => (core.sqlite.prepare('select count(*) as n from outbox').get() as { n: number }).n;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs a write and returns the events it caused, once the core's microtasks have run. */
async function write<K extends CommandName>(name: K, input: CommandInput<K>) {
  const before = core.events.length;
  const queued = outbox();
  const value = await core.must(name, input);
  await settle();
  return { value, events: core.events.slice(before).map((e) => e.name), queued: outbox() - queued };
}

describe('sync:changed after local writes', () => {
  it('follows a write of every kind of record, once per write', async () => {
    const w = await plannedWorkshop(core);
    const writes = [
      () => write('workshops:open', { id: w.id, version: w.version }),
      () => write('attendance:walk-in', { workshopId: w.id, person: null, recordedBy: facilitator, consents: [studyYes], profile: profile() }),
      () => write('attendance:head-count', { workshopId: w.id, delta: 1 }),
      () => write('attendance:register', { workshopId: w.id, person: { name: 'محمد بن علي', email: null }, recordedBy: facilitator, consents: [] }),
    ];
    for (const [i, run] of writes.entries()) {
      const { events, queued } = await run();
      expect(queued, `write ${i} queues a change`).toBeGreaterThan(0);
      expect(events.filter((e) => e === 'sync:changed'), `write ${i} says sync:changed once`).toHaveLength(1);
    }
    const created = await write('proposals:create', { workshopId: w.id, fields: proposalFields() });
    expect(created.queued).toBeGreaterThan(0);
    expect(created.events.filter((e) => e === 'sync:changed')).toHaveLength(1);
    const proposalId = created.value.id;
    for (let i = 0; i < 6; i++) {
      const { events, queued } = await write('supports:addDot', { proposalId, workshopId: w.id });
      expect(queued).toBeGreaterThan(0);
      expect(events).toContain('sync:changed');
    }
    const status = await core.must('sync:status', {});
    expect(status.pending).toBe(outbox());
  });
});
