/**
 * An outbox that holds big or broken changes still drains: batches stay under the body size
 * a portal must accept, a middlebox that resets big requests makes the laptop split its batch
 * instead of sending it again as it was, and a change nested deeper than the protocol allows
 * goes to the rejected list instead of stopping the queue.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { PUSH_BATCH_BYTES } from '#core/sync/sync-engine.js';
import { openDatabase } from '#core/store/open-database.js';
import { startControlledPortal } from './controlled-portal.js';
import { startFaultProxy } from './fault-proxy.js';
import { startLaptop } from './device-harness.js';
import { dataFolderKey } from '#test/support/vault.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('an outbox of big or broken changes', () => {
  it('travels in batches under 1 MB, split in two each time a middlebox resets one, until all is on the portal', async () => {
    const portal = await startControlledPortal();
    const proxy = await startFaultProxy(portal.url);
    const laptop = await startLaptop('comptes-rendus');
    cleanups.push(() => portal.close(), () => proxy.close(), () => laptop.close());
    await laptop.enrol(proxy.url, await portal.newCode());
    // 120 workshops with long descriptions, about 10 kB each as they travel: 1.2 MB in all.
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push((await laptop.createWorkshop({ title: `Atelier ${i}`, description: 'é'.repeat(5000) })).id);
    proxy.resetBodiesOver(300_000);

    const status = await laptop.syncUntilSettled(8);
    expect(status).toMatchObject({ pending: 0, rejected: 0, lastError: null });
    expect((await portal.records()).map((r) => r.recordId).sort()).toEqual([...ids].sort());
    // Not one request, cut or not, carried more than a batch's worth.
    expect(Math.max(...proxy.receivedBytes)).toBeLessThanOrEqual(PUSH_BATCH_BYTES);
  });

  it('a change nested 5,000 levels deep goes to the rejected list and the changes around it arrive', async () => {
    const portal = await startControlledPortal();
    const laptop = await startLaptop('bug');
    cleanups.push(() => portal.close(), () => laptop.close());
    await laptop.enrol(portal.url, await portal.newCode());
    const before = await laptop.createWorkshop({ title: 'Avant' });
    // A bug wrote a change no schema allows, straight into the outbox.
    const local = openDatabase(dataDirLayout(laptop.dataDir).database, await dataFolderKey(laptop.dataDir));
    cleanups.push(() => local.db.destroy());
    local.sqlite
      .prepare("insert into outbox (change_id, entity, record_id, op, base_version, version, payload, created_at, base_revision) values (?, 'workshop', ?, 'update', 1, 2, ?, ?, 0)")
      .run(randomUUID(), before.id, `{"title":${'['.repeat(5000)}"x"${']'.repeat(5000)}}`, new Date().toISOString());
    const after = await laptop.createWorkshop({ title: 'Après' });

    const status = await laptop.syncUntilSettled(4);
    expect(status).toMatchObject({ pending: 0, rejected: 1, lastError: null });
    expect((await portal.records()).map((r) => r.fields.title).sort()).toEqual(['Après', 'Avant']);
    const [rejected] = await laptop.must('sync:rejected', {});
    expect(rejected).toMatchObject({ recordId: before.id, reason: { code: 'too_large' } });
    expect(after.id).not.toBe(before.id);
  });
});
